//! Freeing nested values without recursing on the native stack.
//!
//! Dropping a `Value` drops what it holds, which drops what that holds...
//! so a linked list of a million instances, or a list nested a million
//! deep, would free itself through a million nested Rust `drop` calls and
//! overflow the thread's stack. Every container whose children are
//! `Value`s (list, tuple, dict, set, instance payloads, cells, functions,
//! bound methods, generator frames, exception data) hands its children to
//! [`release`] from its `Drop` instead of letting them drop in place.
//!
//! The contract: `release(children)` drops `children` before returning
//! *or* defers them to a per-thread work list that the outermost `release`
//! on this thread drains before it returns. Up to [`NESTED`] levels of
//! nesting children drop in place (ordinary programs never get further,
//! so they pay one thread-local counter update per container freed);
//! below that, children that would free a whole subtree are moved onto
//! the work list, and the outermost level frees them one by one, each
//! again at most `NESTED` levels deep. So the native stack used by a drop
//! is bounded whatever the depth of the data, and everything is freed by
//! the time the outermost drop returns (order of frees differs from
//! CPython's only below `NESTED` levels, which can only change the order
//! in which `__del__` methods queue there: `vm/finalize.rs`).

use crate::runtime::pyarc::PyArc;
use std::cell::{Cell, RefCell};

use super::value::Value;

/// Levels of nested container drops run in place before children are
/// deferred to the work list (each level costs a few hundred bytes of
/// native stack).
const NESTED: u32 = 64;

struct DropState {
    depth: Cell<u32>,
    pending: RefCell<Vec<Value>>,
}

thread_local! {
    static STATE: DropState = const { DropState { depth: Cell::new(0), pending: RefCell::new(Vec::new()) } };
}

/// Drops the children of a container being freed, never more than
/// `NESTED` container levels deep on the native stack (see the module
/// docs). `children` is only iterated when it must be deferred.
#[inline]
pub fn release<I: IntoIterator<Item = Value>>(children: I) {
    // During thread teardown the thread-local may be gone: drop in place.
    let Ok(depth) = STATE.try_with(|s| s.depth.get()) else {
        drop(children);
        return;
    };
    if depth < NESTED {
        STATE.with(|s| s.depth.set(depth + 1));
        drop(children);
        STATE.with(|s| s.depth.set(depth));
        if depth == 0 {
            drain();
        }
    } else {
        defer(children);
    }
}

/// Moves the children that own a subtree onto the work list; the others
/// (immediates, shared objects) are only a count decrement away.
#[cold]
fn defer<I: IntoIterator<Item = Value>>(children: I) {
    STATE.with(|s| {
        let mut pending = s.pending.borrow_mut();
        for v in children {
            if owns_subtree(&v) {
                pending.push(v);
            }
        }
    });
}

/// Frees what was deferred, one value at a time, at depth 1.
fn drain() {
    STATE.with(|s| {
        loop {
            // The borrow ends before the value drops (which may defer more).
            let next = s.pending.borrow_mut().pop();
            let Some(v) = next else { break };
            s.depth.set(1);
            drop(v);
            s.depth.set(0);
        }
        let mut pending = s.pending.borrow_mut();
        if pending.capacity() > 1024 {
            // Do not keep a big buffer alive after freeing a deep structure.
            *pending = Vec::new();
        }
    });
}

/// Whether dropping `v` here would free a container (its last reference).
fn owns_subtree(v: &Value) -> bool {
    match v {
        Value::List(a) => PyArc::strong_count(a) == 1,
        Value::Tuple(a) => PyArc::strong_count(a) == 1,
        Value::Dict(a) => PyArc::strong_count(a) == 1,
        Value::Set(a) | Value::FrozenSet(a) => PyArc::strong_count(a) == 1,
        Value::Function(a) => PyArc::strong_count(a) == 1,
        Value::BoundMethod(a) => PyArc::strong_count(a) == 1,
        Value::Instance(a) => PyArc::strong_count(a) == 1,
        Value::Generator(a) => PyArc::strong_count(a) == 1,
        Value::Cell(a) => PyArc::strong_count(a) == 1,
        Value::Iter(a) => PyArc::strong_count(a) == 1,
        Value::Property(a) => PyArc::strong_count(a) == 1,
        Value::StaticMethod(a) | Value::ClassMethod(a) => PyArc::strong_count(a) == 1,
        Value::Native(a) => PyArc::strong_count(a) == 1,
        Value::Class(a) => PyArc::strong_count(a) == 1,
        Value::Module(a) => PyArc::strong_count(a) == 1,
        _ => false,
    }
}
