//! The `list` object: a vector behind a lock.
//!
//! Each method takes the lock for one operation only, so a single method
//! call is atomic (as in CPython) and the lock is never held while Python
//! code runs: comparisons that may call `__eq__` work on cloned elements.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::sync::{PyGuard, PyLock};

use super::value::Value;

#[derive(Default)]
pub struct PyList {
    items: PyLock<Vec<Value>>,
    /// Set while a `sort` that calls Python has the items out (CPython's
    /// `allocated == -1`); written only with `items` locked, so the flag
    /// and the items change together.
    sorting: AtomicBool,
}

/// What `begin_sort` leaves for `end_sort`: the flag to restore, so a sort
/// started while another one runs hands the marker back unchanged.
pub struct SortTicket {
    was_sorting: bool,
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList { items: PyLock::new(items), sorting: AtomicBool::new(false) }
    }

    /// Locks the items for one short, Python-free operation.
    pub fn lock(&self) -> PyGuard<'_, Vec<Value>> {
        self.items.lock()
    }

    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.lock().get(i).cloned()
    }

    pub fn push(&self, v: Value) {
        self.items.lock().push(v);
    }

    /// `append`: a list a script grows until memory runs out gets
    /// `MemoryError`, not an abort.
    #[inline]
    pub fn try_push(&self, v: Value) -> crate::vm::PyResult<()> {
        let mut items = self.items.lock();
        super::memory::reserve_growth(&mut items, 1)?;
        items.push(v);
        Ok(())
    }

    /// A copy of the items, for operations that must call Python code.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }

    pub fn replace(&self, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(&mut *self.items.lock(), items)
    }

    /// `self += other` for two lists, with no Python code to run (the
    /// evaluation loop's fast path). The two locks are never held at once
    /// (no lock-order deadlock between `a += b` and `b += a` in two
    /// threads). When the caller holds the only reference to `other` (a
    /// list display like `s += [i]`) its items are moved, not copied: the
    /// collector's records are weak and it only runs with this thread
    /// stopped, so nobody else can reach it.
    pub fn extend_from_list(&self, other: &PyArc<PyList>) -> crate::vm::PyResult<()> {
        if std::ptr::eq(self, &**other) {
            // Doubled under one lock, as `extend_from` does.
            let mut items = self.items.lock();
            let copy = items.clone();
            crate::runtime::memory::reserve_growth(&mut items, copy.len())?;
            items.extend(copy);
            return Ok(());
        }
        let new =
            if PyArc::strong_count(other) == 1 { std::mem::take(&mut *other.items.lock()) } else { other.snapshot() };
        let mut items = self.items.lock();
        crate::runtime::memory::reserve_growth(&mut items, new.len())?;
        items.extend(new);
        Ok(())
    }

    /// `extend` and `+=`: the items of `src` are appended in one step;
    /// extending a list by itself doubles it atomically (a copy taken
    /// under the same lock as the append).
    pub fn extend_from(&self, vm: &mut crate::vm::Vm, src: &Value) -> crate::vm::PyResult<()> {
        if let Value::List(other) = src
            && std::ptr::eq(self, &**other)
        {
            let mut items = self.items.lock();
            let copy = items.clone();
            crate::runtime::memory::reserve_growth(&mut items, copy.len())?;
            items.extend(copy);
            return Ok(());
        }
        let new = vm.iterate(src)?;
        let mut items = self.items.lock();
        crate::runtime::memory::reserve_growth(&mut items, new.len())?;
        items.extend(new);
        Ok(())
    }

    /// Takes the items out for a sort that runs Python code (a key function
    /// or `__lt__`): the list looks empty meanwhile, as in CPython, and
    /// `end_sort` can tell whether anything touched it. `None` for an
    /// empty list, which has nothing to order and no Python to run.
    pub fn begin_sort(&self) -> Option<(Vec<Value>, SortTicket)> {
        let mut items = self.items.lock();
        if items.is_empty() {
            return None;
        }
        let was_sorting = self.sorting.swap(true, Ordering::Relaxed);
        Some((std::mem::take(&mut *items), SortTicket { was_sorting }))
    }

    /// Puts the sorted items back in one step and tells whether the list
    /// was modified during the sort. As in CPython, what others put in
    /// meanwhile is discarded (and returned, to be dropped unlocked); a sort
    /// that ran inside ours saw an empty list and restores our marker, so
    /// its end loses nothing.
    pub fn end_sort(&self, sorted: Vec<Value>, ticket: SortTicket) -> (bool, Vec<Value>) {
        let mut items = self.items.lock();
        let modified = !items.is_empty() || !self.sorting.load(Ordering::Relaxed);
        self.sorting.store(ticket.was_sorting, Ordering::Relaxed);
        (modified, std::mem::replace(&mut *items, sorted))
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        let mut items = std::mem::take(self.items.get_mut());
        // CPython frees a list's items last to first (the order their
        // `__del__` methods run in).
        items.reverse();
        super::drop::release(items);
    }
}
