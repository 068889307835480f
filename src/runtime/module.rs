//! Module objects: a name and a namespace dict.

use crate::runtime::pyarc::PyArc;

use super::dict::PyDict;
use super::str::PyStr;
use super::value::Value;

pub struct Module {
    pub name: PyArc<PyStr>,
    pub dict: PyArc<PyDict>,
}

impl Module {
    /// Adds Rust functions under their names (a builtin module's table).
    pub fn set_functions(&self, functions: &[(&'static str, super::function::NativeFn)]) {
        for &(name, f) in functions {
            self.set(name, Value::Builtin(PyArc::new(super::function::Builtin::new(name, f))));
        }
    }

    pub fn new(name: &str) -> Module {
        let dict = PyArc::new(PyDict::new());
        dict.set_item_str("__name__", Value::str(name));
        dict.set_item_str("__doc__", Value::None);
        Module { name: PyArc::new(PyStr::new(name.to_string())), dict }
    }

    pub fn with_dict(name: &str, dict: PyArc<PyDict>) -> Module {
        Module { name: PyArc::new(PyStr::new(name.to_string())), dict }
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.get_item_str(name)
    }

    pub fn set(&self, name: &str, value: Value) {
        self.dict.set_item_str(name, value);
    }
}
