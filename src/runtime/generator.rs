//! Generator objects: a suspended frame and its state.
//!
//! The generator owns its frame between resumptions; `vm/resume.rs` moves
//! it onto the thread's frame stack to run, and back when it yields. All
//! of a generator's state sits behind one lock, taken once to resume and
//! once to suspend, and held only while the frame moves: the `Running`
//! status, not the lock, keeps a second resumer out ("generator already
//! executing"), in both GIL modes.
//!
//! A generator also keeps the exception it was handling when it yielded,
//! so `sys.exc_info()` is right inside it.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::AtomicU8;

use super::str::PyStr;
use super::sync::PyLock;
use super::value::Value;
use crate::vm::frame::Frame;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenStatus {
    /// Not started: nothing may be sent into it but None.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is on some thread's frame stack.
    Running,
    Finished,
}

pub struct GenState {
    pub status: GenStatus,
    /// The frame, while the generator is created or suspended.
    pub frame: Option<Frame>,
    /// The frame's locals and operand stack while it is off the thread's
    /// value stack; an empty buffer, its capacity kept, while it runs.
    pub values: Vec<Value>,
    /// The exception the generator was handling when it yielded (None
    /// while it runs: the thread holds it then).
    pub exc_info: Value,
    /// While it runs: whether its resumer was handling an exception,
    /// kept on the thread's `exc_below` until it stops.
    pub lent_exc: bool,
    /// It was freed once and revived to be closed (`finalize.rs`): the
    /// next time it is freed, it is just freed.
    pub finalized: bool,
    /// Made by an `async def`: resuming it once finished is an error.
    pub coroutine: bool,
}

pub struct Generator {
    pub state: PyLock<GenState>,
    pub name: PyArc<PyStr>,
    pub qualname: PyArc<PyStr>,
    /// Its code (`gi_code`, `cr_code`, `ag_code`), kept once it finishes.
    pub code: PyArc<crate::bytecode::Code>,
    /// Made by an `async def` (type `coroutine`).
    pub is_coroutine: bool,
    /// Made by an `async def` with `yield` (type `async_generator`): only
    /// `_asyncgen`'s awaitables resume it.
    pub is_async_gen: bool,
    /// `async_flags` bits, kept by `_asyncgen`'s awaitables.
    pub async_flags: AtomicU8,
}

/// The state of an async generator its awaitables share (CPython's
/// `ag_running_async` and `ag_closed`).
pub mod async_flags {
    /// An `asend`/`athrow` awaitable of it is being awaited.
    pub const RUNNING: u8 = 1;
    /// It was closed or finished by an exception: `athrow` finds nothing to do.
    pub const CLOSED: u8 = 2;
}

impl Drop for Generator {
    fn drop(&mut self) {
        let st = self.state.get_mut();
        // Suspended inside a `try` or `with`: it must be closed, which
        // runs Python code, so its state moves to a new generator queued
        // for that on this thread (CPython closes a generator it frees).
        // Elsewhere, closing it would run nothing: it is just freed.
        // An async generator's `finally` would need an event loop to run
        // in (CPython's `sys.set_asyncgen_hooks`): pyl just frees it.
        if st.status == GenStatus::Suspended
            && !self.is_async_gen
            && !st.finalized
            && st.frame.as_ref().is_some_and(|f| f.code().handler_for(f.pc).is_some())
            && crate::vm::finalize::can_defer()
        {
            let revived = GenState {
                status: GenStatus::Suspended,
                frame: st.frame.take(),
                values: std::mem::take(&mut st.values),
                exc_info: std::mem::take(&mut st.exc_info),
                lent_exc: st.lent_exc,
                finalized: true,
                coroutine: st.coroutine,
            };
            crate::vm::finalize::defer_generator(PyArc::new(Generator {
                state: PyLock::new(revived),
                name: self.name.clone(),
                qualname: self.qualname.clone(),
                code: self.code.clone(),
                is_coroutine: self.is_coroutine,
                is_async_gen: false,
                async_flags: AtomicU8::new(0),
            }));
            return;
        }
        if st.status == GenStatus::Created && self.is_coroutine && crate::vm::finalize::can_defer() {
            crate::vm::finalize::defer_unawaited(self.qualname.clone());
        }
        let exc = std::mem::take(&mut st.exc_info);
        let values = std::mem::take(&mut st.values);
        let frame_values = st.frame.take().into_iter().flat_map(|f| {
            let cells = f.cells.into_iter().map(Value::Cell);
            let locals = f.locals.map(Value::Dict);
            [Value::Function(f.func)].into_iter().chain(cells).chain(locals).chain(f.init_self)
        });
        super::drop::release(std::iter::once(exc).chain(values).chain(frame_values));
    }
}

impl Generator {
    /// A generator over a frame that has not started, whose locals (its
    /// bound arguments) are `values`.
    pub fn new(frame: Frame, values: Vec<Value>) -> Generator {
        let name = frame.code().name.clone();
        let qualname = frame.code().qualname.clone();
        let code = frame.code().clone();
        let is_coroutine = frame.code().flags & crate::bytecode::code::flags::COROUTINE != 0;
        let is_async_gen = frame.code().flags & crate::bytecode::code::flags::ASYNC_GENERATOR != 0;
        Generator {
            state: PyLock::new(GenState {
                status: GenStatus::Created,
                frame: Some(frame),
                values,
                exc_info: Value::None,
                lent_exc: false,
                finalized: false,
                coroutine: is_coroutine,
            }),
            name,
            qualname,
            code,
            is_coroutine,
            is_async_gen,
            async_flags: AtomicU8::new(0),
        }
    }

    pub fn status(&self) -> GenStatus {
        self.state.lock().status
    }

    pub fn is_finished(&self) -> bool {
        self.status() == GenStatus::Finished
    }

    pub fn is_running(&self) -> bool {
        self.status() == GenStatus::Running
    }

    /// Finishes a generator that has not started (`close()` on it): its
    /// frame and arguments are dropped without running. False if it has
    /// started (or is running or finished).
    pub fn close_unstarted(&self) -> bool {
        let (frame, values) = {
            let mut st = self.state.lock();
            if st.status != GenStatus::Created {
                return false;
            }
            st.status = GenStatus::Finished;
            (st.frame.take(), std::mem::take(&mut st.values))
        };
        // Dropped outside the lock: freeing values may free other
        // generators, which take their own locks.
        drop((frame, values));
        true
    }

    /// The line a suspended generator will resume at (for repr/debugging).
    pub fn code_name(&self) -> String {
        self.qualname.as_str().to_string()
    }
}
