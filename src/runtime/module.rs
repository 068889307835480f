//! Module objects: a name and a namespace dict.

use crate::runtime::pyarc::PyArc;

use super::class::Class;
use super::dict::PyDict;
use super::function::Args;
use super::str::PyStr;
use super::value::Value;
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

pub struct Module {
    pub name: PyArc<PyStr>,
    pub dict: PyArc<PyDict>,
}

impl Module {
    /// Adds Rust functions under their names (a builtin module's table).
    pub fn set_functions(&self, functions: &[(&'static str, super::function::NativeFn)]) {
        let module = crate::modules::builtins::docs::static_module_name(self.name.as_str());
        for &(name, f) in functions {
            let b = super::function::Builtin { module: Some(module), ..super::function::Builtin::new(name, f) };
            self.set(name, Value::Builtin(PyArc::new(b)));
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

/// `types.ModuleType(name, doc=None)`: a new, empty module (CPython's
/// argument checks and messages).
pub fn module_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("module", &["name", "doc"])?;
    let given = args.pos.len() + args.kw.len();
    if given > 2 {
        return Err(type_error(format!("module() takes at most 2 arguments ({given} given)")));
    }
    let name = match args.get(0, "name") {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!("module() argument 'name' must be str, not {}", other.type_name())));
        }
        None => return Err(type_error("module() missing required argument 'name' (pos 1)")),
    };
    let m = Module::new(name.as_str());
    m.set("__package__", Value::None);
    m.set("__loader__", Value::None);
    m.set("__spec__", Value::None);
    if let Some(doc) = args.get(1, "doc") {
        m.set("__doc__", doc.clone());
    }
    Ok(Value::Module(PyArc::new(m)))
}
