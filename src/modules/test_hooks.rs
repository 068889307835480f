//! `_pyl_test`: ways to make pyl fail on purpose, for its own tests. The
//! module exists only when the environment variable `PYL_TEST_HOOKS` is
//! set, so no ordinary program can import it.
//!
//! - `panic()` panics in the calling thread (the main thread or a Python
//!   thread), as a bug in pyl would;
//! - `panic_at_exit()` makes the interpreter panic in its exit steps,
//!   after the program has finished.
//!
//! `tests/internal_error.rs` checks that each ends in the one-line
//! internal error report and exit status 70.

use crate::runtime::pyarc::PyArc;

use crate::Value;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::vm::{PyResult, Vm};

/// The environment variable that makes `_pyl_test` importable.
pub const ENABLE: &str = "PYL_TEST_HOOKS";

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_pyl_test");
    let functions: Vec<(&'static str, NativeFn)> = vec![("panic", panic_now), ("panic_at_exit", panic_at_exit)];
    m.set_functions(&functions);
    Ok(PyArc::new(m))
}

fn panic_now(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    panic!("_pyl_test.panic() was called");
}

fn panic_at_exit(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    vm.shared.exit_hooks.lock().push(Box::new(|| panic!("_pyl_test.panic_at_exit() was called")));
    Ok(Value::None)
}
