//! Interned names the runtime looks up often (`__init__`...), hashed once.

use crate::runtime::pyarc::PyArc;
use std::sync::OnceLock;

use super::str::PyStr;

pub struct Names {
    pub init: PyArc<PyStr>,
    pub new: PyArc<PyStr>,
}

pub fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let n = |s: &str| {
            let p = PyArc::new(PyStr::new(s.to_string()));
            p.hash();
            p
        };
        Names { init: n("__init__"), new: n("__new__") }
    })
}
