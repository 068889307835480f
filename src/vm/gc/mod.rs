//! The cycle collector: frees groups of objects that refer to each other
//! and to which nothing else refers, which reference counting alone never
//! frees (`a.other = b; b.other = a`, a list containing itself, a closure
//! stored in the dict it closes over).
//!
//! It follows CPython's scheme over reference counts (`gcmodule.c`):
//!
//! 1. **Tracking.** The containers through which such groups form are
//!    recorded when they are made ([`track_list`], [`track_instance`]...):
//!    lists, dicts, sets, instances (and their attribute dicts), functions
//!    and closure cells. Each thread records into its own buffer (a `Weak`
//!    per object, so recording never keeps an object alive); see
//!    `registry.rs`.
//! 2. **Collection** (`collect.rs`), with every other thread stopped: each
//!    tracked object's reference count, minus the references that tracked
//!    objects hold to it, is what holds it from outside. Objects held from
//!    outside, and all they reach, are alive; the rest is garbage, and is
//!    cleared (lists and dicts emptied, cells unset), which breaks the
//!    cycles so that reference counting frees them.
//! 3. **When.** After as many new tracked objects as were alive after the
//!    last collection (at least the gen-0 threshold, 700), the thread that
//!    crosses the line asks for a collection through the eval breaker, and
//!    runs it at its next safe point. Each collection costs about the
//!    number of tracked objects, so the cost per object stays constant.
//!
//! Safety rests on one rule: an object is freed only if every reference
//! to it was found in another object of the garbage. Objects that are not
//! tracked (tuples, bound methods, generators, classes, modules, frames,
//! native objects) count as outside holders, so what they refer to is
//! always kept: a cycle through them is not freed (a leak, never a
//! dangling reference). References held by Rust code (a native call in
//! progress, a frame's value stack) are outside references too.
//!
//! `__del__` methods are not run (pyl does not call them at all yet).

mod collect;
mod registry;

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

use crate::runtime::dict::PyDict;
use crate::runtime::function::{Cell, Function};
use crate::runtime::instance::Instance;
use crate::runtime::list::PyList;
use crate::runtime::set::PySet;

pub use collect::collect;

/// A tracked container, as recorded.
pub(crate) enum Tracked {
    List(Weak<PyList>),
    Dict(Weak<PyDict>),
    Set(Weak<PySet>),
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Cell(Weak<Cell>),
}

/// CPython's default gen-0 threshold: the fewest new objects between two
/// automatic collections.
pub const DEFAULT_THRESHOLD: usize = 700;

static ENABLED: AtomicBool = AtomicBool::new(true);
/// The gen-0 threshold (`gc.set_threshold`); 0 turns automatic
/// collection off, as in CPython.
static THRESHOLD: AtomicUsize = AtomicUsize::new(DEFAULT_THRESHOLD);
/// Tracked objects that survived the last collection.
static SURVIVORS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The interpreter of this thread, whose eval breaker asks for a
    /// collection (set when the thread's VM is made).
    static INTERPRETER: RefCell<Weak<super::Shared>> = const { RefCell::new(Weak::new()) };
}

/// Makes `shared` the interpreter this thread asks for collections.
pub(crate) fn attach(shared: &Arc<super::Shared>) {
    INTERPRETER.with(|i| *i.borrow_mut() = Arc::downgrade(shared));
}

pub fn is_enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

pub fn threshold() -> usize {
    THRESHOLD.load(Ordering::Relaxed)
}

pub fn set_threshold(n: usize) {
    THRESHOLD.store(n, Ordering::Relaxed);
}

/// Tracked objects made since the last collection (`gc.get_count()[0]`).
pub fn count() -> usize {
    registry::made_since_collection()
}

/// Called by the registry when a thread has made `made` objects since the
/// last collection: asks for one if that is enough.
fn maybe_request(made: usize) {
    let base = threshold();
    if base == 0 || !is_enabled() || made < base.max(SURVIVORS.load(Ordering::Relaxed)) {
        return;
    }
    INTERPRETER.with(|i| {
        if let Some(shared) = i.borrow().upgrade() {
            shared.gil.request_collection();
        }
    });
}

pub fn track_list(list: &Arc<PyList>) {
    registry::record(Tracked::List(Arc::downgrade(list)));
}

pub fn track_dict(dict: &Arc<PyDict>) {
    registry::record(Tracked::Dict(Arc::downgrade(dict)));
}

pub fn track_set(set: &Arc<PySet>) {
    registry::record(Tracked::Set(Arc::downgrade(set)));
}

/// An instance and its attribute dict.
pub fn track_instance(inst: &Arc<Instance>) {
    registry::record(Tracked::Instance(Arc::downgrade(inst)));
    registry::record(Tracked::Dict(Arc::downgrade(&inst.dict)));
}

pub fn track_function(func: &Arc<Function>) {
    registry::record(Tracked::Function(Arc::downgrade(func)));
}

pub fn track_cell(cell: &Arc<Cell>) {
    registry::record(Tracked::Cell(Arc::downgrade(cell)));
}
