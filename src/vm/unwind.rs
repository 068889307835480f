//! Unwinding: what raising an exception does to the frame stack.
//!
//! An error raised in a frame looks for the handler of the faulting
//! instruction in its code's exception table (`bytecode/exception_table.rs`);
//! a frame without one is popped and the error goes on in the
//! frame below, each frame adding one traceback entry, until a handler
//! takes it or it leaves the loop's boundary frame (to the Rust caller of
//! the loop). A generator frame resumed by the loop finishes its
//! generator on the way out (`resume.rs`).

use crate::runtime::pyarc::PyArc;

use super::frame::FrameKind;
use super::{PyErr, Vm};
use crate::runtime::exception::TraceEntry;
use crate::runtime::value::Value;

/// Why an error is being unwound.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// Raised here: add a traceback entry and link the handled exception.
    Raised,
    /// Re-raised: the traceback already has this frame.
    Reraised,
}

impl Vm {
    /// Sets `err.__context__` to the exception being handled, as raising
    /// inside an `except` block does.
    pub(crate) fn link_context(&self, err: &PyErr) {
        let handled_value = self.handled_exception();
        let Value::Instance(handled) = handled_value else {
            return;
        };
        if PyArc::ptr_eq(handled, &err.0) {
            return;
        }
        // Break a cycle: if `err` is already in the context chain of the
        // handled exception, cut the chain there.
        let mut cur = handled.clone();
        while let Some(d) = cur.exc() {
            let next = d.lock().context.clone();
            match next {
                Value::Instance(n) if PyArc::ptr_eq(&n, &err.0) => {
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
            d.lock().context = handled_value.clone();
        }
    }

    /// Finds a handler for `err`, popping frames without one. Returns the
    /// error if it leaves the boundary frame.
    pub(super) fn unwind(&mut self, mut err: PyErr, origin: Origin) -> Result<(), PyErr> {
        let mut add_tb = origin == Origin::Raised;
        if add_tb && err.0.exc().is_some_and(|d| d.lock().traceback.is_empty()) {
            self.link_context(&err);
        }
        loop {
            let frame = self.frames.last_mut().expect("unwinding needs a frame");
            if add_tb && !frame.code().source.hidden {
                err.add_traceback(TraceEntry { code: frame.code().clone(), pc: frame.pc.saturating_sub(1) });
            }
            if let Some(h) = frame.code().handler_for(frame.pc) {
                let keep = frame.stack_base() + h.depth as usize;
                // The compiler's depth is what the stack holds under the
                // handled statement at least (`compiler/handlers.rs`).
                debug_assert!(self.stack.len() >= keep, "handler depth above the stack");
                frame.pc = h.target as usize;
                self.stack.truncate(keep);
                self.stack.push(err.value());
                return Ok(());
            }
            let frame = self.frames.pop().expect("unwinding needs a frame");
            match frame.kind {
                FrameKind::Call => self.stack.truncate(frame.ret),
                FrameKind::Boundary => {
                    self.stack.truncate(frame.ret);
                    return Err(err);
                }
                FrameKind::Generator => err = self.fail_generator_frame(frame, err),
            }
            add_tb = true;
        }
    }
}
