//! Builtin iterators (`iter(list)`, `enumerate`, `zip`, `map`...).
//!
//! An iterator's state sits behind a lock held only while it advances
//! over Rust data; iterators that must call Python (`map`, `filter`,
//! `enumerate` over a generator...) copy what they need out of the lock
//! first. Advancing is `Vm::iter_next` (vm/iterate.rs).

use crate::runtime::pyarc::PyArc;

use super::class::Class;
use super::dict::PyDict;
use super::list::PyList;
use super::set::PySet;
use super::str::{PyBytes, PyStr};
use super::tuple::PyTuple;
use super::types::types;
use super::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    List {
        list: PyArc<PyList>,
        index: usize,
    },
    ListReverse {
        list: PyArc<PyList>,
        index: usize,
    },
    Tuple {
        tuple: PyArc<PyTuple>,
        index: usize,
    },
    Range {
        next: i64,
        left: i64,
        step: i64,
    },
    /// A range beyond machine integers (CPython's `longrange_iterator`).
    BigRange(Box<BigRangeIter>),
    Str {
        s: PyArc<PyStr>,
        byte: usize,
    },
    Bytes {
        b: PyArc<PyBytes>,
        index: usize,
    },
    /// `used` is the dict's length when iteration began and `left` the
    /// entries still to come: CPython's checks for a dict changed during
    /// iteration (size, then keys when more entries turn up than were left).
    Dict {
        dict: PyArc<PyDict>,
        pos: usize,
        used: usize,
        left: usize,
        kind: DictIterKind,
    },
    Set {
        set: PyArc<PySet>,
        pos: usize,
        len: usize,
    },
    Enumerate {
        iter: Value,
        count: i64,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// The old protocol: `obj[0]`, `obj[1]`... until IndexError.
    Sequence {
        obj: Value,
        index: i64,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

impl IterState {
    /// A fresh iterator over a dict's keys, values or items.
    pub fn dict(dict: PyArc<PyDict>, kind: DictIterKind) -> IterState {
        let used = dict.len();
        IterState::Dict { dict, pos: 0, used, left: used, kind }
    }
}

pub struct PyIter {
    pub state: super::sync::PyLock<IterState>,
}

impl PyIter {
    pub fn new(state: IterState) -> PyIter {
        PyIter { state: super::sync::PyLock::new(state) }
    }

    pub fn value(state: IterState) -> Value {
        Value::Iter(PyArc::new(PyIter::new(state)))
    }

    pub fn class(&self) -> PyArc<Class> {
        let t = types();
        match &*self.state.lock() {
            IterState::List { .. } => t.list_iterator_type.clone(),
            IterState::ListReverse { .. } => t.list_reverseiterator_type.clone(),
            IterState::Tuple { .. } => t.tuple_iterator_type.clone(),
            IterState::Range { .. } | IterState::BigRange(_) => t.range_iterator_type.clone(),
            IterState::Str { .. } => t.str_iterator_type.clone(),
            IterState::Bytes { .. } => t.bytes_iterator_type.clone(),
            IterState::Dict { kind: DictIterKind::Keys, .. } => t.dict_keyiterator_type.clone(),
            IterState::Dict { kind: DictIterKind::Values, .. } => t.dict_valueiterator_type.clone(),
            IterState::Dict { kind: DictIterKind::Items, .. } => t.dict_itemiterator_type.clone(),
            IterState::Set { .. } => t.set_iterator_type.clone(),
            IterState::Enumerate { .. } => t.enumerate_type.clone(),
            IterState::Zip { .. } => t.zip_type.clone(),
            IterState::Map { .. } => t.map_type.clone(),
            IterState::Filter { .. } => t.filter_type.clone(),
            IterState::Sequence { .. } | IterState::Exhausted => t.iterator_type.clone(),
            IterState::Callable { .. } => t.callable_iterator_type.clone(),
        }
    }
}

/// The state of an iterator over a range beyond machine integers.
pub struct BigRangeIter {
    pub next: num_bigint::BigInt,
    pub left: num_bigint::BigInt,
    pub step: num_bigint::BigInt,
}

/// An iterator over `left` ints from `first` by `step`, over machine
/// integers when they hold every item.
pub fn range_iter(first: num_bigint::BigInt, left: num_bigint::BigInt, step: num_bigint::BigInt) -> Value {
    use num_traits::ToPrimitive;
    let last = &first + (&left - 1u32).max(num_bigint::BigInt::from(0)) * &step;
    if let (Some(next), Some(n), Some(s), Some(_)) = (first.to_i64(), left.to_i64(), step.to_i64(), last.to_i64()) {
        return PyIter::value(IterState::Range { next, left: n, step: s });
    }
    PyIter::value(IterState::BigRange(Box::new(BigRangeIter { next: first, left, step })))
}
