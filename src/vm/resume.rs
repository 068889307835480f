//! Resuming generators, from Rust and from the evaluation loop.
//!
//! Either way the generator's frame moves from the generator onto the
//! thread's frame stack, and its locals and operands onto the value stack
//! (a move of a few values, no reference counting), and back at a `yield`.
//!
//! From Rust (`next(g)`, `g.send(v)`, `g.throw(e)`, builtins consuming an
//! iterator) the frame runs in a nested loop (`run_boundary`) and its
//! `yield` leaves that loop.
//!
//! From the loop itself — `for x in g` (`ForIter`) and `yield from g`
//! (`Send`) — the frame is pushed as a [`FrameKind::Generator`] frame and
//! runs in the same loop, as CPython 3.12's `FOR_ITER_GEN`/`SEND_GEN` do:
//! no Rust recursion, no native-stack check, no loop entry per step. Its
//! `yield` and `return` complete the `ForIter`/`Send` of the frame below
//! and carry on there; an exception leaving it finishes the generator on
//! its way into that frame (`unwind`). The frame below keeps the generator
//! on top of its operand stack, just below the generator frame's `base`,
//! for as long as the generator frame runs: that is where these find it.

use crate::runtime::pyarc::PyArc;

use super::error::{recursion_error, runtime_error, stop_value, type_error, value_error};
use super::eval::Exit;
use super::frame::{Frame, FrameKind};
use super::{PyErr, PyResult, Vm};
use crate::bytecode::Op;
use crate::runtime::generator::{GenState, GenStatus, Generator};
use crate::runtime::types::types;
use crate::runtime::value::Value;

enum Resume {
    Send(Value),
    Throw(PyErr),
}

impl Vm {
    /// The generator a call of a generator function makes, over `frame`
    /// whose arguments are bound in the locals on top of the value stack.
    pub(super) fn make_generator(&mut self, frame: Frame) -> Value {
        let values = self.stack.split_off(frame.base);
        Value::Generator(PyArc::new(Generator::new(frame, values)))
    }

    /// Resumes a generator with `sent`; `Ok(Ok(v))` if it yielded `v`,
    /// `Ok(Err(v))` if it returned `v`.
    pub fn resume_generator(&mut self, g: &Generator, sent: Value) -> PyResult<Result<Value, Value>> {
        self.resume_with(g, Resume::Send(sent))
    }

    /// Throws an exception into a generator at its current yield.
    pub fn throw_generator(&mut self, g: &Generator, err: PyErr) -> PyResult<Result<Value, Value>> {
        self.resume_with(g, Resume::Throw(err))
    }

    fn resume_with(&mut self, g: &Generator, how: Resume) -> PyResult<Result<Value, Value>> {
        let (sent, thrown) = match how {
            Resume::Send(v) => (Some(v), None),
            Resume::Throw(e) => (None, Some(e)),
        };
        let too_deep = self.too_deep();
        let started = start(
            &mut g.state.lock(),
            &mut self.frames,
            &mut self.stack,
            &mut self.exc_info,
            &mut self.exc_below,
            sent,
            too_deep,
        );
        match started {
            Ok(true) => {}
            Ok(false) => {
                return match thrown {
                    None => Ok(Err(Value::None)),
                    Some(e) => Err(e),
                };
            }
            Err(e) => return Err(e),
        }
        self.frames.last_mut().expect("the generator's frame").kind = FrameKind::Boundary;
        self.native_depth += 1;
        let outcome = match thrown {
            None => self.eval_loop(),
            Some(e) => self.eval_with_error(e),
        };
        self.native_depth -= 1;
        match outcome {
            Ok(Exit::Yield(v)) => {
                suspend(
                    &mut g.state.lock(),
                    &mut self.frames,
                    &mut self.stack,
                    &mut self.exc_info,
                    &mut self.exc_below,
                );
                Ok(Ok(v))
            }
            Ok(Exit::Return(v)) => {
                let held = finish(&mut g.state.lock(), &mut self.exc_info, &mut self.exc_below);
                drop(held);
                Ok(Err(v))
            }
            Err(e) => {
                let held = finish(&mut g.state.lock(), &mut self.exc_info, &mut self.exc_below);
                drop(held);
                Err(stop_iteration_escaped(e, g).unwrap_or_else(|e| e))
            }
        }
    }

    /// Sends into whatever `yield from` delegates to: `Ok(Ok(yielded))` or
    /// `Ok(Err(result))` when it finishes.
    pub(crate) fn send_to(&mut self, it: &Value, sent: Value) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Generator(g) => self.resume_generator(g, sent),
            _ => {
                // An instance's `__next__` is called directly: the value of
                // the StopIteration that ends it is the await's result.
                let r = match it {
                    Value::Iter(_) if sent.is_none() => self.iter_next(it),
                    _ if sent.is_none() => self.call_dunder(it, "__next__", &[]),
                    _ => self.call_method(it, "send", &[sent]).map(Some),
                };
                match r {
                    Ok(Some(v)) => Ok(Ok(v)),
                    Ok(None) => Ok(Err(Value::None)),
                    Err(e) if e.is(&types().exc.stop_iteration) => Ok(Err(stop_value(&e))),
                    Err(e) => Err(e),
                }
            }
        }
    }

    // ------------------------------------------------ resumed by the loop

    /// `ForIter` or `Send` on the generator on top of `stack` (the loop's
    /// value stack): pushes its frame, to run next in this loop, with
    /// `sent` as the value of the `yield` it stopped at. `Ok(false)` if it
    /// had finished: nothing was pushed.
    #[inline(always)]
    pub(super) fn push_generator_frame(&mut self, stack: &mut Vec<Value>, sent: Value) -> PyResult<bool> {
        let too_deep = self.depth() >= self.recursion_limit();
        let g = generator_at(stack, stack.len() - 1);
        // SAFETY: the Arc in the stack's top slot keeps the generator alive
        // through this call, which never writes that slot; the stack's
        // buffer may move as it grows, the generator does not.
        let g = unsafe { &*g };
        let pushed = start(
            &mut g.state.lock(),
            &mut self.frames,
            stack,
            &mut self.exc_info,
            &mut self.exc_below,
            Some(sent),
            too_deep,
        )?;
        if pushed {
            self.frames.last_mut().expect("the generator's frame").kind = FrameKind::Generator;
        }
        Ok(pushed)
    }

    /// `YieldValue` of the [`FrameKind::Generator`] frame on top: the frame
    /// goes back into its generator, and `v` is what the `ForIter`/`Send`
    /// of the frame below produced.
    #[inline(always)]
    pub(super) fn yield_to_caller(&mut self, stack: &mut Vec<Value>, v: Value) {
        let base = self.frames.last().expect("a yielding frame is on the frame stack").base;
        let g = generator_at(stack, base - 1);
        // SAFETY: the resumer's slot just below the frame keeps the
        // generator alive, and nothing here writes it: the values above
        // the slot move out and `v` is pushed after them.
        let g = unsafe { &*g };
        suspend(&mut g.state.lock(), &mut self.frames, stack, &mut self.exc_info, &mut self.exc_below);
        stack.push(v);
    }

    /// `ReturnValue` of the [`FrameKind::Generator`] frame on top: finishes
    /// the generator and completes the frame below's `ForIter` (its loop
    /// ends) or `Send` (the `yield from` evaluates to `v`).
    #[cold]
    pub(super) fn return_to_caller(&mut self, stack: &mut Vec<Value>, v: Value) {
        let frame = self.frames.pop().expect("a returning frame is on the frame stack");
        stack.truncate(frame.ret);
        let gv = stack.pop().unwrap_or_default();
        if let Value::Generator(g) = &gv {
            let held = finish(&mut g.state.lock(), &mut self.exc_info, &mut self.exc_below);
            drop(held);
        }
        let caller = self.frames.last_mut().expect("a generator frame has a resumer");
        match caller.code().ops[caller.pc - 1] {
            Op::ForIter(t) => caller.pc = t as usize,
            Op::Send(t) => {
                caller.pc = t as usize;
                stack.push(v);
            }
            op => unreachable!("a generator frame resumed by {op:?}"),
        }
    }

    /// An exception left the [`FrameKind::Generator`] frame `frame` (just
    /// popped, its values still on the stack): finishes the generator. The
    /// error goes on in the frame below; a StopIteration does so as
    /// RuntimeError (PEP 479), raised there.
    #[cold]
    pub(super) fn fail_generator_frame(&mut self, frame: Frame, err: PyErr) -> PyErr {
        self.stack.truncate(frame.ret);
        let Some(Value::Generator(g)) = self.stack.last() else { unreachable!("a generator frame's resumer holds it") };
        let held = finish(&mut g.state.lock(), &mut self.exc_info, &mut self.exc_below);
        drop(held);
        let g = g.clone();
        match stop_iteration_escaped(err, &g) {
            Ok(converted) => {
                self.link_context(&converted);
                converted
            }
            Err(err) => err,
        }
    }
}

/// The generator held by `stack[slot]`, for the loop's instructions
/// that resume one (the slot holds it for as long as they use it).
#[inline]
fn generator_at(stack: &[Value], slot: usize) -> *const Generator {
    match &stack[slot] {
        Value::Generator(g) => PyArc::as_ptr(g),
        _ => unreachable!("the loop resumes only generators"),
    }
}

/// Pushes the frame of a created or suspended generator to run it on
/// this thread: moves its values onto `stack`, then `sent` (if given) as
/// the result of the `yield` it stopped at; its handled exception becomes
/// the thread's, the resumer's waits on `exc_below`. `Ok(false)` if it
/// has finished.
#[inline(always)]
fn start(
    st: &mut GenState,
    frames: &mut Vec<Frame>,
    stack: &mut Vec<Value>,
    exc_info: &mut Value,
    exc_below: &mut Vec<Value>,
    sent: Option<Value>,
    too_deep: bool,
) -> PyResult<bool> {
    let started = st.status == GenStatus::Suspended;
    if (!started || too_deep)
        && let Some(refused) = refuse_start(st, sent.as_ref(), too_deep)
    {
        return refused;
    }
    st.status = GenStatus::Running;
    // Only a resumer handling an exception has one to keep below: the
    // common case pushes nothing.
    st.lent_exc = !exc_info.is_none();
    let own = std::mem::take(&mut st.exc_info);
    let resumers = std::mem::replace(exc_info, own);
    if st.lent_exc {
        exc_below.push(resumers);
    } else {
        resumers.release();
    }
    let base = stack.len();
    move_tail(&mut st.values, 0, stack);
    match sent {
        Some(v) if started => stack.push(v),
        Some(v) => v.release(),
        None => {}
    }
    frames.push(st.frame.take().expect("a created or suspended generator has its frame"));
    let frame = frames.last_mut().expect("just pushed");
    frame.base = base;
    frame.ret = base;
    Ok(true)
}

/// Why a generator that is not suspended at a `yield` cannot simply
/// resume: `None` if it can (it is starting). A generator resumed
/// `too_deep` is finished with RecursionError, as in CPython (whose check
/// comes once the frame is entered).
#[cold]
fn refuse_start(st: &mut GenState, sent: Option<&Value>, too_deep: bool) -> Option<PyResult<bool>> {
    match st.status {
        GenStatus::Running => return Some(Err(value_error("generator already executing"))),
        GenStatus::Finished if st.coroutine => {
            return Some(Err(super::error::runtime_error("cannot reuse already awaited coroutine")));
        }
        GenStatus::Finished => return Some(Ok(false)),
        GenStatus::Created if sent.is_some_and(|v| !v.is_none()) => {
            return Some(Err(type_error("can't send non-None value to a just-started generator")));
        }
        GenStatus::Created | GenStatus::Suspended => {}
    }
    if too_deep {
        st.status = GenStatus::Finished;
        st.frame = None;
        st.values.clear();
        return Some(Err(recursion_error()));
    }
    None
}

/// Puts the yielding frame on top of `frames` (its values on top of
/// `stack`) back into its generator, with its handled exception; the
/// resumer's is the thread's again.
#[inline(always)]
fn suspend(
    st: &mut GenState,
    frames: &mut Vec<Frame>,
    stack: &mut Vec<Value>,
    exc_info: &mut Value,
    exc_below: &mut Vec<Value>,
) {
    let base = frames.last().expect("a yielding frame").base;
    move_tail(stack, base, &mut st.values);
    std::mem::replace(&mut st.exc_info, give_back_exc(st.lent_exc, exc_info, exc_below)).release();
    st.frame = frames.pop();
    st.status = GenStatus::Suspended;
}

/// The thread's handled exception, replaced by the resumer's (which
/// `start` kept on `exc_below` if it was one).
#[inline(always)]
fn give_back_exc(lent: bool, exc_info: &mut Value, exc_below: &mut Vec<Value>) -> Value {
    let resumers = if lent { exc_below.pop().unwrap_or_default() } else { Value::None };
    std::mem::replace(exc_info, resumers)
}

/// Moves `from[at..]` to the end of `to`: a generator's few values go
/// on and off the value stack at every step, and a `drain` or a `memcpy`
/// call costs several times these plain copies.
#[inline(always)]
fn move_tail(from: &mut Vec<Value>, at: usize, to: &mut Vec<Value>) {
    let n = from.len() - at;
    to.reserve(n);
    // SAFETY: `to` has room for `n` more values (reserved above); the `n`
    // values at `from[at..]` are copied bitwise into it (up to four as two
    // overlapping pairs, the same bits written twice when n < 4), and
    // `from` then forgets them, so each is owned exactly once, by `to`.
    unsafe {
        let src = from.as_ptr().add(at);
        let dst = to.as_mut_ptr().add(to.len());
        match n {
            0 => {}
            1 => std::ptr::copy_nonoverlapping(src, dst, 1),
            2..=4 => {
                std::ptr::copy_nonoverlapping(src, dst, 2);
                std::ptr::copy_nonoverlapping(src.add(n - 2), dst.add(n - 2), 2);
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
        from.set_len(at);
        to.set_len(to.len() + n);
    }
}

/// Marks a running generator finished and gives the resumer its handled
/// exception back. Returns the generator's own, to be dropped once the
/// lock is released.
fn finish(st: &mut GenState, exc_info: &mut Value, exc_below: &mut Vec<Value>) -> Value {
    st.status = GenStatus::Finished;
    give_back_exc(st.lent_exc, exc_info, exc_below)
}

/// PEP 479: a StopIteration leaving a generator `g` becomes a RuntimeError
/// caused by it (`Ok`), as does a StopAsyncIteration leaving an async
/// generator (PEP 525); any other error is left alone (`Err`).
fn stop_iteration_escaped(e: PyErr, g: &Generator) -> Result<PyErr, PyErr> {
    let what = match (g.is_coroutine, g.is_async_gen) {
        (true, _) => "coroutine",
        (_, true) => "async generator",
        _ => "generator",
    };
    let re = if e.is(&types().exc.stop_iteration) {
        runtime_error(format!("{what} raised StopIteration"))
    } else if g.is_async_gen && e.is(&types().exc.stop_async_iteration) {
        runtime_error("async generator raised StopAsyncIteration")
    } else {
        return Err(e);
    };
    if let Some(d) = re.0.exc() {
        d.lock().cause = e.value();
    }
    Ok(re)
}
