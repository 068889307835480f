//! The `tuple` object: an immutable boxed slice, no lock needed.

use super::value::Value;

pub struct PyTuple {
    pub items: Box<[Value]>,
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple { items: items.into_boxed_slice() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        let mut items = std::mem::take(&mut self.items).into_vec();
        // Last to first, as CPython (see `PyList`'s drop).
        items.reverse();
        super::drop::release(items);
    }
}
