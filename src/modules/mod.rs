//! Modules written in Rust, registered in one table.
//!
//! `builtins` and `sys` exist from the start; the others are created on
//! first import by their init function. `threading` and `queue` are pyl
//! source compiled into the binary (`frozen_source`).

pub mod builtins;
pub mod cmath;
pub mod cmath_float;
pub mod frozen;
pub mod gc;
pub mod math;
pub mod math_float;
pub mod mp_child;
pub mod mp_codec;
pub mod mp_native;
pub mod mp_shared;
pub mod mt19937;
pub mod os;
pub mod os_path;
pub mod random;
pub mod re_engine;
pub mod re_escape;
pub mod re_parse;
pub mod signal;
pub mod struct_float;
pub mod subprocess;
pub mod sys;
pub mod test_hooks;
pub mod thread;
pub mod thread_condition;
pub mod time;
pub mod warnings_native;
pub mod weakref_native;

use crate::runtime::pyarc::PyArc;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::runtime::class::{Class, ClassKind};
use crate::runtime::module::Module;
use crate::runtime::types::types;
use crate::vm::{PyResult, Vm};

/// Creates a module the first time it is imported.
pub type ModuleInit = fn(&mut Vm) -> PyResult<PyArc<Module>>;

/// The importable Rust modules, by name.
pub fn native_modules() -> HashMap<&'static str, ModuleInit> {
    let table: &[(&'static str, ModuleInit)] = &[
        ("gc", gc::init),
        ("math", math::init),
        ("cmath", cmath::init),
        ("os", os::init),
        ("os.path", os::init_path),
        ("random", random::init),
        ("_re", re_engine::init),
        ("signal", signal::init),
        ("time", time::init),
        ("_thread", thread::init),
        ("_multiprocessing", mp_native::init),
        ("_subprocess", subprocess::init),
        ("_warnings", warnings_native::init),
        ("_weakref", weakref_native::init),
        ("_asyncgen_native", crate::runtime::async_gen::init_native),
        ("_struct_float", struct_float::init),
    ];
    let mut modules: HashMap<_, _> = table.iter().copied().collect();
    if std::env::var_os(test_hooks::ENABLE).is_some() {
        modules.insert("_pyl_test", test_hooks::init as ModuleInit);
    }
    modules
}

/// The names `frozen_source` knows.
pub fn frozen_names() -> Vec<&'static str> {
    frozen::FROZEN.iter().map(|m| m.name).collect()
}

/// Modules written in pyl itself, compiled into the binary (see `frozen`).
pub fn frozen_source(name: &str) -> Option<&'static frozen::Frozen> {
    frozen::FROZEN.iter().find(|m| m.name == name)
}

/// `io.UnsupportedOperation` (an OSError and a ValueError).
pub fn io_unsupported() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let t = &types().exc;
            Class::builtin(
                "UnsupportedOperation",
                vec![t.os_error.clone(), t.value_error.clone()],
                ClassKind::Exception,
                None,
                &[],
                "UnsupportedOperation",
            )
        })
        .clone()
}
