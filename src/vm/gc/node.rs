//! The collector's view of a tracked object: its identity, its reference
//! count, the tracked objects it refers to, and how to clear it.
//!
//! The one contract that matters for safety is [`Node::visit`]'s: it
//! reports only references that are really counted in the target's
//! reference count, once each. Reporting one too many could free a live
//! object; missing one only keeps garbage alive.

use crate::runtime::pyarc::PyArc;

use super::Tracked;
use crate::runtime::dict::PyDict;
use crate::runtime::function::{BoundMethod, Cell, Function};
use crate::runtime::instance::{Instance, Payload};
use crate::runtime::list::PyList;
use crate::runtime::set::PySet;
use crate::runtime::tuple::PyTuple;
use crate::runtime::value::Value;

/// A live tracked object, held for the length of a collection.
pub(super) enum Node {
    List(PyArc<PyList>),
    Dict(PyArc<PyDict>),
    Set(PyArc<PySet>),
    Instance(PyArc<Instance>),
    Function(PyArc<Function>),
    Cell(PyArc<Cell>),
    BoundMethod(PyArc<BoundMethod>),
    Tuple(PyArc<PyTuple>),
}

/// An object's identity: the address of its value in the `Arc`. The
/// collector's `Weak` records keep each allocation, so no address is
/// reused while it is being looked at.
fn addr<T>(a: &PyArc<T>) -> usize {
    PyArc::as_ptr(a) as *const () as usize
}

/// The identity of the object `v` refers to, if it is of a tracked kind.
pub(super) fn key_of(v: &Value) -> Option<usize> {
    match v {
        Value::List(a) => Some(addr(a)),
        Value::Dict(a) => Some(addr(a)),
        Value::Set(a) => Some(addr(a)),
        Value::Instance(a) => Some(addr(a)),
        Value::Function(a) => Some(addr(a)),
        Value::Cell(a) => Some(addr(a)),
        Value::BoundMethod(a) => Some(addr(a)),
        Value::Tuple(a) => Some(addr(a)),
        _ => None,
    }
}

impl Node {
    pub(super) fn upgrade(t: &Tracked) -> Option<Node> {
        Some(match t {
            Tracked::List(w) => Node::List(w.upgrade()?),
            Tracked::Dict(w) => Node::Dict(w.upgrade()?),
            Tracked::Set(w) => Node::Set(w.upgrade()?),
            Tracked::Instance(w) => Node::Instance(w.upgrade()?),
            Tracked::Function(w) => Node::Function(w.upgrade()?),
            Tracked::Cell(w) => Node::Cell(w.upgrade()?),
            Tracked::BoundMethod(w) => Node::BoundMethod(w.upgrade()?),
            Tracked::Tuple(w) => Node::Tuple(w.upgrade()?),
        })
    }

    pub(super) fn downgrade(&self) -> Tracked {
        match self {
            Node::List(a) => Tracked::List(PyArc::downgrade(a)),
            Node::Dict(a) => Tracked::Dict(PyArc::downgrade(a)),
            Node::Set(a) => Tracked::Set(PyArc::downgrade(a)),
            Node::Instance(a) => Tracked::Instance(PyArc::downgrade(a)),
            Node::Function(a) => Tracked::Function(PyArc::downgrade(a)),
            Node::Cell(a) => Tracked::Cell(PyArc::downgrade(a)),
            Node::BoundMethod(a) => Tracked::BoundMethod(PyArc::downgrade(a)),
            Node::Tuple(a) => Tracked::Tuple(PyArc::downgrade(a)),
        }
    }

    pub(super) fn key(&self) -> usize {
        match self {
            Node::List(a) => addr(a),
            Node::Dict(a) => addr(a),
            Node::Set(a) => addr(a),
            Node::Instance(a) => addr(a),
            Node::Function(a) => addr(a),
            Node::Cell(a) => addr(a),
            Node::BoundMethod(a) => addr(a),
            Node::Tuple(a) => addr(a),
        }
    }

    pub(super) fn strong_count(&self) -> usize {
        match self {
            Node::List(a) => PyArc::strong_count(a),
            Node::Dict(a) => PyArc::strong_count(a),
            Node::Set(a) => PyArc::strong_count(a),
            Node::Instance(a) => PyArc::strong_count(a),
            Node::Function(a) => PyArc::strong_count(a),
            Node::Cell(a) => PyArc::strong_count(a),
            Node::BoundMethod(a) => PyArc::strong_count(a),
            Node::Tuple(a) => PyArc::strong_count(a),
        }
    }

    /// Whether the object is held by something the collector cannot
    /// see, whatever its count says: an instance's attribute dict is
    /// part of the instance (it is not recorded on its own, which halves
    /// the cost of tracking instances), so if anything else holds the
    /// dict (`d = obj.__dict__`), the instance is kept.
    pub(super) fn held_apart(&self) -> bool {
        match self {
            Node::Instance(i) => PyArc::strong_count(&i.dict) > 1,
            _ => false,
        }
    }

    /// Calls `f` with the identity of every object this one holds a
    /// strong reference to, once per reference (see the module docs).
    pub(super) fn visit(&self, f: &mut dyn FnMut(usize)) {
        let mut value = |v: &Value| {
            if let Some(k) = key_of(v) {
                f(k)
            }
        };
        match self {
            Node::List(l) => l.lock().iter().for_each(value),
            Node::Dict(d) => d.for_each_ref(value),
            Node::Set(s) => s.for_each_ref(value),
            Node::Cell(c) => value(&c.value.lock()),
            Node::Tuple(t) => t.items.iter().for_each(value),
            Node::BoundMethod(m) => {
                value(&m.receiver);
                value(&m.func);
            }
            Node::Instance(i) => {
                // The attribute dict's contents, as if the instance held
                // them itself (see `held_apart`).
                i.dict.for_each_ref(&mut value);
                match &i.payload {
                    Payload::None => {}
                    Payload::Value(v) => value(v),
                    Payload::Exception(data) => {
                        let data = data.lock();
                        for v in [&data.args, &data.cause, &data.context, &data.tb_object] {
                            value(v);
                        }
                        for d in &data.scopes {
                            value(&Value::Dict(d.clone()));
                        }
                    }
                }
            }
            Node::Function(func) => {
                // The clones are temporaries: counts were read before any
                // visit, so they do not disturb them.
                value(&Value::Dict(func.globals.clone()));
                func.defaults.iter().for_each(&mut value);
                func.kwdefaults.iter().for_each(|(_, v)| value(v));
                for c in func.closure.iter() {
                    value(&Value::Cell(c.clone()));
                }
                value(&func.doc.lock());
                value(&func.module);
                if let Some(d) = &*func.dict.lock() {
                    value(&Value::Dict(d.clone()));
                }
            }
        }
    }

    /// Drops what this object refers to (the contents of a list, dict or
    /// set, a cell's value...), which breaks the cycles it is part of.
    /// What it let go of goes to `trash`, to be dropped later. Immutable
    /// objects (tuples, bound methods, a function's defaults) keep their
    /// references: a cycle always passes through a mutable object too,
    /// whose clearing breaks it.
    pub(super) fn clear(&self, trash: &mut Vec<Value>) {
        match self {
            Node::List(l) => trash.extend(l.replace(Vec::new())),
            Node::Dict(d) => d.clear(),
            Node::Set(s) => s.clear(),
            Node::Cell(c) => trash.push(std::mem::take(&mut *c.value.lock())),
            Node::Tuple(_) | Node::BoundMethod(_) => {}
            Node::Instance(i) => {
                i.dict.clear();
                match &i.payload {
                    Payload::Exception(data) => {
                        let mut guard = data.lock();
                        let data = &mut *guard;
                        for v in [&mut data.args, &mut data.cause, &mut data.context, &mut data.tb_object] {
                            trash.push(std::mem::replace(v, Value::None));
                        }
                        data.scopes.clear();
                    }
                    Payload::Value(_) | Payload::None => {}
                }
            }
            Node::Function(func) => {
                trash.push(std::mem::replace(&mut *func.doc.lock(), Value::None));
                if let Some(d) = func.dict.lock().take() {
                    trash.push(Value::Dict(d));
                }
            }
        }
    }
}
