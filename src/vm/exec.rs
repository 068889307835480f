//! Every instruction, in full: the evaluation loop (eval.rs) handles the
//! common cases of the hot instructions inline and comes here for the
//! rest, so the loop stays small enough to compile tightly.

use crate::runtime::pyarc::PyArc;

use super::error::{name_error, name_error_in, type_error};
use super::fast_ops::{float_fast, free_var_error, int_fast, unbound_local};
use super::invoke::{kwargs_from_dict, make_function};
use super::{PyErr, PyResult, Vm};
use crate::bytecode::op::make_fn;
use crate::bytecode::{Code, Op};
use crate::runtime::class::ClassFlags;
use crate::runtime::iter::IterState;
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// What the loop does after an instruction.
pub(super) enum Flow {
    /// Go on with the next instruction.
    Next,
    /// Continue at this instruction.
    Jump(usize),
    /// The frame stack changed (a call pushed a frame): reload the frame.
    Frames,
    /// Raise this exception again without a new traceback entry.
    Reraise(PyErr),
}

impl Vm {
    /// Executes `op` of frame `fi`, whose code is `code`. The frame's `pc`
    /// already points at the next instruction.
    #[inline(never)]
    pub(super) fn exec_op(&mut self, op: Op, fi: usize, code: &Code) -> PyResult<Flow> {
        macro_rules! pop {
            () => {
                self.stack.pop().unwrap_or_default()
            };
        }
        macro_rules! top {
            () => {
                self.stack.last().unwrap_or(&Value::Undef)
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                &self.stack[self.stack.len() - ($n)]
            };
        }
        let f = &mut self.frames[fi];
        match op {
            Op::Nop => {}
            Op::PopTop => {
                if let Some(v) = self.stack.pop() {
                    v.release();
                }
            }
            Op::Copy(n) => {
                let v = peek!(n as usize).clone();
                self.stack.push(v);
            }
            Op::Swap(n) => {
                let len = self.stack.len();
                self.stack.swap(len - 1, len - n as usize);
            }
            Op::LoadConst(i) => {
                let v = code.consts[i as usize].clone();
                self.stack.push(v);
            }
            Op::LoadFast(i) => {
                let v = self.stack[f.base + i as usize].clone();
                if v.is_undef() {
                    return Err(unbound_local(&code.varnames[i as usize]));
                }
                self.stack.push(v);
            }
            Op::StoreFast(i) => {
                let v = pop!();
                let old = std::mem::replace(&mut self.stack[f.base + i as usize], v);
                old.release();
            }
            Op::DeleteFast(i) => {
                if self.stack[f.base + i as usize].is_undef() {
                    return Err(unbound_local(&code.varnames[i as usize]));
                }
                self.stack[f.base + i as usize] = Value::Undef;
            }
            Op::LoadDeref(i) => {
                let v = f.cell(i as usize).get();
                if v.is_undef() {
                    return Err(free_var_error(code, i as usize));
                }
                self.stack.push(v);
            }
            Op::LoadClassDeref(i) => {
                let name = code.cell_name(i as usize).clone();
                let v = match f.locals.as_ref().and_then(|l| l.get_str(&name)) {
                    Some(v) => v,
                    None => f.cell(i as usize).get(),
                };
                if v.is_undef() {
                    return Err(free_var_error(code, i as usize));
                }
                self.stack.push(v);
            }
            Op::StoreDeref(i) => {
                let v = pop!();
                f.cell(i as usize).set(v);
            }
            Op::DeleteDeref(i) => {
                if f.cell(i as usize).get().is_undef() {
                    return Err(free_var_error(code, i as usize));
                }
                f.cell(i as usize).set(Value::Undef);
            }
            Op::LoadClosure(i) => {
                let c = f.cell(i as usize).clone();
                self.stack.push(Value::Cell(c));
            }
            Op::LoadGlobal(i) => {
                let globals = &f.func.globals;
                let (gv, bv) = (globals.mutations(), self.shared.builtins.mutations());
                let gid = PyArc::as_ptr(globals) as usize;
                let site = &code.global_cache[i as usize];
                let cached = {
                    let c = site.cache.lock();
                    if c.globals == gid && c.globals_version == gv && c.builtins_version == bv && !c.value.is_undef() {
                        Some(c.value.clone())
                    } else {
                        None
                    }
                };
                let v = match cached {
                    Some(v) => v,
                    None => {
                        let name = &code.names[i as usize];
                        let (v, found) = match globals.get_str_index(name) {
                            Some((index, v)) => (v, Some(index)),
                            None => match self.shared.builtins.get_str(name) {
                                Some(v) => (v, None),
                                None => return Err(name_error_in(name.as_str(), &[globals])),
                            },
                        };
                        let mut c = site.cache.lock();
                        *c = crate::bytecode::code::GlobalCache {
                            globals: gid,
                            globals_ref: PyArc::downgrade(globals),
                            globals_version: gv,
                            builtins_version: bv,
                            // A global's value is not kept: the cache
                            // would hold it after the program dropped
                            // it (`del x`, `x = None`), which frees it
                            // later than CPython does and hides
                            // garbage cycles from the collector. Its
                            // entry is read again instead.
                            value: if found.is_some() { Value::Undef } else { v.clone() },
                            in_globals: found.is_some(),
                            index: found.unwrap_or(0),
                            globals_keys: globals.version(),
                            borrowed: Default::default(),
                        };
                        if found.is_some() {
                            c.borrow_global(&v, gv);
                        }
                        if crate::runtime::sync::locking_enabled() {
                            super::eval_lookup::publish_global(site, globals, gv, bv, &v);
                        }
                        drop(c);
                        v
                    }
                };
                self.stack.push(v);
            }
            Op::StoreGlobal(i) => {
                let v = pop!();
                f.func.globals.set_str(code.names[i as usize].clone(), v);
            }
            Op::DeleteGlobal(i) => {
                let name = &code.names[i as usize];
                if f.func.globals.remove_str(name.as_str()).is_none() {
                    return Err(name_error(name.as_str()));
                }
            }
            Op::LoadName(i) => {
                let name = &code.names[i as usize];
                let found = f.locals.as_ref().and_then(|l| l.get_str(name));
                let v = match found.or_else(|| f.func.globals.get_str(name)) {
                    Some(v) => v,
                    None => match self.shared.builtins.get_str(name) {
                        Some(v) => v,
                        None => {
                            let globals = &f.func.globals;
                            let scopes: Vec<_> = f.locals.iter().filter(|l| !PyArc::ptr_eq(l, globals)).collect();
                            return Err(name_error_in(name.as_str(), &[scopes.as_slice(), &[globals]].concat()));
                        }
                    },
                };
                self.stack.push(v);
            }
            Op::StoreName(i) => {
                let v = pop!();
                let ns = f.locals.clone().unwrap_or_else(|| f.func.globals.clone());
                ns.set_str(code.names[i as usize].clone(), v);
            }
            Op::DeleteName(i) => {
                let name = &code.names[i as usize];
                let ns = f.locals.clone().unwrap_or_else(|| f.func.globals.clone());
                if ns.remove_str(name.as_str()).is_none() {
                    return Err(name_error(name.as_str()));
                }
            }
            // The fused forms: push the local, then do the second half.
            Op::LoadFastConst(local, k) => {
                self.exec_op(Op::LoadFast(local as u32), fi, code)?;
                return self.exec_op(Op::LoadConst(k as u32), fi, code);
            }
            Op::StoreFastLoadFast(store, load) => {
                self.exec_op(Op::StoreFast(store as u32), fi, code)?;
                return self.exec_op(Op::LoadFast(load as u32), fi, code);
            }
            Op::LoadFastAttr(local, name) => {
                self.exec_op(Op::LoadFast(local as u32), fi, code)?;
                return self.exec_op(Op::LoadAttr(name as u32), fi, code);
            }
            Op::StoreFastAttr(local, name) => {
                self.exec_op(Op::LoadFast(local as u32), fi, code)?;
                return self.exec_op(Op::StoreAttr(name as u32), fi, code);
            }
            Op::LoadFastMethod(local, name) => {
                self.exec_op(Op::LoadFast(local as u32), fi, code)?;
                return self.exec_op(Op::LoadMethod(name as u32), fi, code);
            }
            Op::LoadAttr(i) => {
                let name = &code.names[i as usize];
                // An attribute in the instance dict, with no hook or
                // descriptor in the way: the common case.
                if let Value::Instance(inst) = top!() {
                    let cls = inst.class_ref();
                    if !cls.has_flag(ClassFlags::GETATTRIBUTE)
                        && !cls.is_descriptor_name(name)
                        && let Some(v) = inst.dict.get_str(name)
                    {
                        *self.stack.last_mut().expect("an object to load from") = v;
                        return Ok(Flow::Next);
                    }
                }
                let obj = pop!();
                let v = (self.get_attr(&obj, name))?;
                self.stack.push(v);
            }
            Op::StoreAttr(i) => {
                let name = &code.names[i as usize];
                let obj = pop!();
                let v = pop!();
                if let Value::Instance(inst) = &obj {
                    let cls = inst.class_ref();
                    if !cls.has_flag(ClassFlags::SETATTR) && inst.exc().is_none() && !cls.is_descriptor_name(name) {
                        inst.dict.set_str(name.clone(), v);
                        return Ok(Flow::Next);
                    }
                }
                (self.set_attr(&obj, name, v))?;
            }
            Op::DeleteAttr(i) => {
                let obj = pop!();
                (self.del_attr(&obj, &code.names[i as usize]))?;
            }
            Op::LoadMethod(i) => {
                let obj = pop!();
                let (m, recv) = (self.load_method(&obj, &code.names[i as usize]))?;
                self.stack.push(m);
                self.stack.push(recv);
            }
            Op::CallMethod(argc) => {
                let argc = argc as usize;
                let len = self.stack.len();
                let has_self = !self.stack[len - argc - 1].is_undef();
                if has_self && self.push_simple_call(len - argc - 2) {
                    return Ok(Flow::Frames);
                }
                let result = if has_self {
                    self.call_on_stack(argc + 1, None)
                } else {
                    // No receiver: drop the marker and call the attribute.
                    self.stack.remove(len - argc - 1);
                    self.call_on_stack(argc, None)
                };
                if (result)? {
                    return Ok(Flow::Frames);
                }
            }
            Op::Call(argc) => {
                let slot = self.stack.len() - argc as usize - 1;
                if self.push_simple_call(slot) {
                    return Ok(Flow::Frames);
                }
                if (self.call_on_stack(argc as usize, None))? {
                    return Ok(Flow::Frames);
                }
            }
            Op::CallKw(argc) => {
                let Value::Tuple(names) = pop!() else {
                    return Err(type_error("keyword names must be a tuple"));
                };
                if (self.call_on_stack(argc as usize, Some(&names.items)))? {
                    return Ok(Flow::Frames);
                }
            }
            Op::CallEx(has_kw) => {
                let kwargs = if has_kw { Some(pop!()) } else { None };
                let args = pop!();
                let callee = pop!();
                let Value::Tuple(args) = args else {
                    return Err(type_error("argument list must be a tuple"));
                };
                let kw = match kwargs {
                    Some(Value::Dict(d)) => (kwargs_from_dict(&d))?,
                    _ => Vec::new(),
                };
                if (self.call_pushing(&callee, &args.items, &kw))? {
                    return Ok(Flow::Frames);
                }
            }
            Op::Binary(bop) => {
                let len = self.stack.len();
                if let (Value::Int(a), Value::Int(b)) = (&self.stack[len - 2], &self.stack[len - 1])
                    && let Some(r) = int_fast(bop, *a, *b)
                {
                    // Two ints in, one int out: overwrite in place.
                    self.stack[len - 2] = Value::Int(r);
                    // SAFETY: the top is an Int, which owns
                    // nothing; dropping it is a no-op.
                    unsafe { self.stack.set_len(len - 1) };
                    return Ok(Flow::Next);
                }
                let floats = match (&self.stack[len - 2], &self.stack[len - 1]) {
                    (Value::Float(a), Value::Float(b)) => Some((*a, *b)),
                    (Value::Float(a), Value::Int(b)) => Some((*a, *b as f64)),
                    (Value::Int(a), Value::Float(b)) => Some((*a as f64, *b)),
                    _ => None,
                };
                if let Some((a, b)) = floats
                    && let Some(r) = float_fast(bop, a, b)
                {
                    self.stack[len - 2] = Value::Float(r);
                    // SAFETY: the top is an Int or a Float,
                    // which own nothing; dropping is a no-op.
                    unsafe { self.stack.set_len(len - 1) };
                    return Ok(Flow::Next);
                }
                let b = pop!();
                let a = pop!();
                let r = (self.binary_op(bop, &a, &b))?;
                self.stack.push(r);
            }
            Op::Inplace(bop) => {
                let len = self.stack.len();
                if let (Value::Int(a), Value::Int(b)) = (&self.stack[len - 2], &self.stack[len - 1])
                    && let Some(r) = int_fast(bop, *a, *b)
                {
                    // Two ints in, one int out: overwrite in place.
                    self.stack[len - 2] = Value::Int(r);
                    // SAFETY: the top is an Int, which owns
                    // nothing; dropping it is a no-op.
                    unsafe { self.stack.set_len(len - 1) };
                    return Ok(Flow::Next);
                }
                let b = pop!();
                let a = pop!();
                let r = (self.inplace_op(bop, a, &b))?;
                self.stack.push(r);
            }
            Op::UnaryNeg => {
                let a = pop!();
                let r = match a {
                    Value::Int(i) if i != i64::MIN => Value::Int(-i),
                    Value::Float(x) => Value::Float(-x),
                    _ => (self.unary_op(Op::UnaryNeg, &a))?,
                };
                self.stack.push(r);
            }
            Op::UnaryPos | Op::UnaryInvert => {
                let a = pop!();
                let r = (self.unary_op(op, &a))?;
                self.stack.push(r);
            }
            Op::UnaryNot => {
                let a = pop!();
                let t = match a {
                    Value::Bool(b) => b,
                    _ => (self.truthy(&a))?,
                };
                self.stack.push(Value::Bool(!t));
            }
            Op::Compare(cop) => {
                let b = pop!();
                let a = pop!();
                // Numbers were compared by the fast path in eval.rs.
                let r = (self.compare_op(cop, &a, &b))?;
                self.stack.push(r);
            }
            Op::CompareJumpIfFalse(cop, target) => {
                // Numbers were compared by the fast path in eval.rs.
                let b = pop!();
                let a = pop!();
                let truth = match (self.compare_op(cop, &a, &b))? {
                    Value::Bool(t) => t,
                    other => (self.truthy(&other))?,
                };
                if !truth {
                    return Ok(Flow::Jump(target as usize));
                }
            }
            Op::Is(neg) => {
                let b = pop!();
                let a = pop!();
                self.stack.push(Value::Bool(a.is(&b) != neg));
            }
            Op::Contains(neg) => {
                let container = pop!();
                let item = pop!();
                let r = (self.contains(&container, &item))?;
                self.stack.push(Value::Bool(r != neg));
            }
            Op::Subscr => {
                let key = pop!();
                let obj = pop!();
                let fast = match (&obj, &key) {
                    (Value::List(l), Value::Int(i)) => {
                        let items = l.lock();
                        let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                        if idx >= 0 && (idx as usize) < items.len() { Some(items[idx as usize].clone()) } else { None }
                    }
                    (Value::Tuple(t), Value::Int(i)) => {
                        let idx = if *i < 0 { *i + t.len() as i64 } else { *i };
                        if idx >= 0 && (idx as usize) < t.len() { Some(t.items[idx as usize].clone()) } else { None }
                    }
                    (Value::Dict(d), Value::Str(s)) => d.get_str(s),
                    _ => None,
                };
                let v = match fast {
                    Some(v) => v,
                    None => (self.get_item(&obj, &key))?,
                };
                self.stack.push(v);
            }
            Op::StoreSubscr => {
                let key = pop!();
                let obj = pop!();
                let v = pop!();
                if let (Value::List(l), Value::Int(i)) = (&obj, &key) {
                    let mut items = l.lock();
                    let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                    if idx >= 0 && (idx as usize) < items.len() {
                        items[idx as usize] = v;
                        return Ok(Flow::Next);
                    }
                }
                (self.set_item(&obj, key, v))?;
            }
            Op::DeleteSubscr => {
                let key = pop!();
                let obj = pop!();
                (self.del_item(&obj, &key))?;
            }
            Op::SliceSubscr => {
                let stop = pop!();
                let start = pop!();
                let obj = pop!();
                let slice = Value::Slice(PyArc::new(crate::runtime::range::PySlice { start, stop, step: Value::None }));
                let v = (self.get_item(&obj, &slice))?;
                self.stack.push(v);
            }
            Op::BuildSlice(_)
            | Op::BuildTuple(_)
            | Op::BuildList(_)
            | Op::BuildSet(_)
            | Op::BuildMap(_)
            | Op::BuildString(_)
            | Op::ListAppend(_)
            | Op::SetAdd(_)
            | Op::MapAdd(_)
            | Op::ListExtend(_)
            | Op::SetUpdate(_)
            | Op::DictUpdate(_)
            | Op::DictMerge(_)
            | Op::ListToTuple
            | Op::UnpackSequence(_)
            | Op::UnpackEx(..)
            | Op::FormatValue(_) => return self.exec_build(op),
            Op::MatchSequence(..) | Op::MatchMapping(..) | Op::MatchClass(..) => return self.exec_pattern(op, code),
            Op::Jump(t) => {
                return Ok(Flow::Jump(t as usize));
            }
            Op::PopJumpIfFalse(t) => {
                let v = pop!();
                let truth = match v {
                    Value::Bool(b) => b,
                    Value::None => false,
                    Value::Int(i) => i != 0,
                    _ => (self.truthy(&v))?,
                };
                if !truth {
                    return Ok(Flow::Jump(t as usize));
                }
            }
            Op::PopJumpIfTrue(t) => {
                let v = pop!();
                let truth = match v {
                    Value::Bool(b) => b,
                    Value::None => false,
                    Value::Int(i) => i != 0,
                    _ => (self.truthy(&v))?,
                };
                if truth {
                    return Ok(Flow::Jump(t as usize));
                }
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let v = top!().clone();
                let truth = match v {
                    Value::Bool(b) => b,
                    _ => (self.truthy(&v))?,
                };
                if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                    return Ok(Flow::Jump(t as usize));
                } else {
                    self.stack.pop();
                }
            }
            Op::GetIter => {
                let v = pop!();
                let it = match &v {
                    Value::Generator(g) if !g.is_coroutine && !g.is_async_gen => v,
                    Value::Iter(_) => v,
                    _ => (self.get_iter(&v))?,
                };
                self.stack.push(it);
            }
            Op::ForIter(t) => {
                let next = match top!() {
                    Value::Iter(it) => {
                        let mut st = it.state.lock();
                        match &mut *st {
                            IterState::Range { next, left, step } => {
                                if *left > 0 {
                                    let v = *next;
                                    *next = next.wrapping_add(*step);
                                    *left -= 1;
                                    Some(Some(Value::Int(v)))
                                } else {
                                    Some(None)
                                }
                            }
                            IterState::List { list, index } => {
                                let items = list.lock();
                                match items.get(*index) {
                                    Some(v) => {
                                        *index += 1;
                                        Some(Some(v.clone()))
                                    }
                                    None => {
                                        *index = usize::MAX;
                                        Some(None)
                                    }
                                }
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let next = match next {
                    Some(n) => n,
                    None => {
                        let it = top!().clone();
                        (self.iter_next(&it))?
                    }
                };
                match next {
                    Some(v) => self.stack.push(v),
                    None => {
                        self.stack.pop();
                        return Ok(Flow::Jump(t as usize));
                    }
                }
            }
            Op::GetYieldFromIter => {
                let v = pop!();
                let it = match &v {
                    Value::Generator(g) if g.is_coroutine => {
                        return Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                    }
                    Value::Generator(g) if !g.is_async_gen => v,
                    Value::Iter(_) => v,
                    _ => (self.get_iter(&v))?,
                };
                self.stack.push(it);
            }
            Op::GetAwaitable(at) => {
                let v = pop!();
                let it = self.get_awaitable_at(v, at)?;
                self.stack.push(it);
            }
            Op::BeforeAsyncWith | Op::GetAIter | Op::GetANext | Op::EndAsyncFor => return self.async_op(op),
            Op::Send(t) => {
                let sent = pop!();
                let it = top!().clone();
                match (self.send_to(&it, sent))? {
                    Ok(yielded) => self.stack.push(yielded),
                    Err(result) => {
                        self.stack.pop();
                        self.stack.push(result);
                        return Ok(Flow::Jump(t as usize));
                    }
                }
            }
            Op::Raise(n) => match n {
                0 => match self.handled_exception() {
                    Value::Instance(i) => return Ok(Flow::Reraise(PyErr(i.clone()))),
                    _ => {
                        return Err(super::error::runtime_error("No active exception to reraise"));
                    }
                },
                _ => {
                    let cause = if n == 2 { Some(pop!()) } else { None };
                    let exc = pop!();
                    let err = (self.make_raisable(&exc))?;
                    if let Some(c) = cause {
                        let c = match c {
                            Value::None => Value::None,
                            other => (self.make_raisable(&other))?.value(),
                        };
                        if let Some(d) = err.0.exc() {
                            let mut d = d.lock();
                            d.cause = c;
                            d.suppress_context = true;
                        }
                    }
                    self.link_context(&err);
                    return Err(err);
                }
            },
            Op::Reraise => {
                let exc = pop!();
                match exc {
                    Value::Instance(i) => return Ok(Flow::Reraise(PyErr(i))),
                    _ => return Err(super::error::runtime_error("re-raised a non-exception")),
                }
            }
            Op::PushExcInfo => {
                let exc = pop!();
                let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                self.stack.push(prev);
                self.stack.push(exc);
            }
            Op::PopExcept => {
                let prev = pop!();
                self.exc_info = prev;
            }
            Op::CleanupReraise => {
                let new = pop!();
                pop!();
                let prev = pop!();
                self.exc_info = prev;
                match new {
                    Value::Instance(i) => return Ok(Flow::Reraise(PyErr(i))),
                    _ => return Err(super::error::runtime_error("re-raised a non-exception")),
                }
            }
            Op::CheckExcMatch => {
                let typ = pop!();
                let exc = top!().clone();
                let m = (self.exception_matches(&exc, &typ))?;
                self.stack.push(Value::Bool(m));
            }
            Op::BeforeWith => {
                let mgr = pop!();
                let (exit, entered) = (self.enter_context(&mgr))?;
                self.stack.push(exit);
                self.stack.push(entered);
            }
            Op::WithExceptStart => {
                let exc = peek!(1).clone();
                let exit = peek!(3).clone();
                let typ = Value::Class(exc.class());
                let tb = match &exc {
                    Value::Instance(i) => i.exc().map(|d| crate::runtime::traceback::traceback_of(&mut d.lock())),
                    _ => None,
                };
                let r = (self.call_value(&exit, &[typ, exc, tb.unwrap_or_default()], &[]))?;
                self.stack.push(r);
            }
            Op::MakeFunction(flags) => {
                let code_v = pop!();
                let closure = if flags & make_fn::CLOSURE != 0 { pop!() } else { Value::None };
                let kwdefaults = if flags & make_fn::KWDEFAULTS != 0 { pop!() } else { Value::None };
                let defaults = if flags & make_fn::DEFAULTS != 0 { pop!() } else { Value::None };
                let globals = f.func.globals.clone();
                let Value::Code(fcode) = code_v else {
                    return Err(type_error("MakeFunction needs a code object"));
                };
                let func = make_function(fcode, globals, defaults, kwdefaults, closure);
                let func = PyArc::new(func);
                // A function is part of a cycle through its cells,
                // defaults or attributes (`f.cache = {..: f}`).
                super::gc::track_function(&func);
                self.stack.push(Value::Function(func));
            }
            Op::LoadBuildClass => {
                let v = match self.shared.builtins.get_item_str("__build_class__") {
                    Some(v) => v,
                    None => return Err(name_error("__build_class__")),
                };
                self.stack.push(v);
            }
            Op::ImportName(i) => {
                let fromlist = pop!();
                let level = pop!();
                let globals = f.func.globals.clone();
                let level = match level {
                    Value::Int(l) => l as usize,
                    _ => 0,
                };
                let m = (self.import_name(code.names[i as usize].as_str(), level, &fromlist, &globals))?;
                self.stack.push(m);
            }
            Op::ImportFrom(i) => {
                let module = top!().clone();
                let v = (self.import_from(&module, &code.names[i as usize]))?;
                self.stack.push(v);
            }
            Op::ImportStar => {
                let module = pop!();
                let ns = f.locals.clone().unwrap_or_else(|| f.func.globals.clone());
                (self.import_star(&module, &ns))?;
            }
            Op::LoadAssertionError => {
                self.stack.push(Value::Class(types().exc.assertion_error.clone()));
            }
            Op::ReturnValue | Op::YieldValue => unreachable!("frame exits are handled by the loop"),
            Op::PrintExpr => {
                let v = pop!();
                (self.print_expr(v))?;
            }
        }

        Ok(Flow::Next)
    }
}
