//! The cycle collector: frees groups of objects that refer to each other
//! and to which nothing else refers, which reference counting alone never
//! frees (`a.other = b; b.other = a`, a list containing itself, a closure
//! stored in the dict it closes over).
//!
//! It follows CPython's scheme over reference counts (`gcmodule.c`):
//!
//! 1. **Tracking.** The containers through which such groups form are
//!    recorded when they are made ([`track_list`], [`track_instance`]...):
//!    lists, dicts, sets, instances (with their attribute dicts), functions,
//!    closure cells, bound methods, and tuples that hold such containers.
//!    A record is a `Weak`, so it never keeps an object alive. Each thread
//!    gathers records in a small batch of its own and hands full batches
//!    to its interpreter's [`Collector`]; see `registry.rs`.
//! 2. **Collection** (`collect.rs`, over the graph of `node.rs`), with
//!    every other thread of the interpreter stopped: each tracked object's
//!    reference count, minus the references that tracked objects hold to
//!    it, is what holds it from outside. Objects held from outside, and
//!    all they reach, are alive; the rest is garbage, and is cleared
//!    (lists and dicts emptied, cells unset), which breaks the cycles so
//!    that reference counting frees them.
//! 3. **When.** After as many new tracked objects as were alive after the
//!    last collection (at least the gen-0 threshold, 700), the thread that
//!    crosses the line asks for a collection through the eval breaker, and
//!    runs it at its next safe point. Each collection costs about the
//!    number of tracked objects, so the cost per object stays constant.
//!
//! Safety rests on one rule: an object is freed only if every reference
//! to it was found in another object of the garbage. Objects that are not
//! tracked (classes, modules, generators, frames, native objects, tuples
//! of plain values, records still in another thread's batch) count as
//! outside holders, so what they refer to is always kept: a cycle through
//! them is not freed (a leak, never a dangling reference). References held
//! by Rust code (a native call in progress, a frame's value stack) are
//! outside references too.
//!
//! The state is per interpreter (two interpreters in one process collect
//! independently and never look at each other's objects).
//!
//! `__del__` methods run as in CPython 3.4+ (PEP 442): when the garbage
//! holds instances whose `__del__` was never called, those are called
//! first, with nothing cleared, and the graph is looked at again: what
//! they resurrected is then reachable and kept (`vm/finalize.rs`).

mod collect;
mod node;
mod registry;

use crate::runtime::pyarc::{PyArc, PyWeak};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};

use crate::runtime::dict::PyDict;
use crate::runtime::function::{BoundMethod, Cell, Function};
use crate::runtime::instance::Instance;
use crate::runtime::list::PyList;
use crate::runtime::set::PySet;
use crate::runtime::tuple::PyTuple;
use crate::runtime::value::Value;

pub use collect::collect;
pub(crate) use registry::{attach, attached};

/// Hands what this thread recorded to its interpreter (a thread ends).
pub(crate) fn thread_ending() {
    registry::flush_this_thread();
}

/// A tracked container, as recorded.
pub(crate) enum Tracked {
    List(PyWeak<PyList>),
    Dict(PyWeak<PyDict>),
    Set(PyWeak<PySet>),
    Instance(PyWeak<Instance>),
    Function(PyWeak<Function>),
    Cell(PyWeak<Cell>),
    BoundMethod(PyWeak<BoundMethod>),
    Tuple(PyWeak<PyTuple>),
}

impl Tracked {
    /// Whether the object recorded still exists.
    pub(super) fn is_alive(&self) -> bool {
        match self {
            Tracked::List(w) => w.strong_count() > 0,
            Tracked::Dict(w) => w.strong_count() > 0,
            Tracked::Set(w) => w.strong_count() > 0,
            Tracked::Instance(w) => w.strong_count() > 0,
            Tracked::Function(w) => w.strong_count() > 0,
            Tracked::Cell(w) => w.strong_count() > 0,
            Tracked::BoundMethod(w) => w.strong_count() > 0,
            Tracked::Tuple(w) => w.strong_count() > 0,
        }
    }
}

/// CPython's default gen-0 threshold: the fewest new objects between two
/// automatic collections.
pub const DEFAULT_THRESHOLD: usize = 700;

/// One interpreter's collector: its settings and its tracked objects.
pub struct Collector {
    enabled: AtomicBool,
    /// The gen-0 threshold (`gc.set_threshold`); 0 turns automatic
    /// collection off, as in CPython.
    threshold: AtomicI64,
    /// `gc.set_debug`'s flags (kept; pyl prints no debugging output).
    debug: AtomicI64,
    /// The thresholds of generations 1 and 2, only kept for
    /// `gc.get_threshold` (pyl's collector has one generation).
    older: [AtomicI64; 2],
    /// Tracked objects that survived the last collection.
    survivors: AtomicUsize,
    /// A collection is running (one at a time per interpreter).
    collecting: AtomicBool,
    /// Collections run and objects found unreachable, for `gc.get_stats`.
    collections: AtomicUsize,
    collected: AtomicUsize,
    registry: registry::Registry,
}

impl Default for Collector {
    fn default() -> Collector {
        Collector {
            enabled: AtomicBool::new(true),
            threshold: AtomicI64::new(DEFAULT_THRESHOLD as i64),
            debug: AtomicI64::new(0),
            older: [AtomicI64::new(10), AtomicI64::new(10)],
            survivors: AtomicUsize::new(0),
            collecting: AtomicBool::new(false),
            collections: AtomicUsize::new(0),
            collected: AtomicUsize::new(0),
            registry: registry::Registry::default(),
        }
    }
}

impl Collector {
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    pub fn set_enabled(&self, on: bool) {
        self.enabled.store(on, Ordering::Relaxed);
    }

    /// `gc.get_threshold()`.
    pub fn thresholds(&self) -> (i64, i64, i64) {
        let [t1, t2] = &self.older;
        (self.threshold.load(Ordering::Relaxed), t1.load(Ordering::Relaxed), t2.load(Ordering::Relaxed))
    }

    pub fn debug_flags(&self) -> i64 {
        self.debug.load(Ordering::Relaxed)
    }

    pub fn set_debug_flags(&self, flags: i64) {
        self.debug.store(flags, Ordering::Relaxed);
    }

    /// `gc.set_threshold(t0[, t1[, t2]])`: the older generations' values
    /// are only remembered.
    pub fn set_thresholds(&self, t0: i64, t1: Option<i64>, t2: Option<i64>) {
        self.threshold.store(t0, Ordering::Relaxed);
        for (slot, t) in self.older.iter().zip([t1, t2]) {
            if let Some(t) = t {
                slot.store(t, Ordering::Relaxed);
            }
        }
    }

    /// Tracked objects made since the last collection (`gc.get_count()[0]`),
    /// as far as this thread can see (other threads' unfilled batches are
    /// not counted yet).
    pub fn count(&self) -> usize {
        self.registry.made() + registry::batched()
    }

    /// `(collections, collected)` since the interpreter started.
    pub fn stats(&self) -> (usize, usize) {
        (self.collections.load(Ordering::Relaxed), self.collected.load(Ordering::Relaxed))
    }

    /// In a child made by fork.
    ///
    /// # Safety
    /// Only the calling thread exists in the process.
    pub unsafe fn after_fork_child(&self) {
        // SAFETY: the caller's contract.
        unsafe { self.registry.reset_after_fork() };
        self.collecting.store(false, Ordering::Relaxed);
    }

    /// Whether `made` new objects since the last collection call for one.
    fn wants_collection(&self, made: usize) -> bool {
        // A negative threshold, as in CPython, collects as often as it can.
        let base = self.threshold.load(Ordering::Relaxed).max(-1).unsigned_abs() as usize;
        base != 0 && self.is_enabled() && made >= base.max(self.survivors.load(Ordering::Relaxed))
    }
}

pub fn track_list(list: &PyArc<PyList>) {
    registry::record(Tracked::List(PyArc::downgrade(list)));
}

pub fn track_dict(dict: &PyArc<PyDict>) {
    registry::record(Tracked::Dict(PyArc::downgrade(dict)));
}

pub fn track_set(set: &PyArc<PySet>) {
    registry::record(Tracked::Set(PyArc::downgrade(set)));
}

/// An instance, with its attribute dict (one record: the collector
/// treats the dict as part of the instance).
pub fn track_instance(inst: &PyArc<Instance>) {
    registry::record(Tracked::Instance(PyArc::downgrade(inst)));
}

pub fn track_function(func: &PyArc<Function>) {
    registry::record(Tracked::Function(PyArc::downgrade(func)));
}

pub fn track_cell(cell: &PyArc<Cell>) {
    registry::record(Tracked::Cell(PyArc::downgrade(cell)));
}

/// A bound method stored in its receiver (`self.cb = self.method`) is a
/// cycle through the method.
pub fn track_bound_method(m: &PyArc<BoundMethod>) {
    if may_hold_cycle(&m.receiver) || may_hold_cycle(&m.func) {
        registry::record(Tracked::BoundMethod(PyArc::downgrade(m)));
    }
}

/// A tuple is tracked only if it holds a value that can be part of a
/// cycle: tuples are immutable, so one of plain values (numbers, strings,
/// the many tuples a program makes) never can, and costs no record.
/// CPython tracks every tuple and untracks such ones at its next
/// collection; this is the same decision taken at once.
pub fn track_tuple(t: &PyArc<PyTuple>) {
    if t.items.iter().any(may_hold_cycle) {
        registry::record(Tracked::Tuple(PyArc::downgrade(t)));
    }
}

/// Whether a cycle can pass through `v`: it is, or may hold, a tracked
/// container.
fn may_hold_cycle(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Instance(_)
            | Value::Function(_)
            | Value::Cell(_)
            | Value::BoundMethod(_)
            | Value::Tuple(_)
    )
}

/// `gc.is_tracked(v)`: whether the collector would look at `v`, by the
/// rules above.
pub fn is_tracked(v: &Value) -> bool {
    match v {
        Value::Tuple(t) => t.items.iter().any(may_hold_cycle),
        Value::BoundMethod(m) => may_hold_cycle(&m.receiver) || may_hold_cycle(&m.func),
        other => may_hold_cycle(other),
    }
}
