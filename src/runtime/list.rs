//! The `list` object: a vector behind a lock.
//!
//! Each method takes the lock for one operation only, so a single method
//! call is atomic (as in CPython) and the lock is never held while Python
//! code runs: comparisons that may call `__eq__` work on cloned elements.

use super::sync::{PyGuard, PyLock};

use super::value::Value;

#[derive(Default)]
pub struct PyList {
    items: PyLock<Vec<Value>>,
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList { items: PyLock::new(items) }
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

    /// A copy of the items, for operations that must call Python code.
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }

    pub fn replace(&self, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(&mut *self.items.lock(), items)
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        super::drop::release(std::mem::take(self.items.get_mut()));
    }
}
