//! A per-thread cache of class attribute lookups (`cls.lookup(name)` along
//! the MRO), behind the evaluation loop's per-call-site caches.
//!
//! A call site remembers one class. One that sees several (`task.run()`
//! over tasks of four subclasses) would otherwise walk the MRO, a dict
//! lookup per class, every time its class changes; here it finds the
//! answer in a small direct-mapped table keyed by (class, name), as
//! CPython's type attribute cache does.
//!
//! Validity: an entry is used only while the global class epoch is the one
//! it was filled under (any change to any class bumps it). It knows the
//! class by its `uid()`, which no other class ever gets, and holds an
//! `Arc` to the name, so its address cannot be reused by another name
//! while the entry exists. Each thread has its own table (no locking, in
//! either GIL mode); it is allocated on the
//! first miss of a call-site cache, so idle threads pay nothing. Entries
//! hold a reference to what they found (a function, usually), which keeps
//! it alive until the entry is overwritten or the thread ends: at most
//! [`SIZE`] values per thread.

use crate::runtime::pyarc::PyArc;

use crate::runtime::class::{Class, is_data_descriptor};
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;

/// Entries per thread (a power of two).
const SIZE: usize = 256;

#[derive(Default)]
struct Entry {
    class_uid: u64,
    name_ptr: usize,
    epoch: u64,
    /// Keeps the name alive, so that its address identifies it.
    _name: Option<PyArc<PyStr>>,
    /// `Undef` when the lookup found nothing.
    value: Value,
    data_descriptor: bool,
}

/// The table; empty until first used.
#[derive(Default)]
pub struct TypeCache {
    entries: Vec<Entry>,
}

impl TypeCache {
    /// What `cls.lookup(name)` finds (`Undef` for nothing) and whether it
    /// is a data descriptor, as of class epoch `epoch`.
    pub fn lookup(&mut self, cls: &PyArc<Class>, name: &PyArc<PyStr>, epoch: u64) -> (Value, bool) {
        if self.entries.is_empty() {
            self.entries.resize_with(SIZE, Entry::default);
        }
        let class_uid = cls.uid();
        let name_ptr = PyArc::as_ptr(name) as usize;
        let mixed = (class_uid as usize ^ name_ptr.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let e = &mut self.entries[mixed >> (usize::BITS - SIZE.trailing_zeros())];
        if e.class_uid == class_uid && e.name_ptr == name_ptr && e.epoch == epoch {
            return (e.value.clone(), e.data_descriptor);
        }
        let found = cls.lookup(name).unwrap_or(Value::Undef);
        let data_descriptor = !found.is_undef() && is_data_descriptor(&found);
        *e = Entry { class_uid, name_ptr, epoch, _name: Some(name.clone()), value: found.clone(), data_descriptor };
        (found, data_descriptor)
    }
}
