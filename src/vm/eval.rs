//! The evaluation loop.
//!
//! `eval_loop` runs the frame on top of the thread's frame stack and every
//! frame it calls, until the frame that entered the loop (a "boundary"
//! frame) returns or yields. Calls of Python functions push a frame and
//! carry on in the same loop. Errors unwind through the per-frame handler
//! blocks; a frame without a handler is popped and the error continues in
//! its caller, adding one traceback entry per frame.
//!
//! Fast paths for small ints, floats, lists and dicts are inline; all other
//! operations go through the generic protocols in the sibling modules.

use std::sync::Arc;

use smallvec::SmallVec;

use super::error::{name_error, type_error};
use super::frame::{Block, Frame};
use super::{PyErr, PyResult, Vm};
use crate::bytecode::Op;
use crate::bytecode::op::make_fn;
use crate::runtime::class::{Class, ClassFlags};
use crate::runtime::dict::PyDict;
use crate::runtime::exception::TraceEntry;
use crate::runtime::function::{Cell, Function};
use crate::runtime::iter::IterState;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};

/// How the boundary frame of an evaluation loop ended.
pub enum Exit {
    Return(Value),
    /// A generator frame yielded; it is still on top of the frame stack.
    Yield(Value),
}

/// Why an error is being unwound.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Raised here: add a traceback entry and link the handled exception.
    Raised,
    /// Re-raised: the traceback already has this frame.
    Reraised,
}

/// Values popped for a call, kept on the Rust stack when few.
pub type ArgVec = SmallVec<[Value; 8]>;

impl Vm {
    /// Runs `frame` to completion and returns its value.
    pub fn run_frame(&mut self, mut frame: Frame) -> PyResult<Value> {
        frame.boundary = true;
        match self.run_boundary(frame)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(super::error::runtime_error("frame yielded outside a generator")),
        }
    }

    /// Pushes a boundary frame and runs the loop (used by generators too).
    pub fn run_boundary(&mut self, mut frame: Frame) -> PyResult<Exit> {
        frame.boundary = true;
        frame.ret = frame.base;
        if let Err(e) = self.check_native_stack() {
            self.stack.truncate(frame.ret);
            return Err(e);
        }
        if self.frames.len() >= self.recursion_limit() {
            self.stack.truncate(frame.ret);
            return Err(super::error::recursion_error());
        }
        self.native_depth += 1;
        self.frames.push(frame);
        let r = self.eval_loop();
        self.native_depth -= 1;
        r
    }

    /// Sets `err.__context__` to the exception being handled, as raising
    /// inside an `except` block does.
    pub(crate) fn link_context(&self, err: &PyErr) {
        let Value::Instance(handled) = &self.exc_info else { return };
        if Arc::ptr_eq(handled, &err.0) {
            return;
        }
        // Break a cycle: if `err` is already in the context chain of the
        // handled exception, cut the chain there.
        let mut cur = handled.clone();
        loop {
            let next = match cur.exc() {
                Some(d) => d.lock().context.clone(),
                None => break,
            };
            match next {
                Value::Instance(n) if Arc::ptr_eq(&n, &err.0) => {
                    if let Some(d) = cur.exc() {
                        d.lock().context = Value::None;
                    }
                    break;
                }
                Value::Instance(n) => cur = n,
                _ => break,
            }
        }
        if let Some(d) = err.0.exc() {
            d.lock().context = self.exc_info.clone();
        }
    }

    /// Finds a handler for `err`, popping frames without one. Returns the
    /// error if it leaves the boundary frame.
    fn unwind(&mut self, err: PyErr, origin: Origin) -> Result<(), PyErr> {
        let mut add_tb = origin == Origin::Raised;
        if add_tb && err.0.exc().is_some_and(|d| d.lock().traceback.is_empty()) {
            self.link_context(&err);
        }
        loop {
            let frame = self.frames.last_mut().expect("unwinding needs a frame");
            if add_tb {
                err.add_traceback(TraceEntry { code: frame.code().clone(), pc: frame.pc.saturating_sub(1) });
            }
            if let Some(b) = frame.blocks.pop() {
                let keep = frame.base + b.level as usize;
                frame.pc = b.handler as usize;
                self.stack.truncate(keep);
                self.stack.push(err.value());
                return Ok(());
            }
            let frame = self.frames.pop().expect("unwinding needs a frame");
            let boundary = frame.boundary;
            self.stack.truncate(frame.ret);
            if boundary {
                return Err(err);
            }
            add_tb = true;
        }
    }

    /// Runs the top frame starting with `err` raised at its current point
    /// (throwing into a suspended generator).
    pub(crate) fn eval_with_error(&mut self, err: PyErr) -> PyResult<Exit> {
        self.unwind(err, Origin::Raised)?;
        self.eval_loop()
    }

    pub(crate) fn eval_loop(&mut self) -> PyResult<Exit> {
        let mut pending: Option<(PyErr, Origin)> = None;
        'frames: loop {
            if let Some((err, origin)) = pending.take() {
                self.unwind(err, origin)?;
            }
            let fi = self.frames.len() - 1;
            let code_ptr: *const crate::bytecode::Code = Arc::as_ptr(self.frames[fi].code());
            // SAFETY: frame `fi` holds an `Arc` to this code for as long as
            // the instruction loop below runs: pushing frames moves frame
            // `fi` (and its Arc) without dropping it, and every path that
            // pops or replaces frame `fi` leaves the loop at once (return,
            // `continue 'frames`, or `break` to unwinding) and fetches the
            // code again. Borrowing instead of cloning the Arc saves two
            // atomic operations per call.
            let code: &crate::bytecode::Code = unsafe { &*code_ptr };
            let ops: &[Op] = &code.ops;
            let mut origin = Origin::Raised;
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break e,
                    }
                };
            }
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
            let err: PyErr = loop {
                let f = &mut self.frames[fi];
                let op = ops[f.pc];
                f.pc += 1;
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
                            break unbound_local(&code.varnames[i as usize]);
                        }
                        self.stack.push(v);
                    }
                    Op::LoadFastPair(p) => {
                        let (a, b) = ((p >> 16) as usize, (p & 0xffff) as usize);
                        let va = self.stack[f.base + a].clone();
                        let vb = self.stack[f.base + b].clone();
                        if va.is_undef() {
                            break unbound_local(&code.varnames[a]);
                        }
                        if vb.is_undef() {
                            break unbound_local(&code.varnames[b]);
                        }
                        self.stack.push(va);
                        self.stack.push(vb);
                    }
                    Op::StoreFast(i) => {
                        let v = pop!();
                        let old = std::mem::replace(&mut self.stack[f.base + i as usize], v);
                        old.release();
                    }
                    Op::DeleteFast(i) => {
                        if self.stack[f.base + i as usize].is_undef() {
                            break unbound_local(&code.varnames[i as usize]);
                        }
                        self.stack[f.base + i as usize] = Value::Undef;
                    }
                    Op::LoadDeref(i) => {
                        let v = f.cell(i as usize).get();
                        if v.is_undef() {
                            break free_var_error(&code, i as usize);
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
                            break free_var_error(&code, i as usize);
                        }
                        self.stack.push(v);
                    }
                    Op::StoreDeref(i) => {
                        let v = pop!();
                        f.cell(i as usize).set(v);
                    }
                    Op::DeleteDeref(i) => {
                        if f.cell(i as usize).get().is_undef() {
                            break free_var_error(&code, i as usize);
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
                        let gid = Arc::as_ptr(globals) as usize;
                        let slot = &code.global_cache[i as usize];
                        let cached = {
                            let c = slot.lock();
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
                                let v = match globals.get_str(name) {
                                    Some(v) => v,
                                    None => match self.shared.builtins.get_str(name) {
                                        Some(v) => v,
                                        None => break name_error(name.as_str()),
                                    },
                                };
                                *slot.lock() = crate::bytecode::code::GlobalCache {
                                    globals: gid,
                                    globals_version: gv,
                                    builtins_version: bv,
                                    value: v.clone(),
                                };
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
                            break name_error(name.as_str());
                        }
                    }
                    Op::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let found = f.locals.as_ref().and_then(|l| l.get_str(name));
                        let v = match found.or_else(|| f.func.globals.get_str(name)) {
                            Some(v) => v,
                            None => match self.shared.builtins.get_str(name) {
                                Some(v) => v,
                                None => break name_error(name.as_str()),
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
                            break name_error(name.as_str());
                        }
                    }
                    Op::LoadAttr(i) => {
                        let name = &code.names[i as usize];
                        // An attribute in the instance dict, with no hook or
                        // descriptor in the way: the common case.
                        if let Value::Instance(inst) = top!() {
                            let cls = inst.class_ref();
                            if !cls.has_flag(ClassFlags::GETATTRIBUTE) && !cls.is_descriptor_name(name) {
                                if let Some(v) = inst.dict.get_str(name) {
                                    *self.stack.last_mut().expect("an object to load from") = v;
                                    continue;
                                }
                            }
                        }
                        let obj = pop!();
                        let v = tri!(self.get_attr(&obj, name));
                        self.stack.push(v);
                    }
                    Op::StoreAttr(i) => {
                        let name = &code.names[i as usize];
                        let obj = pop!();
                        let v = pop!();
                        if let Value::Instance(inst) = &obj {
                            let cls = inst.class_ref();
                            if !cls.has_flag(ClassFlags::SETATTR)
                                && inst.exc().is_none()
                                && !cls.is_descriptor_name(name)
                            {
                                inst.dict.set_str(name.clone(), v);
                                continue;
                            }
                        }
                        tri!(self.set_attr(&obj, name, v));
                    }
                    Op::DeleteAttr(i) => {
                        let obj = pop!();
                        tri!(self.del_attr(&obj, &code.names[i as usize]));
                    }
                    Op::LoadMethod(i) => {
                        let obj = pop!();
                        let (m, recv) = tri!(self.load_method(&obj, &code.names[i as usize]));
                        let f = &mut self.frames[fi];
                        self.stack.push(m);
                        self.stack.push(recv);
                    }
                    Op::CallMethod(argc) => {
                        let argc = argc as usize;
                        let len = self.stack.len();
                        let has_self = !self.stack[len - argc - 1].is_undef();
                        if has_self && self.push_simple_call(len - argc - 2) {
                            continue 'frames;
                        }
                        let result = if has_self {
                            self.call_on_stack(argc + 1, None)
                        } else {
                            // No receiver: drop the marker and call the attribute.
                            self.stack.remove(len - argc - 1);
                            self.call_on_stack(argc, None)
                        };
                        if tri!(result) {
                            continue 'frames;
                        }
                    }
                    Op::Call(argc) => {
                        let slot = self.stack.len() - argc as usize - 1;
                        if self.push_simple_call(slot) {
                            continue 'frames;
                        }
                        if tri!(self.call_on_stack(argc as usize, None)) {
                            continue 'frames;
                        }
                    }
                    Op::CallKw(argc) => {
                        let Value::Tuple(names) = pop!() else {
                            break type_error("keyword names must be a tuple");
                        };
                        if tri!(self.call_on_stack(argc as usize, Some(&names.items))) {
                            continue 'frames;
                        }
                    }
                    Op::CallEx(has_kw) => {
                        let kwargs = if has_kw { Some(pop!()) } else { None };
                        let args = pop!();
                        let callee = pop!();
                        let Value::Tuple(args) = args else {
                            break type_error("argument list must be a tuple");
                        };
                        let kw = match kwargs {
                            Some(Value::Dict(d)) => tri!(kwargs_from_dict(&d)),
                            _ => Vec::new(),
                        };
                        if tri!(self.call_pushing(&callee, &args.items, &kw)) {
                            continue 'frames;
                        }
                    }
                    Op::Binary(bop) => {
                        let len = self.stack.len();
                        if let (Value::Int(a), Value::Int(b)) = (&self.stack[len - 2], &self.stack[len - 1]) {
                            if let Some(r) = int_fast(bop, *a, *b) {
                                // Two ints in, one int out: overwrite in place.
                                self.stack[len - 2] = Value::Int(r);
                                // SAFETY: the top is an Int, which owns
                                // nothing; dropping it is a no-op.
                                unsafe { self.stack.set_len(len - 1) };
                                continue;
                            }
                        }
                        let floats = match (&self.stack[len - 2], &self.stack[len - 1]) {
                            (Value::Float(a), Value::Float(b)) => Some((*a, *b)),
                            (Value::Float(a), Value::Int(b)) => Some((*a, *b as f64)),
                            (Value::Int(a), Value::Float(b)) => Some((*a as f64, *b)),
                            _ => None,
                        };
                        if let Some((a, b)) = floats {
                            if let Some(r) = float_fast(bop, a, b) {
                                self.stack[len - 2] = Value::Float(r);
                                // SAFETY: the top is an Int or a Float,
                                // which own nothing; dropping is a no-op.
                                unsafe { self.stack.set_len(len - 1) };
                                continue;
                            }
                        }
                        let b = pop!();
                        let a = pop!();
                        let r = tri!(self.binary_op(bop, &a, &b));
                        self.stack.push(r);
                    }
                    Op::Inplace(bop) => {
                        let len = self.stack.len();
                        if let (Value::Int(a), Value::Int(b)) = (&self.stack[len - 2], &self.stack[len - 1]) {
                            if let Some(r) = int_fast(bop, *a, *b) {
                                // Two ints in, one int out: overwrite in place.
                                self.stack[len - 2] = Value::Int(r);
                                // SAFETY: the top is an Int, which owns
                                // nothing; dropping it is a no-op.
                                unsafe { self.stack.set_len(len - 1) };
                                continue;
                            }
                        }
                        let b = pop!();
                        let a = pop!();
                        let r = tri!(self.inplace_op(bop, a, &b));
                        self.stack.push(r);
                    }
                    Op::UnaryNeg => {
                        let a = pop!();
                        let r = match a {
                            Value::Int(i) if i != i64::MIN => Value::Int(-i),
                            Value::Float(x) => Value::Float(-x),
                            _ => tri!(self.unary_op(Op::UnaryNeg, &a)),
                        };
                        self.stack.push(r);
                    }
                    Op::UnaryPos | Op::UnaryInvert => {
                        let a = pop!();
                        let r = tri!(self.unary_op(op, &a));
                        self.stack.push(r);
                    }
                    Op::UnaryNot => {
                        let a = pop!();
                        let t = match a {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&a)),
                        };
                        self.stack.push(Value::Bool(!t));
                    }
                    Op::Compare(cop) => {
                        let b = pop!();
                        let a = pop!();
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => Value::Bool(cmp_i64(cop, *x, *y)),
                            _ => tri!(self.compare_op(cop, &a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Op::CompareJumpIfFalse(cop, target) => {
                        let len = self.stack.len();
                        let quick = match (&self.stack[len - 2], &self.stack[len - 1]) {
                            (Value::Int(x), Value::Int(y)) => Some(cmp_i64(cop, *x, *y)),
                            (Value::Float(x), Value::Float(y)) => Some(cmp_f64(cop, *x, *y)),
                            _ => None,
                        };
                        if let Some(truth) = quick {
                            // Both operands are immediates: nothing to drop.
                            // SAFETY: len >= 2 was just indexed; Int and
                            // Float own no resources, so forgetting them by
                            // shortening the vector is a no-op drop.
                            unsafe { self.stack.set_len(len - 2) };
                            if !truth {
                                f.pc = target as usize;
                            }
                            continue;
                        }
                        let b = pop!();
                        let a = pop!();
                        let truth = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => cmp_i64(cop, *x, *y),
                            (Value::Float(x), Value::Float(y)) => cmp_f64(cop, *x, *y),
                            // Exact for ints below 2**53, as num_cmp is.
                            (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => cmp_f64(cop, *x, *y as f64),
                            (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => cmp_f64(cop, *x as f64, *y),
                            _ => {
                                let r = tri!(self.compare_op(cop, &a, &b));
                                match r {
                                    Value::Bool(t) => t,
                                    other => tri!(self.truthy(&other)),
                                }
                            }
                        };
                        if !truth {
                            self.frames[fi].pc = target as usize;
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
                        let r = tri!(self.contains(&container, &item));
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
                            None => tri!(self.get_item(&obj, &key)),
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
                                continue;
                            }
                        }
                        tri!(self.set_item(&obj, key, v));
                    }
                    Op::DeleteSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        tri!(self.del_item(&obj, &key));
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { Value::None };
                        let stop = pop!();
                        let start = pop!();
                        let s = crate::runtime::range::PySlice { start, stop, step };
                        self.stack.push(Value::Slice(Arc::new(s)));
                    }
                    Op::BuildTuple(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        self.stack.push(Value::tuple(items));
                    }
                    Op::BuildList(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        self.stack.push(Value::list(items));
                    }
                    Op::BuildSet(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let set = crate::runtime::set::PySet::new();
                        tri!(add_all(self, &set, items));
                        self.stack.push(Value::Set(Arc::new(set)));
                    }
                    Op::BuildMap(n) => {
                        let items = self.stack.split_off(self.stack.len() - 2 * n as usize);
                        let d = PyDict::new();
                        tri!(set_pairs(self, &d, items));
                        self.stack.push(Value::Dict(Arc::new(d)));
                    }
                    Op::BuildString(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let mut s = String::new();
                        for it in &items {
                            if let Value::Str(p) = it {
                                s.push_str(p.as_str());
                            }
                        }
                        self.stack.push(Value::str(s));
                    }
                    Op::ListAppend(n) => {
                        let v = pop!();
                        if let Value::List(l) = peek!(n as usize) {
                            l.push(v);
                        }
                    }
                    Op::SetAdd(n) => {
                        let v = pop!();
                        let target = peek!(n as usize).clone();
                        if let Value::Set(s) = target {
                            tri!(s.add(self, v));
                        }
                    }
                    Op::MapAdd(n) => {
                        let v = pop!();
                        let k = pop!();
                        let target = peek!(n as usize).clone();
                        if let Value::Dict(d) = target {
                            tri!(d.set(self, k, v));
                        }
                    }
                    Op::ListExtend(n) => {
                        let iterable = pop!();
                        let target = peek!(n as usize).clone();
                        let items = tri!(self.iterate_for_unpack(&iterable));
                        if let Value::List(l) = target {
                            l.lock().extend(items);
                        }
                    }
                    Op::SetUpdate(n) => {
                        let iterable = pop!();
                        let target = peek!(n as usize).clone();
                        let items = tri!(self.iterate_for_unpack(&iterable));
                        if let Value::Set(s) = target {
                            tri!(add_all(self, &s, items));
                        }
                    }
                    Op::DictUpdate(n) => {
                        let mapping = pop!();
                        let target = peek!(n as usize).clone();
                        if let Value::Dict(d) = target {
                            tri!(self.dict_update(&d, &mapping, false, None));
                        }
                    }
                    Op::DictMerge(n) => {
                        let mapping = pop!();
                        let target = peek!(n as usize).clone();
                        let callee = peek!(n as usize + 2).clone();
                        if let Value::Dict(d) = target {
                            tri!(self.dict_update(&d, &mapping, true, Some(&callee)));
                        }
                    }
                    Op::ListToTuple => {
                        let v = pop!();
                        let items = match v {
                            Value::List(l) => l.replace(Vec::new()),
                            _ => Vec::new(),
                        };
                        self.stack.push(Value::tuple(items));
                    }
                    Op::UnpackSequence(n) => {
                        let seq = pop!();
                        let n = n as usize;
                        match &seq {
                            Value::Tuple(t) if t.len() == n => {
                                self.stack.extend(t.items.iter().rev().cloned());
                            }
                            Value::List(l) if l.len() == n => {
                                let items = l.lock();
                                self.stack.extend(items.iter().rev().cloned());
                            }
                            _ => {
                                let items = tri!(self.unpack_exact(&seq, n));
                                self.stack.extend(items.into_iter().rev());
                            }
                        }
                    }
                    Op::UnpackEx(before, after) => {
                        let seq = pop!();
                        let items = tri!(self.unpack_starred(&seq, before as usize, after as usize));
                        self.stack.extend(items.into_iter().rev());
                    }
                    Op::FormatValue(flags) => {
                        let spec = if flags & crate::bytecode::op::format::HAS_SPEC != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let s = tri!(self.format_value(v, flags, spec));
                        self.stack.push(s);
                    }
                    Op::Jump(t) => {
                        f.pc = t as usize;
                    }
                    Op::PopJumpIfFalse(t) => {
                        let v = pop!();
                        let truth = match v {
                            Value::Bool(b) => b,
                            Value::None => false,
                            Value::Int(i) => i != 0,
                            _ => tri!(self.truthy(&v)),
                        };
                        if !truth {
                            self.frames[fi].pc = t as usize;
                        }
                    }
                    Op::PopJumpIfTrue(t) => {
                        let v = pop!();
                        let truth = match v {
                            Value::Bool(b) => b,
                            Value::None => false,
                            Value::Int(i) => i != 0,
                            _ => tri!(self.truthy(&v)),
                        };
                        if truth {
                            self.frames[fi].pc = t as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let v = top!().clone();
                        let truth = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&v)),
                        };
                        let f = &mut self.frames[fi];
                        if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                            f.pc = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::GetIter => {
                        let v = pop!();
                        let it = match &v {
                            Value::Iter(_) | Value::Generator(_) => v,
                            _ => tri!(self.get_iter(&v)),
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
                                tri!(self.iter_next(&it))
                            }
                        };
                        let f = &mut self.frames[fi];
                        match next {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                f.pc = t as usize;
                            }
                        }
                    }
                    Op::ReturnValue => {
                        let v = pop!();
                        let boundary = f.boundary;
                        let init_self = f.init_self.take();
                        let ret = f.ret;
                        self.stack.truncate(ret);
                        self.frames.truncate(fi);
                        let v = match init_self {
                            Some(_) if !v.is_none() => {
                                let e = type_error(format!("__init__() should return None, not '{}'", v.type_name()));
                                if boundary {
                                    return Err(e);
                                }
                                pending = Some((e, Origin::Raised));
                                continue 'frames;
                            }
                            Some(inst) => inst,
                            None => v,
                        };
                        if boundary {
                            return Ok(Exit::Return(v));
                        }
                        self.stack.push(v);
                        continue 'frames;
                    }
                    Op::YieldValue => {
                        let v = pop!();
                        return Ok(Exit::Yield(v));
                    }
                    Op::GetYieldFromIter => {
                        let v = pop!();
                        let it = match &v {
                            Value::Generator(_) | Value::Iter(_) => v,
                            _ => tri!(self.get_iter(&v)),
                        };
                        self.stack.push(it);
                    }
                    Op::Send(t) => {
                        let sent = pop!();
                        let it = top!().clone();
                        match tri!(self.send_to(&it, sent)) {
                            Ok(yielded) => self.stack.push(yielded),
                            Err(result) => {
                                let f = &mut self.frames[fi];
                                self.stack.pop();
                                self.stack.push(result);
                                f.pc = t as usize;
                            }
                        }
                    }
                    Op::Raise(n) => {
                        match n {
                            0 => {
                                origin = Origin::Reraised;
                                match &self.exc_info {
                                    Value::Instance(i) => break PyErr(i.clone()),
                                    _ => break super::error::runtime_error("No active exception to reraise"),
                                }
                            }
                            _ => {
                                let cause = if n == 2 { Some(pop!()) } else { None };
                                let exc = pop!();
                                let err = tri!(self.make_raisable(&exc));
                                if let Some(c) = cause {
                                    let c = match c {
                                        Value::None => Value::None,
                                        other => tri!(self.make_raisable(&other)).value(),
                                    };
                                    if let Some(d) = err.0.exc() {
                                        let mut d = d.lock();
                                        d.cause = c;
                                        d.suppress_context = true;
                                    }
                                }
                                self.link_context(&err);
                                break err;
                            }
                        }
                    }
                    Op::Reraise => {
                        let exc = pop!();
                        origin = Origin::Reraised;
                        match exc {
                            Value::Instance(i) => break PyErr(i),
                            _ => break super::error::runtime_error("re-raised a non-exception"),
                        }
                    }
                    Op::SetupHandler(t) => {
                        let level = (self.stack.len() - f.base) as u32;
                        f.blocks.push(Block { handler: t, level });
                    }
                    Op::PopBlock => {
                        f.blocks.pop();
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
                        origin = Origin::Reraised;
                        match new {
                            Value::Instance(i) => break PyErr(i),
                            _ => break super::error::runtime_error("re-raised a non-exception"),
                        }
                    }
                    Op::CheckExcMatch => {
                        let typ = pop!();
                        let exc = top!().clone();
                        let m = tri!(self.exception_matches(&exc, &typ));
                        self.stack.push(Value::Bool(m));
                    }
                    Op::BeforeWith => {
                        let mgr = pop!();
                        let (exit, entered) = tri!(self.enter_context(&mgr));
                        self.stack.push(exit);
                        self.stack.push(entered);
                    }
                    Op::WithExceptStart => {
                        let exc = peek!(1).clone();
                        let exit = peek!(3).clone();
                        let typ = Value::Class(exc.class());
                        let r = tri!(self.call_value(&exit, &[typ, exc, Value::None], &[]));
                        self.stack.push(r);
                    }
                    Op::MakeFunction(flags) => {
                        let code_v = pop!();
                        let closure = if flags & make_fn::CLOSURE != 0 { pop!() } else { Value::None };
                        let kwdefaults = if flags & make_fn::KWDEFAULTS != 0 { pop!() } else { Value::None };
                        let defaults = if flags & make_fn::DEFAULTS != 0 { pop!() } else { Value::None };
                        let globals = f.func.globals.clone();
                        let Value::Code(fcode) = code_v else {
                            break type_error("MakeFunction needs a code object");
                        };
                        let func = make_function(fcode, globals, defaults, kwdefaults, closure);
                        self.stack.push(Value::Function(Arc::new(func)));
                    }
                    Op::LoadBuildClass => {
                        let v = match self.shared.builtins.get_item_str("__build_class__") {
                            Some(v) => v,
                            None => break name_error("__build_class__"),
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
                        let m = tri!(self.import_name(code.names[i as usize].as_str(), level, &fromlist, &globals));
                        self.stack.push(m);
                    }
                    Op::ImportFrom(i) => {
                        let module = top!().clone();
                        let v = tri!(self.import_from(&module, &code.names[i as usize]));
                        self.stack.push(v);
                    }
                    Op::ImportStar => {
                        let module = pop!();
                        let ns = f.locals.clone().unwrap_or_else(|| f.func.globals.clone());
                        tri!(self.import_star(&module, &ns));
                    }
                    Op::LoadAssertionError => {
                        self.stack.push(Value::Class(types().exc.assertion_error.clone()));
                    }
                    Op::PrintExpr => {
                        let v = pop!();
                        tri!(self.print_expr(v));
                    }
                }
            };
            pending = Some((err, origin));
        }
    }

    /// The fast path of a call: when the callable at `regs[base]` of frame
    /// `fi` is a plain Python function whose parameters are exactly the
    /// positional values above it (plus defaults), moves them straight into
    /// a new frame and pushes it. Returns false to take the general path.
    #[inline]
    fn push_simple_call(&mut self, slot: usize) -> bool {
        let depth = self.frames.len();
        let Value::Function(func) = &self.stack[slot] else { return false };
        let code = &func.code;
        let nargs = self.stack.len() - slot - 1;
        let argcount = code.argcount as usize;
        if code.flags & (crate::bytecode::code::flags::VARARGS | crate::bytecode::code::flags::VARKEYWORDS | crate::bytecode::code::flags::GENERATOR) != 0
            || code.kwonlyargcount != 0
            || nargs > argcount
            || nargs + func.defaults.len() < argcount
            || !code.cellvars.is_empty()
            || depth >= self.shared.recursion_limit.load(std::sync::atomic::Ordering::Relaxed)
        {
            return false;
        }
        // The function moves from its stack slot into the frame (no
        // refcounting) and the arguments, already in place above the slot,
        // become the first locals.
        let Value::Function(func) = std::mem::take(&mut self.stack[slot]) else { unreachable!("checked above") };
        if nargs < argcount {
            let d = &func.defaults;
            self.stack.extend_from_slice(&d[d.len() - (argcount - nargs)..]);
        }
        let base = slot + 1;
        let nlocals = func.code.nlocals();
        if self.stack.len() < base + nlocals {
            self.stack.resize(base + nlocals, Value::Undef);
        }
        self.frames.push(Frame {
            func,
            pc: 0,
            base,
            ret: slot,
            cells: Vec::new(),
            locals: None,
            blocks: Vec::new(),
            boundary: false,
            init_self: None,
        });
        true
    }

    /// Calls the callable below `argc` arguments on frame `fi`'s stack (the
    /// last `kwnames.len()` of them keywords). Pushes a frame for Python
    /// functions and returns true; otherwise pushes the result.
    fn call_on_stack(&mut self, argc: usize, kwnames: Option<&[Value]>) -> PyResult<bool> {
        let len = self.stack.len();
        let args: ArgVec = self.stack.drain(len - argc..).collect();
        let callee = self.stack.pop().unwrap_or_default();
        let (pos, kw) = match kwnames {
            None => (&args[..], Vec::new()),
            Some(names) => {
                let npos = argc - names.len();
                let kw: Vec<(Arc<PyStr>, Value)> = names
                    .iter()
                    .zip(&args[npos..])
                    .filter_map(|(n, v)| n.as_str().map(|n| (n.clone(), v.clone())))
                    .collect();
                (&args[..npos], kw)
            }
        };
        self.call_pushing(&callee, pos, &kw)
    }

    /// Calls `callee`, pushing a frame for a Python function (returns true)
    /// or pushing the result on the current frame (returns false).
    fn call_pushing(&mut self, callee: &Value, args: &[Value], kw: &[(Arc<PyStr>, Value)]) -> PyResult<bool> {
        let (func, receiver, init_self): (&Arc<Function>, Option<&Value>, Option<Value>) = match callee {
            Value::Function(func) if !func.code.is_generator() => (func, None, None),
            Value::BoundMethod(bm) => match &bm.func {
                Value::Function(func) if !func.code.is_generator() => (func, Some(&bm.receiver), None),
                _ => return self.call_and_push(callee, args, kw),
            },
            Value::Class(cls) => match self.plain_init(cls) {
                Some(init) => {
                    let inst = crate::runtime::instance::Instance::new(cls.clone());
                    let inst = Value::Instance(Arc::new(inst));
                    return self.push_init_frame(&init, inst, args, kw);
                }
                None => return self.call_and_push(callee, args, kw),
            },
            _ => return self.call_and_push(callee, args, kw),
        };
        if self.frames.len() >= self.recursion_limit() {
            return Err(super::error::recursion_error());
        }
        let mut frame = self.frame_for_call(func, receiver, args, kw)?;
        frame.init_self = init_self;
        self.frames.push(frame);
        Ok(true)
    }

    fn push_init_frame(&mut self, init: &Arc<Function>, inst: Value, args: &[Value], kw: &[(Arc<PyStr>, Value)]) -> PyResult<bool> {
        if self.frames.len() >= self.recursion_limit() {
            return Err(super::error::recursion_error());
        }
        let mut frame = self.frame_for_call(init, Some(&inst), args, kw)?;
        frame.init_self = Some(inst);
        self.frames.push(frame);
        Ok(true)
    }

    fn call_and_push(&mut self, callee: &Value, args: &[Value], kw: &[(Arc<PyStr>, Value)]) -> PyResult<bool> {
        let r = self.call_value(callee, args, kw)?;
        self.stack.push(r);
        Ok(false)
    }

    /// The Python `__init__` of a class that needs nothing else to build an
    /// instance (no `__new__`, plain instances), for the fast path.
    pub(crate) fn plain_init(&self, cls: &Arc<Class>) -> Option<Arc<Function>> {
        if cls.builtin || cls.kind != crate::runtime::class::ClassKind::Object || cls.metaclass.is_some() {
            return None;
        }
        if cls.has_flag(ClassFlags::NEW) {
            return None;
        }
        match cls.lookup(&crate::runtime::names::names().init) {
            Some(Value::Function(f)) if !f.code.is_generator() => Some(f),
            _ => None,
        }
    }
}

fn add_all(vm: &mut Vm, set: &crate::runtime::set::PySet, items: Vec<Value>) -> PyResult<()> {
    for it in items {
        set.add(vm, it)?;
    }
    Ok(())
}

/// Fills a dict from a flat key, value, key, value... list.
fn set_pairs(vm: &mut Vm, d: &PyDict, items: Vec<Value>) -> PyResult<()> {
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        d.set(vm, k, v)?;
    }
    Ok(())
}

fn unbound_local(name: &PyStr) -> PyErr {
    PyErr::new(
        &types().exc.unbound_local_error,
        format!("local variable '{}' referenced before assignment", name.as_str()),
    )
}

fn free_var_error(code: &crate::bytecode::Code, i: usize) -> PyErr {
    let name = code.cell_name(i).as_str();
    if i < code.cellvars.len() {
        return unbound_local(code.cell_name(i));
    }
    PyErr::new(
        &types().exc.name_error,
        format!("free variable '{name}' referenced before assignment in enclosing scope"),
    )
}

/// Builds a function object from `MakeFunction`'s operands.
fn make_function(code: Arc<crate::bytecode::Code>, globals: Arc<PyDict>, defaults: Value, kwdefaults: Value, closure: Value) -> Function {
    let mut f = Function::new(code, globals, Box::new([]));
    let defaults = match defaults {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    let kwdefaults = match kwdefaults {
        Value::Dict(d) => d
            .items()
            .into_iter()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s, v)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let closure: Box<[Arc<Cell>]> = match closure {
        Value::Tuple(t) => t
            .items
            .iter()
            .filter_map(|c| match c {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            })
            .collect(),
        _ => Box::new([]),
    };
    f.defaults = defaults;
    f.kwdefaults = kwdefaults;
    f.closure = closure;
    f
}

/// `**kwargs` as the keyword list calls take.
pub(crate) fn kwargs_from_dict(d: &PyDict) -> PyResult<Vec<(Arc<PyStr>, Value)>> {
    d.items()
        .into_iter()
        .map(|(k, v)| match k {
            Value::Str(s) => Ok((s, v)),
            _ => Err(type_error("keywords must be strings")),
        })
        .collect()
}

/// Integer arithmetic that cannot overflow or fail; `None` sends the
/// operation to the general path.
#[inline]
fn int_fast(op: BinOp, a: i64, b: i64) -> Option<i64> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::FloorDiv if b != 0 => {
            let q = a.checked_div(b)?;
            Some(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
        }
        BinOp::Mod if b != 0 => {
            let r = a.checked_rem(b)?;
            Some(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
        }
        BinOp::BitAnd => Some(a & b),
        BinOp::BitOr => Some(a | b),
        BinOp::BitXor => Some(a ^ b),
        _ => None,
    }
}

#[inline]
fn float_fast(op: BinOp, a: f64, b: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(a + b),
        BinOp::Sub => Some(a - b),
        BinOp::Mul => Some(a * b),
        BinOp::Div if b != 0.0 => Some(a / b),
        _ => None,
    }
}

#[inline]
fn cmp_i64(op: CmpOp, a: i64, b: i64) -> bool {
    match op {
        CmpOp::Eq => a == b,
        CmpOp::NotEq => a != b,
        CmpOp::Lt => a < b,
        CmpOp::LtE => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::GtE => a >= b,
        _ => false,
    }
}

#[inline]
fn cmp_f64(op: CmpOp, a: f64, b: f64) -> bool {
    match op {
        CmpOp::Eq => a == b,
        CmpOp::NotEq => a != b,
        CmpOp::Lt => a < b,
        CmpOp::LtE => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::GtE => a >= b,
        _ => false,
    }
}
