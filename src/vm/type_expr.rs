//! Type expressions in annotations: `list[int]` and `int | None` build
//! `types.GenericAlias` and `types.UnionType` objects, written in pyl in
//! the `types` module (imported on first use), as CPython 3.11 builds
//! them in C.

use super::{PyResult, Vm};
use crate::runtime::value::Value;

impl Vm {
    /// `cls[args]` for a builtin class: `types.GenericAlias(cls, args)`.
    pub(crate) fn generic_alias(&mut self, cls: &Value, args: &Value) -> PyResult<Value> {
        self.call_types("GenericAlias", &[cls.clone(), args.clone()])
    }

    /// `a | b` where both are classes or None: a `types.UnionType`, or
    /// None when that is not a type expression (`None | None`).
    pub(crate) fn type_union(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let is_type = |v: &Value| matches!(v, Value::Class(_) | Value::None);
        if !is_type(a) || !is_type(b) || (a.is_none() && b.is_none()) {
            return Ok(None);
        }
        match self.call_types("_union", &[a.clone(), b.clone()])? {
            Value::NotImplemented => Ok(None),
            v => Ok(Some(v)),
        }
    }

    fn call_types(&mut self, name: &str, args: &[Value]) -> PyResult<Value> {
        let module = self.import_module("types")?;
        let f = module.get(name).ok_or_else(|| super::error::runtime_error(format!("types.{name} is missing")))?;
        self.call(&f, args)
    }
}
