//! Interned names the runtime looks up often (`__init__`...), hashed once.

use std::sync::{Arc, OnceLock};

use super::str::PyStr;

pub struct Names {
    pub init: Arc<PyStr>,
    pub new: Arc<PyStr>,
}

pub fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let n = |s: &str| {
            let p = Arc::new(PyStr::new(s.to_string()));
            p.hash();
            p
        };
        Names { init: n("__init__"), new: n("__new__") }
    })
}
