//! `throw()` and `close()` of a generator suspended in `yield from`: they
//! go to what it delegates to first (PEP 380), as CPython's `gen_throw`
//! and `gen_close` do.
//!
//! - `throw(exc)`: a delegate generator has `exc` thrown into it (and so
//!   on down a chain of them); any other delegate has its `throw` method
//!   called, if it has one. If the delegate yields, that is what `throw`
//!   returns and the outer generator stays where it was; if it returns,
//!   the `yield from` evaluates to its value and the outer generator runs
//!   on; if it raises, the exception is raised at the `yield from`.
//! - `close()` and `throw(GeneratorExit)`: the delegate is closed first
//!   (its `close` method, for a non-generator); an error from that is
//!   raised at the `yield from` instead of GeneratorExit.
//!
//! A generator is suspended in `yield from` when the instruction it will
//! resume at is the `Jump` back to a `Send` (the compiler's shape of
//! `yield from`, `compiler/expr.rs`); the delegate is then on top of its
//! saved operand stack.

use crate::runtime::pyarc::PyArc;

use super::error::{PyResult, runtime_error, stop_value};
use super::frame::Frame;
use super::{PyErr, Vm};
use crate::bytecode::Op;
use crate::runtime::generator::{GenStatus, Generator};
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// Where a frame suspended in `yield from` goes on once its delegate has
/// finished (the instruction after the `Send` loop); None if it is not
/// suspended in one.
fn after_yield_from(frame: &Frame) -> Option<usize> {
    let ops = &frame.code().ops;
    match ops.get(frame.pc) {
        Some(Op::Jump(t)) => match ops.get(*t as usize) {
            Some(Op::Send(after)) => Some(*after as usize),
            _ => None,
        },
        _ => None,
    }
}

/// What `g` delegates to, if it is suspended in `yield from` (or an
/// `await`: `cr_await`, and how `_asyncgen` tells an await's yield from
/// an async generator's own).
pub(crate) fn delegate_of(g: &Generator) -> Option<Value> {
    let st = g.state.lock();
    if st.status != GenStatus::Suspended {
        return None;
    }
    after_yield_from(st.frame.as_ref()?)?;
    st.values.last().cloned()
}

/// The delegate finished with a value: `g` leaves its `yield from` (the
/// delegate off its stack, resuming after the loop), to be resumed with
/// that value as the result.
fn leave_yield_from(g: &Generator) {
    let delegate = {
        let mut st = g.state.lock();
        let Some(frame) = st.frame.as_mut() else { return };
        let Some(after) = after_yield_from(frame) else { return };
        frame.pc = after;
        st.values.pop()
    };
    // Dropped outside the lock: it may free other generators.
    drop(delegate);
}

impl Vm {
    /// `g.throw(...)`: `err` is the exception made of `raw`, the
    /// arguments as given (a non-generator delegate's `throw` gets those).
    pub(crate) fn throw_into(
        &mut self,
        g: &PyArc<Generator>,
        err: PyErr,
        raw: &[Value],
    ) -> PyResult<Result<Value, Value>> {
        let Some(delegate) = delegate_of(g) else {
            return self.throw_generator(g, err);
        };
        if err.is(&types().exc.generator_exit) {
            return match self.close_delegate(&delegate) {
                Ok(()) => self.throw_generator(g, err),
                Err(e) => self.throw_generator(g, e),
            };
        }
        let thrown = match &delegate {
            Value::Generator(inner) => self.throw_into(inner, err, raw),
            _ => match self.get_attr_or_none(&delegate, &PyArc::new(PyStr::new("throw".into())))? {
                None => return self.throw_generator(g, err),
                Some(method) => match self.call(&method, raw) {
                    Ok(v) => Ok(Ok(v)),
                    Err(e) if e.is(&types().exc.stop_iteration) => Ok(Err(stop_value(&e))),
                    Err(e) => Err(e),
                },
            },
        };
        match thrown {
            Ok(Ok(yielded)) => Ok(Ok(yielded)),
            Ok(Err(result)) => {
                leave_yield_from(g);
                self.resume_generator(g, result)
            }
            Err(e) => self.throw_generator(g, e),
        }
    }

    /// `g.close()`.
    pub(crate) fn close_generator(&mut self, g: &PyArc<Generator>) -> PyResult<()> {
        if g.is_finished() || g.close_unstarted() {
            return Ok(());
        }
        let exit = PyErr::with_args(&types().exc.generator_exit, vec![]);
        match self.throw_into(g, exit, &[]) {
            Ok(Ok(_)) => Err(runtime_error("generator ignored GeneratorExit")),
            Ok(Err(_)) => Ok(()),
            Err(e) if e.is(&types().exc.generator_exit) || e.is(&types().exc.stop_iteration) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Closes what a generator delegates to: a generator as `close()`
    /// does, anything else by its `close` method if it has one.
    fn close_delegate(&mut self, delegate: &Value) -> PyResult<()> {
        match delegate {
            Value::Generator(inner) => self.close_generator(inner),
            _ => {
                if let Some(close) = self.get_attr_or_none(delegate, &PyArc::new(PyStr::new("close".into())))? {
                    self.call(&close, &[])?;
                }
                Ok(())
            }
        }
    }
}
