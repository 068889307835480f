//! `_warnings`: what the `warnings` module (pyl source) cannot see from
//! Python, since pyl has no frame objects: where the code that warns was
//! called from.
//!
//! `_caller(level)` returns `(filename, lineno, module_globals)` of the
//! Python frame `level` calls up from the one calling `_caller` (1: that
//! frame's caller), or `None` when the stack is not that deep — CPython's
//! `warn` then reports `sys` at line 1, which the pyl side does.

use crate::runtime::pyarc::PyArc;

use crate::Value;
use crate::runtime::args::to_index;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::vm::{PyResult, Vm};

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_warnings");
    let functions: Vec<(&'static str, NativeFn)> = vec![("_caller", caller)];
    m.set_functions(&functions);
    Ok(PyArc::new(m))
}

/// `warnings.warn(message, DeprecationWarning)` on behalf of a Rust
/// function: the warning is attributed to the Python code that called it
/// (stacklevel 1, since a Rust call adds no frame).
pub fn deprecated(vm: &mut Vm, message: &str) -> PyResult<()> {
    let warn = vm.import_module("warnings")?.get("warn");
    if let Some(warn) = warn {
        let category = Value::Class(crate::runtime::types::types().exc.deprecation_warning.clone());
        vm.call(&warn, &[Value::str(message), category, Value::Int(1)])?;
    }
    Ok(())
}

fn caller(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("_caller", 1, args.pos.len())?;
    let level = to_index(vm, &args.pos[0])?;
    // The last frame is the one that called `_caller`.
    let Ok(level) = usize::try_from(level) else {
        return Ok(Value::None);
    };
    let Some(index) = vm.frames.len().checked_sub(1 + level) else {
        return Ok(Value::None);
    };
    let f = &vm.frames[index];
    let code = f.code();
    let line = code.line_at(f.pc.saturating_sub(1));
    Ok(Value::tuple(vec![
        Value::str(code.source.filename.clone()),
        Value::Int(line as i64),
        Value::Dict(f.globals().clone()),
    ]))
}
