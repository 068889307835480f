//! `super()` objects: attribute lookup that starts after a class in the
//! MRO of an object's type (the lookup itself is in vm/attr.rs).

use crate::runtime::pyarc::PyArc;
use std::any::Any;

use super::class::Class;
use super::types::types;
use super::value::{NativeObject, Value};

pub struct Super {
    /// The class whose successors are searched.
    pub cls: PyArc<Class>,
    /// The instance (or class) the lookup binds to.
    pub obj: Value,
}

impl NativeObject for Super {
    fn class(&self) -> PyArc<Class> {
        types().super_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        Some(format!("<super: <class '{}'>, <{} object>>", self.cls.name.as_str(), self.obj.type_name()))
    }
}
