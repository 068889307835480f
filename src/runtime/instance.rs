//! Instances of user classes (and of exception classes, and of subclasses
//! of builtin value types such as `class MyList(list)`, which carry the
//! builtin value they extend).

use std::sync::Arc;

use parking_lot::Mutex;

use super::class::Class;
use super::dict::PyDict;
use super::exception::ExcData;

pub struct Instance {
    class: Arc<Class>,
    pub dict: Arc<PyDict>,
    pub payload: Payload,
}

/// What an instance carries beyond its attributes.
pub enum Payload {
    None,
    Exception(Mutex<ExcData>),
    /// An instance of a user subclass of a builtin value type (list, dict,
    /// str, int...) carries the value it extends: the builtin methods work
    /// on it (`runtime::subclass`).
    Value(super::value::Value),
}

impl Drop for Instance {
    fn drop(&mut self) {
        // The attribute dict frees its entries through `drop::release`
        // itself; the payload is the other way down a chain of objects.
        match std::mem::replace(&mut self.payload, Payload::None) {
            Payload::Value(v) => super::drop::release([v]),
            Payload::Exception(data) => {
                let d = data.into_inner();
                super::drop::release([d.args, d.cause, d.context, d.tb_object]);
            }
            Payload::None => {}
        }
    }
}

impl Instance {
    pub fn new(class: Arc<Class>) -> Instance {
        Instance { dict: Arc::new(PyDict::with_capacity(class.attr_hint())), class, payload: Payload::None }
    }

    pub fn new_exception(class: Arc<Class>, data: ExcData) -> Instance {
        Instance { class, dict: Arc::new(PyDict::new()), payload: Payload::Exception(Mutex::new(data)) }
    }

    /// An instance of a subclass of a builtin value type.
    pub fn with_value(class: Arc<Class>, value: super::value::Value) -> Instance {
        Instance { class, dict: Arc::new(PyDict::new()), payload: Payload::Value(value) }
    }

    /// The builtin value an instance of a subclass of a builtin type carries.
    pub fn base_value(&self) -> Option<&super::value::Value> {
        match &self.payload {
            Payload::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn class(&self) -> Arc<Class> {
        self.class.clone()
    }

    pub fn class_ref(&self) -> &Arc<Class> {
        &self.class
    }

    pub fn exc(&self) -> Option<&Mutex<ExcData>> {
        match &self.payload {
            Payload::Exception(d) => Some(d),
            Payload::None | Payload::Value(_) => None,
        }
    }
}
