//! The evaluation loop.
//!
//! `eval_loop` runs the frame on top of the thread's frame stack and every
//! frame it calls, until the frame that entered the loop (a "boundary"
//! frame) returns or yields. Calls of Python functions push a frame and
//! carry on in the same loop; so do generators resumed by `for` and
//! `yield from` (`resume.rs`). Errors unwind through the code's exception
//! table, entering a `try` costs nothing; a frame without a handler is popped and the error continues in
//! its caller, adding one traceback entry per frame (`unwind.rs`).
//!
//! Fast paths for small ints, floats, lists and dicts are inline; all other
//! operations go through the generic protocols in the sibling modules.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::Ordering;

use super::error::type_error;
use super::eval_lookup::{cached_global, instance_attr, plain_method, plain_setattr, slice_bounds, store_attr};
use super::exec::Flow;
use super::fast_ops::{
    build_list, builtin_len, float_fast, int_fast, list_iadd, num_compare, rust_next, str_add, unbound_local,
};
use super::frame::{Frame, FrameKind};
use super::gil::FINALIZE;
use super::unwind::Origin;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::{Code, Op};
use crate::runtime::class::Class;
use crate::runtime::value::Value;
use crate::runtime::value_words::{UNDEF, Words};
use crate::syntax::ast::BinOp;

/// How the boundary frame of an evaluation loop ended.
pub enum Exit {
    Return(Value),
    /// A generator frame yielded; it is still on top of the frame stack.
    Yield(Value),
}

impl Vm {
    /// Runs `frame` to completion and returns its value.
    pub fn run_frame(&mut self, frame: Frame) -> PyResult<Value> {
        match self.run_boundary(frame)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(super::error::runtime_error("frame yielded outside a generator")),
        }
    }

    /// Pushes a boundary frame and runs the loop (used by generators too).
    pub fn run_boundary(&mut self, mut frame: Frame) -> PyResult<Exit> {
        frame.kind = FrameKind::Boundary;
        frame.ret = frame.base;
        if let Err(e) = self.check_native_stack() {
            self.stack.truncate(frame.ret);
            return Err(e);
        }
        if self.depth() >= self.recursion_limit() {
            self.stack.truncate(frame.ret);
            return Err(super::error::recursion_error());
        }
        self.native_depth += 1;
        self.frames.push(frame);
        let r = self.eval_loop();
        self.native_depth -= 1;
        r
    }

    /// Runs the top frame starting with `err` raised at its current point
    /// (throwing into a suspended generator).
    pub(crate) fn eval_with_error(&mut self, err: PyErr) -> PyResult<Exit> {
        self.unwind(err, Origin::Raised)?;
        self.eval_loop()
    }

    /// Runs frames until the boundary frame returns or yields.
    pub(crate) fn eval_loop(&mut self) -> PyResult<Exit> {
        if self.traced { self.eval_loop_in::<true>() } else { self.eval_loop_in::<false>() }
    }

    /// The loop itself; with `TRACE` every instruction first goes through
    /// `trace_op` (the scheduler and the race recorder, `trace.rs`).
    fn eval_loop_in<const TRACE: bool>(&mut self) -> PyResult<Exit> {
        let mut pending: Option<(PyErr, Origin)> = None;
        'frames: loop {
            if let Some((err, origin)) = pending.take() {
                self.unwind(err, origin)?;
            }
            // Eval-breaker point at the start of every function (like
            // CPython's RESUME; not on return, so a thread is not switched
            // out between a call's result and its use).
            if self.shared.gil.breaker.load(Ordering::Relaxed) != 0
                && self.frames.last().is_some_and(|f| f.pc == 0)
                && let Err(e) = self.handle_breaker()
            {
                pending = Some((e, Origin::Raised));
                continue;
            }
            let mut fi = self.frames.len() - 1;
            let code_ptr: *const Code = PyArc::as_ptr(self.frames[fi].code());
            // SAFETY: frame `fi` holds an `Arc` to this code for as long as
            // the instruction loop below runs: pushing frames moves frame
            // `fi` (and its Arc) without dropping it, and every path that
            // pops or replaces frame `fi` leaves the loop at once (return,
            // `continue 'frames`, or `break` to unwinding) and fetches the
            // code again. Borrowing instead of cloning the Arc saves two
            // atomic operations per call.
            let mut code: &Code = unsafe { &*code_ptr };
            let mut ops: &[Op] = &code.ops;
            let mut base = self.frames[fi].base;
            let mut pc = self.frames[fi].pc;
            let mut origin = Origin::Raised;
            // The value stack lives in a local while the loop runs, so its
            // pointer and length stay in registers; it is handed back to
            // `self` around anything else that uses it.
            let mut stack = std::mem::take(&mut self.stack);
            // Evaluates `$e` (a method that needs the whole VM) with the
            // frame's pc saved and the value stack handed back to `self`.
            macro_rules! with_vm {
                ($e:expr) => {{
                    self.frames[fi].pc = pc;
                    self.stack = std::mem::take(&mut stack);
                    let r = $e;
                    stack = std::mem::take(&mut self.stack);
                    r
                }};
            }
            // Runs the full implementation of `op` (exec.rs).
            macro_rules! slow {
                ($op:expr) => {{
                    let r = with_vm!({
                        let r = self.exec_op($op, fi, code);
                        if matches!(r, Ok(Flow::Next | Flow::Jump(_))) {
                            self.finalize_point();
                        }
                        r
                    });
                    match r {
                        Ok(Flow::Next) => {}
                        Ok(Flow::Jump(t)) => pc = t,
                        Ok(Flow::Frames) => {
                            self.stack = std::mem::take(&mut stack);
                            continue 'frames;
                        }
                        Ok(Flow::Reraise(e)) => {
                            origin = Origin::Reraised;
                            break e;
                        }
                        Err(e) => break e,
                    }
                }};
            }
            // After an instruction that may have freed a value: the `__del__`
            // methods that queued run now, before the next instruction, as
            // CPython runs them at once (`finalize.rs`).
            macro_rules! finalize_point {
                () => {{
                    if self.shared.gil.breaker.load(Ordering::Relaxed) & FINALIZE != 0 {
                        with_vm!(self.finalize_point());
                    }
                }};
            }
            // Drops a value the loop let go of: an immediate without the
            // drop glue (as `Value::release`), a heap value followed by a
            // finalizer point, since it may have been the last reference.
            // Pushes local `$i` (LoadFast and the fused forms that start or
            // end with it), or leaves the loop with UnboundLocalError.
            macro_rules! load_fast {
                ($i:expr) => {{
                    let i = $i as usize;
                    debug_assert!(base + i < stack.len());
                    stack.reserve(1);
                    // SAFETY: a frame's locals occupy `stack[base..base +
                    // nlocals]` from its push to its pop (frame.rs), and the
                    // compiler only emits slots below `nlocals`; the push
                    // has room (reserved above) and takes the reference
                    // `add_ref` counts. Two words, not a `clone` and a
                    // `push`: see `value_words`.
                    unsafe {
                        let w = Words::read(stack.as_ptr().add(base + i));
                        if w.tag() == UNDEF {
                            break unbound_local(&code.varnames[i]);
                        }
                        w.add_ref();
                        let len = stack.len();
                        w.write(stack.as_mut_ptr().add(len));
                        stack.set_len(len + 1);
                    }
                }};
            }
            // Pops the top into local `$i`, releasing what it held.
            macro_rules! store_fast {
                ($i:expr) => {{
                    let slot = base + $i as usize;
                    let len = stack.len();
                    debug_assert!(slot < len - 1);
                    // SAFETY: the slot is a local below the top (as in
                    // `load_fast!`); the top's reference moves into it and
                    // the slot's old one is taken back as a value.
                    let old = unsafe {
                        let top = Words::read(stack.as_ptr().add(len - 1));
                        stack.set_len(len - 1);
                        let old = Words::read(stack.as_ptr().add(slot));
                        top.write(stack.as_mut_ptr().add(slot));
                        old
                    };
                    if old.is_arc() {
                        // SAFETY: the slot's reference, now owned here.
                        release!(unsafe { old.into_value() });
                    }
                }};
            }
            macro_rules! release {
                ($v:expr) => {{
                    let v = $v;
                    if v.is_heap() {
                        drop(v);
                        finalize_point!();
                    } else {
                        std::mem::forget(v);
                    }
                }};
            }
            // Switches the loop to the frame now on top, the value stack
            // staying in its local: a call or a return costs a few loads
            // instead of a trip through the top of `'frames`. The same
            // SAFETY argument as above holds for the new frame's code.
            macro_rules! enter_top {
                () => {{
                    fi = self.frames.len() - 1;
                    let f = &self.frames[fi];
                    // SAFETY: as for `code_ptr` above.
                    code = unsafe { &*PyArc::as_ptr(f.code()) };
                    ops = &code.ops;
                    base = f.base;
                    pc = f.pc;
                }};
            }
            // A new frame starts at an eval-breaker point: with the breaker
            // set it goes through the top of `'frames`, which handles it.
            macro_rules! enter_call {
                () => {{
                    self.frames[fi].pc = pc;
                    if self.shared.gil.breaker.load(Ordering::Relaxed) != 0 {
                        self.stack = std::mem::take(&mut stack);
                        continue 'frames;
                    }
                    enter_top!();
                    continue;
                }};
            }
            let err: PyErr = loop {
                debug_assert!(pc < ops.len());
                // SAFETY: the compiler ends every code object with a return
                // and patches every jump to a position inside it, so `pc`
                // never leaves `ops` (checked in debug builds).
                let op = unsafe { *ops.get_unchecked(pc) };
                pc += 1;
                if TRACE {
                    self.trace_op(op, fi, pc, code, &stack);
                }
                match op {
                    Op::LoadFast(i) => load_fast!(i),
                    Op::StoreFast(i) => store_fast!(i),
                    Op::LoadConst(i) => {
                        let v = code.consts[i as usize].clone();
                        stack.push(v);
                    }
                    Op::LoadFastConst(i, k) => {
                        load_fast!(i);
                        stack.push(code.consts[k as usize].clone());
                    }
                    Op::StoreFastLoadFast(store, load) => {
                        store_fast!(store);
                        load_fast!(load);
                    }
                    Op::PopTop => {
                        let len = stack.len();
                        debug_assert!(len > base);
                        // SAFETY: the operand stack is not empty (the
                        // compiler balances it); its top is read as two
                        // words (see `value_words`) and owned here.
                        let top = unsafe {
                            stack.set_len(len - 1);
                            Words::read(stack.as_ptr().add(len - 1))
                        };
                        if top.is_arc() {
                            // SAFETY: the popped reference, owned here.
                            release!(unsafe { top.into_value() });
                        }
                    }
                    Op::Jump(t) => {
                        // Eval-breaker point: every loop passes a backward jump.
                        if (t as usize) < pc
                            && self.shared.gil.breaker.load(Ordering::Relaxed) != 0
                            && let Err(e) = with_vm!(self.handle_breaker())
                        {
                            break e;
                        }
                        pc = t as usize;
                    }
                    Op::Copy(n) => {
                        let v = stack[stack.len() - n as usize].clone();
                        stack.push(v);
                    }
                    Op::Swap(n) => {
                        let len = stack.len();
                        stack.swap(len - 1, len - n as usize);
                    }
                    Op::StoreGlobal(i) => {
                        // The name's LoadGlobal cache remembers where the
                        // global lives: module-level loops store the same
                        // globals over and over.
                        let v = stack.pop().unwrap_or_default();
                        let mut c = code.global_cache[i as usize].cache.lock();
                        let mut at = if c.in_globals { c.index } else { u32::MAX };
                        self.frames[fi].func.globals.set_str_at(&code.names[i as usize], v, &mut at);
                        c.in_globals = true;
                        c.index = at;
                        drop(c);
                        finalize_point!();
                    }
                    Op::Compare(cop) => {
                        let len = stack.len();
                        match num_compare(cop, &stack[len - 2], &stack[len - 1]) {
                            Some(truth) => {
                                // SAFETY: both operands are ints or floats,
                                // which own nothing: dropping is a no-op.
                                // and need no drop when overwritten.
                                unsafe {
                                    stack.set_len(len - 1);
                                    std::ptr::write(stack.as_mut_ptr().add(len - 2), Value::Bool(truth));
                                }
                            }
                            None => slow!(op),
                        }
                    }
                    Op::UnaryNeg => match stack.last_mut() {
                        Some(Value::Int(i)) if *i != i64::MIN => *i = -*i,
                        Some(Value::Float(x)) => *x = -*x,
                        _ => slow!(op),
                    },
                    Op::SliceSubscr => {
                        let len = stack.len();
                        let found = match (&stack[len - 3], &stack[len - 2], &stack[len - 1]) {
                            (Value::Str(s), a, b) => {
                                slice_bounds(a, b, s.char_len()).map(|(from, to)| Value::str(s.substring(from, to)))
                            }
                            (Value::List(l), a, b) => {
                                let items = l.lock();
                                slice_bounds(a, b, items.len()).map(|(from, to)| Value::list(items[from..to].to_vec()))
                            }
                            _ => None,
                        };
                        match found {
                            Some(v) => {
                                stack.truncate(len - 2);
                                std::mem::replace(&mut stack[len - 3], v).release();
                            }
                            None => slow!(op),
                        }
                    }
                    Op::StoreSubscr => {
                        // (v obj key -- ): dict[str] and list[int] here.
                        let len = stack.len();
                        let done = match (&stack[len - 2], &stack[len - 1]) {
                            (Value::Dict(_), Value::Str(_)) => {
                                let key = stack.pop().unwrap_or_default();
                                let obj = stack.pop().unwrap_or_default();
                                let v = stack.pop().unwrap_or_default();
                                if let (Value::Dict(d), Value::Str(k)) = (&obj, key) {
                                    d.set_str(k, v);
                                }
                                true
                            }
                            (Value::List(_), Value::Int(_)) => {
                                let (below, top) = stack.split_at_mut(len - 2);
                                let (Value::List(l), Value::Int(i)) = (&top[0], &top[1]) else {
                                    unreachable!("matched above")
                                };
                                let mut items = l.lock();
                                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                                if idx >= 0 && (idx as usize) < items.len() {
                                    let v = std::mem::take(&mut below[len - 3]);
                                    let old = std::mem::replace(&mut items[idx as usize], v);
                                    drop(items);
                                    old.release();
                                    true
                                } else {
                                    false
                                }
                            }
                            _ => false,
                        };
                        if done && stack.len() == len {
                            // The list store left its three slots to clear.
                            stack.truncate(len - 3);
                        }
                        if done {
                            finalize_point!();
                        } else {
                            slow!(op);
                        }
                    }
                    Op::Subscr => {
                        let len = stack.len();
                        let found = match (&stack[len - 2], &stack[len - 1]) {
                            (Value::List(l), Value::Int(i)) => {
                                let items = l.lock();
                                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                                if idx >= 0 && (idx as usize) < items.len() {
                                    Some(items[idx as usize].clone())
                                } else {
                                    None
                                }
                            }
                            (Value::Tuple(t), Value::Int(i)) => {
                                let idx = if *i < 0 { *i + t.items.len() as i64 } else { *i };
                                if idx >= 0 && (idx as usize) < t.items.len() {
                                    Some(t.items[idx as usize].clone())
                                } else {
                                    None
                                }
                            }
                            (Value::Dict(d), Value::Str(k)) => d.get_str(k),
                            _ => None,
                        };
                        match found {
                            Some(v) => {
                                // The index needs no drop when it is an int;
                                // a str key does.
                                if let Some(k) = stack.pop() {
                                    k.release();
                                }
                                let obj = std::mem::replace(&mut stack[len - 2], v);
                                obj.release();
                            }
                            None => slow!(op),
                        }
                    }
                    Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                        let truth = match stack.last() {
                            Some(Value::Bool(b)) => Some(*b),
                            Some(Value::None) => Some(false),
                            Some(Value::Int(i)) => Some(*i != 0),
                            _ => None,
                        };
                        match truth {
                            Some(t_) => {
                                // SAFETY: the top is a bool, None or an int,
                                // which own nothing: dropping is a no-op.
                                unsafe { stack.set_len(stack.len() - 1) };
                                if t_ == matches!(op, Op::PopJumpIfTrue(_)) {
                                    pc = t as usize;
                                }
                            }
                            None => slow!(op),
                        }
                    }
                    Op::CompareJumpIfFalse(cop, target) => {
                        let len = stack.len();
                        match num_compare(cop, &stack[len - 2], &stack[len - 1]) {
                            Some(truth) => {
                                // SAFETY: both operands are ints or floats,
                                // which own nothing: dropping is a no-op.
                                unsafe { stack.set_len(len - 2) };
                                if !truth {
                                    pc = target as usize;
                                }
                            }
                            None => slow!(op),
                        }
                    }
                    Op::Binary(bop) | Op::Inplace(bop) => {
                        let len = stack.len();
                        let r = match (&stack[len - 2], &stack[len - 1]) {
                            (Value::Int(a), Value::Int(b)) => int_fast(bop, *a, *b).map(Value::Int),
                            (Value::Float(a), Value::Float(b)) => float_fast(bop, *a, *b).map(Value::Float),
                            (Value::Float(a), Value::Int(b)) => float_fast(bop, *a, *b as f64).map(Value::Float),
                            (Value::Int(a), Value::Float(b)) => float_fast(bop, *a as f64, *b).map(Value::Float),
                            _ => None,
                        };
                        match r {
                            Some(r) => {
                                // SAFETY: both operands are ints or floats,
                                // which own nothing: overwriting the first
                                // and forgetting the second drops nothing.
                                unsafe {
                                    std::ptr::write(stack.as_mut_ptr().add(len - 2), r);
                                    stack.set_len(len - 1);
                                }
                            }
                            None => match (bop, &stack[len - 2], &stack[len - 1]) {
                                // str + str, the other common case.
                                (BinOp::Add, Value::Str(_), Value::Str(_)) => {
                                    str_add(&mut stack, op, ops.get(pc).copied(), base);
                                }
                                // `s += [x]`: CPython's list_inplace_concat.
                                (BinOp::Add, Value::List(_), Value::List(_)) if matches!(op, Op::Inplace(_)) => {
                                    match list_iadd(&mut stack) {
                                        Ok(()) => finalize_point!(),
                                        Err(e) => break e,
                                    }
                                }
                                _ => slow!(op),
                            },
                        }
                    }
                    Op::BuildList(n) => build_list(&mut stack, n),
                    Op::LoadGlobal(i) => {
                        let cached = cached_global(&self.frames[fi].func.globals, &self.shared.builtins, code, i);
                        match cached {
                            Some(v) => stack.push(v),
                            None => slow!(op),
                        }
                    }
                    Op::LoadAttr(i) => {
                        let name = &code.names[i as usize];
                        // An attribute in the instance dict, with no hook or
                        // descriptor in the way: the common case.
                        let found = stack.last().and_then(|obj| {
                            instance_attr(obj, &code.method_cache[i as usize], name, &mut self.type_cache)
                        });
                        match found {
                            Some(v) => {
                                *stack.last_mut().expect("an object to load from") = v;
                                finalize_point!();
                            }
                            None => slow!(op),
                        }
                    }
                    Op::LoadMethod(i) => {
                        let name = &code.names[i as usize];
                        let cache = &code.method_cache[i as usize];
                        let method = stack.last().and_then(|obj| plain_method(obj, cache, name, &mut self.type_cache));
                        match method {
                            Some(m) => {
                                let obj = stack.pop().unwrap_or_default();
                                stack.push(m);
                                stack.push(obj);
                            }
                            None => slow!(op),
                        }
                    }
                    Op::LoadFastAttr(local, n) => {
                        let name = &code.names[n as usize];
                        let found = instance_attr(
                            &stack[base + local as usize],
                            &code.method_cache[n as usize],
                            name,
                            &mut self.type_cache,
                        );
                        match found {
                            Some(v) => stack.push(v),
                            None => slow!(op),
                        }
                    }
                    Op::StoreFastAttr(local, n) => {
                        let name = &code.names[n as usize];
                        let site = &code.method_cache[n as usize];
                        let target = match &stack[base + local as usize] {
                            Value::Instance(inst) if plain_setattr(inst, site, name, &mut self.type_cache) => Some((
                                &*inst.dict as *const crate::runtime::dict::PyDict,
                                inst.class_ref() as &Class as *const Class,
                            )),
                            _ => None,
                        };
                        match target {
                            Some((dict, cls)) => {
                                let v = stack.pop().unwrap_or_default();
                                // SAFETY: the dict and the class belong to the
                                // instance in local slot `local`, which lies
                                // below the popped temporary and still holds
                                // its reference: both outlive this call.
                                unsafe { store_attr(site, &*dict, &*cls, name, v) };
                                finalize_point!();
                            }
                            None => slow!(op),
                        }
                    }
                    Op::LoadFastMethod(local, n) => {
                        let name = &code.names[n as usize];
                        let method = plain_method(
                            &stack[base + local as usize],
                            &code.method_cache[n as usize],
                            name,
                            &mut self.type_cache,
                        );
                        match method {
                            Some(m) => {
                                let obj = stack[base + local as usize].clone();
                                stack.push(m);
                                stack.push(obj);
                            }
                            None => slow!(op),
                        }
                    }
                    Op::StoreAttr(i) => {
                        let name = &code.names[i as usize];
                        let len = stack.len();
                        let plain = match &stack[len - 1] {
                            Value::Instance(inst) => {
                                plain_setattr(inst, &code.method_cache[i as usize], name, &mut self.type_cache)
                            }
                            _ => false,
                        };
                        if plain {
                            let obj = stack.pop().unwrap_or_default();
                            let v = stack.pop().unwrap_or_default();
                            if let Value::Instance(inst) = &obj {
                                inst.dict.set_str(name.clone(), v);
                            }
                            drop(obj);
                            finalize_point!();
                        } else {
                            slow!(op);
                        }
                    }
                    Op::CallMethod(argc) => {
                        let argc = argc as usize;
                        let len = stack.len();
                        if !stack[len - argc - 1].is_undef() {
                            let slot = len - argc - 2;
                            if self.push_call_frame(&mut stack, slot) {
                                enter_call!();
                            }
                            let r = with_vm!(self.call_native_at(slot));
                            match r {
                                Some(Ok(())) => {
                                    finalize_point!();
                                    continue;
                                }
                                Some(Err(e)) => break e,
                                None => {}
                            }
                        }
                        slow!(op);
                    }
                    Op::Call(argc) => {
                        let slot = stack.len() - argc as usize - 1;
                        // `len(x)` of a builtin container, as CPython 3.11's
                        // CALL_NO_KW_LEN: no call at all.
                        if argc == 1
                            && let Some(n) = builtin_len(&stack[slot], &stack[slot + 1])
                        {
                            if let Some(arg) = stack.pop() {
                                arg.release();
                            }
                            std::mem::replace(&mut stack[slot], Value::Int(n as i64)).release();
                            continue;
                        }
                        if self.push_call_frame(&mut stack, slot) {
                            enter_call!();
                        }
                        let r = with_vm!(self.call_native_at(slot));
                        match r {
                            Some(Ok(())) => finalize_point!(),
                            Some(Err(e)) => break e,
                            None => slow!(op),
                        }
                    }
                    Op::CallKw(argc) => {
                        let names = stack.pop().unwrap_or_default();
                        let slot = stack.len() - argc as usize - 1;
                        let pushed = match &names {
                            Value::Tuple(t) => self.push_kw_call_frame(&mut stack, slot, &t.items),
                            _ => false,
                        };
                        if pushed {
                            names.release();
                            enter_call!();
                        }
                        stack.push(names);
                        slow!(op);
                    }
                    Op::ForIter(t) => {
                        let next = stack.last().and_then(rust_next);
                        match next {
                            Some(Some(v)) => stack.push(v),
                            Some(None) => {
                                stack.pop();
                                pc = t as usize;
                            }
                            // A generator runs in this loop (resume.rs).
                            None if matches!(stack.last(), Some(Value::Generator(_))) => {
                                match self.push_generator_frame(&mut stack, Value::None) {
                                    Ok(true) => enter_call!(),
                                    Ok(false) => {
                                        stack.pop();
                                        pc = t as usize;
                                    }
                                    Err(e) => break e,
                                }
                            }
                            None => slow!(op),
                        }
                    }
                    // `yield from` a generator: it runs in this loop too.
                    Op::Send(t) if matches!(stack.get(stack.len().wrapping_sub(2)), Some(Value::Generator(_))) => {
                        let sent = stack.pop().unwrap_or_default();
                        match self.push_generator_frame(&mut stack, sent) {
                            Ok(true) => enter_call!(),
                            Ok(false) => {
                                // A finished generator's result is None.
                                *stack.last_mut().expect("the generator") = Value::None;
                                pc = t as usize;
                            }
                            Err(e) => break e,
                        }
                    }
                    // `yield from` a list, a range...: `ForIter`'s fast path.
                    Op::Send(t)
                        if stack.last().is_some_and(Value::is_none)
                            && let Some(next) = rust_next(&stack[stack.len() - 2]) =>
                    {
                        stack.pop();
                        match next {
                            Some(v) => stack.push(v),
                            None => {
                                std::mem::replace(stack.last_mut().expect("the iterator"), Value::None).release();
                                pc = t as usize;
                            }
                        }
                    }
                    Op::ReturnValue => {
                        let v = stack.pop().unwrap_or_default();
                        let f = &mut self.frames[fi];
                        if f.kind == FrameKind::Generator {
                            self.return_to_caller(&mut stack, v);
                            enter_top!();
                            continue;
                        }
                        let boundary = f.kind == FrameKind::Boundary;
                        let init_self = f.init_self.take();
                        let ret = f.ret;
                        stack.truncate(ret);
                        self.frames.truncate(fi);
                        let v = match init_self {
                            Some(_) if !v.is_none() => {
                                self.stack = std::mem::take(&mut stack);
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
                            self.stack = std::mem::take(&mut stack);
                            return Ok(Exit::Return(v));
                        }
                        stack.push(v);
                        // No eval-breaker point on return (see the top of
                        // `'frames`): the caller resumes at once, after the
                        // `__del__` of the locals just freed.
                        enter_top!();
                        finalize_point!();
                    }
                    Op::YieldValue => {
                        let v = stack.pop().unwrap_or_default();
                        self.frames[fi].pc = pc;
                        if self.frames[fi].kind == FrameKind::Generator {
                            self.yield_to_caller(&mut stack, v);
                            enter_top!();
                            continue;
                        }
                        self.stack = stack;
                        return Ok(Exit::Yield(v));
                    }
                    _ => slow!(op),
                }
            };
            self.stack = stack;
            // The error happened in frame `fi` at the instruction before `pc`.
            if let Some(f) = self.frames.get_mut(fi) {
                f.pc = pc;
            }
            pending = Some((err, origin));
        }
    }
}
