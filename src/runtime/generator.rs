//! Generator objects: a suspended frame and its state.
//!
//! The generator owns its frame between resumptions; `Vm::resume_generator`
//! (vm/call.rs) moves it onto the thread's frame stack to run, and back
//! when it yields. A generator also keeps the exception it was handling
//! when it yielded, so `sys.exc_info()` is right inside it.

use std::sync::Arc;

use parking_lot::Mutex;

use super::str::PyStr;
use super::value::Value;
use crate::vm::frame::Detached;

pub enum GenState {
    /// Waiting to run; the flag says whether it has started.
    Suspended(Box<Detached>, bool),
    Running,
    Finished,
}

pub struct Generator {
    pub state: Mutex<GenState>,
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    exc_info: Mutex<Value>,
}

impl Drop for Generator {
    fn drop(&mut self) {
        let exc = std::mem::take(self.exc_info.get_mut());
        let frame = match std::mem::replace(self.state.get_mut(), GenState::Finished) {
            GenState::Suspended(d, _) => Some(d),
            _ => None,
        };
        let frame_values = frame.into_iter().flat_map(|d| {
            let d = *d;
            let f = d.frame;
            let cells = f.cells.into_iter().map(Value::Cell);
            let locals = f.locals.map(Value::Dict);
            d.values.into_iter().chain([Value::Function(f.func)]).chain(cells).chain(locals).chain(f.init_self)
        });
        super::drop::release(std::iter::once(exc).chain(frame_values));
    }
}

impl Generator {
    pub fn from_parts(frame: Box<Detached>, name: Arc<PyStr>, qualname: Arc<PyStr>) -> Generator {
        Generator {
            state: Mutex::new(GenState::Suspended(frame, false)),
            name,
            qualname,
            exc_info: Mutex::new(Value::None),
        }
    }

    pub fn take_exc_info(&self) -> Value {
        std::mem::replace(&mut *self.exc_info.lock(), Value::None)
    }

    pub fn set_exc_info(&self, v: Value) {
        *self.exc_info.lock() = v;
    }

    pub fn is_finished(&self) -> bool {
        matches!(*self.state.lock(), GenState::Finished)
    }

    pub fn is_running(&self) -> bool {
        matches!(*self.state.lock(), GenState::Running)
    }

    /// The line a suspended generator will resume at (for repr/debugging).
    pub fn code_name(&self) -> String {
        self.qualname.as_str().to_string()
    }
}
