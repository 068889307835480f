//! Callables: Python functions, Rust builtins, bound methods, closure
//! cells, and the descriptor wrappers `property`, `staticmethod` and
//! `classmethod`.

use crate::runtime::pyarc::PyArc;

use parking_lot::Mutex;

use super::dict::PyDict;
use super::str::PyStr;
use super::value::Value;
use crate::bytecode::Code;
use crate::vm::{PyResult, Vm};

/// A function defined in Python.
pub struct Function {
    pub code: PyArc<Code>,
    pub globals: PyArc<PyDict>,
    pub name: Mutex<PyArc<PyStr>>,
    pub qualname: Mutex<PyArc<PyStr>>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Vec<(PyArc<PyStr>, Value)>,
    pub closure: Box<[PyArc<Cell>]>,
    pub doc: Mutex<Value>,
    pub module: Value,
    /// `f.attr = ...` lands here (created on first use).
    pub dict: Mutex<Option<PyArc<PyDict>>>,
}

impl Drop for Function {
    fn drop(&mut self) {
        let defaults = std::mem::take(&mut self.defaults);
        let kwdefaults = std::mem::take(&mut self.kwdefaults).into_iter().map(|(_, v)| v);
        let closure = std::mem::take(&mut self.closure).into_vec().into_iter().map(Value::Cell);
        let dict = self.dict.get_mut().take().map(Value::Dict);
        super::drop::release(defaults.into_iter().chain(kwdefaults).chain(closure).chain(dict));
    }
}

impl Function {
    /// A function running `code` in `globals` (the name and doc come from
    /// the code object; module and class bodies get one too).
    pub fn new(code: PyArc<Code>, globals: PyArc<PyDict>, closure: Box<[PyArc<Cell>]>) -> Function {
        let module = globals.get_item_str("__name__").unwrap_or(Value::None);
        Function {
            name: Mutex::new(code.name.clone()),
            qualname: Mutex::new(code.qualname.clone()),
            doc: Mutex::new(code.doc.clone()),
            code,
            globals,
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
            closure,
            module,
            dict: Mutex::new(None),
        }
    }

    pub fn name(&self) -> PyArc<PyStr> {
        self.name.lock().clone()
    }

    pub fn qualname(&self) -> PyArc<PyStr> {
        self.qualname.lock().clone()
    }

    pub fn attrs(&self) -> PyArc<PyDict> {
        self.dict
            .lock()
            .get_or_insert_with(|| {
                // `f.cache = {...: f}` is a cycle through this dict.
                let d = PyArc::new(PyDict::new());
                crate::vm::gc::track_dict(&d);
                d
            })
            .clone()
    }
}

/// Arguments handed to a Rust builtin: positional ones (for a method,
/// `self` first) and keyword ones in call order.
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(PyArc<PyStr>, Value)],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    pub fn kwarg(&self, name: &str) -> Option<&Value> {
        self.kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v)
    }
}

pub type NativeFn = fn(&mut Vm, &Args) -> PyResult<Value>;

/// A function implemented in Rust.
pub struct Builtin {
    pub name: &'static str,
    /// The type it is a method of (`"list"` for `list.append`), if any.
    pub owner: Option<&'static str>,
    /// The Rust module it was put in (`"time"` for `time.sleep`), if any:
    /// its docstring is found by module and name.
    pub module: Option<&'static str>,
    pub func: NativeFn,
}

impl Builtin {
    pub fn new(name: &'static str, func: NativeFn) -> Builtin {
        Builtin { name, owner: None, module: None, func }
    }

    /// CPython's docstring and text signature of this function, if it
    /// has them (see `modules::builtins::docs`).
    pub fn doc(&self) -> Option<crate::modules::builtins::docs::Doc> {
        use crate::modules::builtins::docs;
        match (self.owner, self.module) {
            (Some(owner), _) => docs::method(owner, self.name),
            (None, Some(module)) => docs::function(module, self.name),
            (None, None) => None,
        }
    }

    pub fn qualname(&self) -> String {
        match self.owner {
            Some(o) => format!("{o}.{}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// `obj.method` looked up and not called at once.
pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}

/// A closure cell; `Value::Undef` while empty.
#[derive(Default)]
pub struct Cell {
    pub value: super::sync::PyLock<Value>,
}

impl Drop for Cell {
    fn drop(&mut self) {
        super::drop::release([std::mem::take(self.value.get_mut())]);
    }
}

impl Drop for BoundMethod {
    fn drop(&mut self) {
        super::drop::release([std::mem::take(&mut self.receiver), std::mem::take(&mut self.func)]);
    }
}

impl Cell {
    pub fn new(v: Value) -> Cell {
        Cell { value: super::sync::PyLock::new(v) }
    }

    pub fn get(&self) -> Value {
        self.value.lock().clone()
    }

    pub fn set(&self, v: Value) {
        *self.value.lock() = v;
    }
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// The function inside a `staticmethod` or `classmethod`.
pub struct WrappedMethod {
    pub func: Value,
}
