//! Instances of user classes (and of exception classes).

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
}

impl Instance {
    pub fn new(class: Arc<Class>) -> Instance {
        Instance { dict: Arc::new(PyDict::with_capacity(class.attr_hint())), class, payload: Payload::None }
    }

    pub fn new_exception(class: Arc<Class>, data: ExcData) -> Instance {
        Instance { class, dict: Arc::new(PyDict::new()), payload: Payload::Exception(Mutex::new(data)) }
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
            Payload::None => None,
        }
    }
}
