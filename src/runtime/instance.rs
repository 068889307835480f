//! Instances of user classes (and of exception classes, and of subclasses
//! of builtin value types such as `class MyList(list)`, which carry the
//! builtin value they extend).
//!
//! An instance of a class defining `__del__` is not freed when its last
//! reference goes: its contents move to a new allocation that is queued
//! for the interpreter to call `__del__` on at its next safe point
//! (`vm/finalize.rs`), since a `Drop` may run anywhere (a lock held, no
//! VM at hand). `finalized` makes that happen at most once per object,
//! as CPython's PEP 442 does: a resurrected object is later freed
//! without a second `__del__`.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::{AtomicU8, Ordering};

use parking_lot::Mutex;

use super::class::Class;
use super::dict::PyDict;
use super::exception::ExcData;

pub struct Instance {
    class: PyArc<Class>,
    pub dict: PyArc<PyDict>,
    pub payload: Payload,
    /// `FINALIZED`: `__del__` was called, or is about to be (see the
    /// module docs); `WEAKLY_REFERENCED`: a `weakref.ref` was made to it,
    /// so freeing it must call the references' callbacks.
    flags: AtomicU8,
}

const FINALIZED: u8 = 1;
const WEAKLY_REFERENCED: u8 = 2;

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
        let flags = *self.flags.get_mut();
        if flags & FINALIZED == 0 && self.class.has_flag(super::class::ClassFlags::DEL) {
            // Resurrected into a new allocation for its `__del__`; it frees
            // its contents when that one is dropped.
            let revived = Instance {
                class: self.class.clone(),
                dict: std::mem::replace(&mut self.dict, empty_dict()),
                payload: std::mem::replace(&mut self.payload, Payload::None),
                flags: AtomicU8::new(FINALIZED),
            };
            crate::vm::finalize::defer(PyArc::new(revived));
        }
        // Its references die now (their handles can no longer upgrade):
        // their callbacks are queued after the `__del__` queued above.
        if flags & WEAKLY_REFERENCED != 0 {
            crate::modules::weakref_native::referent_died(self as *const Instance as usize);
        }
        // (Empty if the contents moved out for `__del__`.) The attribute dict frees its entries through `drop::release`
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
    pub fn new(class: PyArc<Class>) -> Instance {
        Instance {
            dict: PyArc::new(PyDict::with_capacity(class.attr_hint())),
            class,
            payload: Payload::None,
            flags: AtomicU8::new(0),
        }
    }

    pub fn new_exception(class: PyArc<Class>, data: ExcData) -> Instance {
        Instance {
            class,
            dict: PyArc::new(PyDict::new()),
            payload: Payload::Exception(Mutex::new(data)),
            flags: AtomicU8::new(0),
        }
    }

    /// An instance of a subclass of a builtin value type.
    pub fn with_value(class: PyArc<Class>, value: super::value::Value) -> Instance {
        Instance { class, dict: PyArc::new(PyDict::new()), payload: Payload::Value(value), flags: AtomicU8::new(0) }
    }

    /// The builtin value an instance of a subclass of a builtin type carries.
    pub fn base_value(&self) -> Option<&super::value::Value> {
        match &self.payload {
            Payload::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn class(&self) -> PyArc<Class> {
        self.class.clone()
    }

    pub fn class_ref(&self) -> &PyArc<Class> {
        &self.class
    }

    pub fn exc(&self) -> Option<&Mutex<ExcData>> {
        match &self.payload {
            Payload::Exception(d) => Some(d),
            Payload::None | Payload::Value(_) => None,
        }
    }
}

impl Instance {
    /// Claims the call of `__del__`: true the first time only.
    pub fn claim_finalizer(&self) -> bool {
        self.flags.fetch_or(FINALIZED, Ordering::AcqRel) & FINALIZED == 0
    }

    /// A `weakref.ref` to this instance exists (see `modules::weakref_native`).
    pub fn mark_weakly_referenced(&self) {
        self.flags.fetch_or(WEAKLY_REFERENCED, Ordering::AcqRel);
    }

    /// Whether `__del__` is still to be called on this object.
    pub fn needs_finalizer(&self) -> bool {
        self.class.has_flag(super::class::ClassFlags::DEL) && self.flags.load(Ordering::Acquire) & FINALIZED == 0
    }
}

/// The dict left in an instance whose contents moved out.
fn empty_dict() -> PyArc<PyDict> {
    PyArc::new(PyDict::new())
}
