//! The `dict` object: insertion-ordered, like CPython's compact dict.
//!
//! Entries live in a vector in insertion order (deleted ones become holes
//! until the next compaction); a `hashbrown` table of entry indices is built
//! once the dict outgrows a linear scan. Keys whose equality is decided by
//! Rust alone (str, int, float, tuples of those...) are looked up under the
//! lock; keys that need a Python `__eq__` are compared after the lock is
//! released, and the entry is checked again before it is used.

use super::sync::PyLock;
use crate::runtime::pyarc::PyArc;
use hashbrown::HashTable;
use smallvec::SmallVec;

use super::compare::fast_eq;
use super::str::PyStr;
use super::value::Value;
use crate::vm::{PyResult, Vm};

/// Up to this many entries a dict has no index: a scan is faster.
const SMALL: usize = 8;

#[derive(Clone)]
struct Entry {
    hash: i64,
    /// `Value::Undef` marks a deleted entry.
    key: Value,
    value: Value,
}

#[derive(Default, Clone)]
struct Inner {
    entries: Vec<Entry>,
    index: Option<HashTable<u32>>,
    len: usize,
    /// Bumped by every insertion or deletion of a key (not by updates), so
    /// iterators can tell the dict changed size under them.
    version: u64,
}

#[derive(Default)]
pub struct PyDict {
    inner: PyLock<Inner>,
    /// Changes with every write (new key, new value, deletion), so caches
    /// of looked-up values (`LoadGlobal`'s) can tell they are still good.
    mutations: std::sync::atomic::AtomicU64,
}

fn mix(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The result of a lookup done under the lock.
enum Probe {
    Found(usize),
    Missing,
    /// Entries with an equal hash whose keys need Python to compare.
    Ask(SmallVec<[(usize, Value); 2]>),
}

impl Inner {
    fn probe(&self, key: &Value, hash: i64) -> Probe {
        let mut ask: SmallVec<[(usize, Value); 2]> = SmallVec::new();
        let mut check = |i: usize| -> Option<usize> {
            let e = &self.entries[i];
            if e.hash != hash || e.key.is_undef() {
                return None;
            }
            match fast_eq(&e.key, key) {
                Some(true) => Some(i),
                Some(false) => None,
                None => {
                    ask.push((i, e.key.clone()));
                    None
                }
            }
        };
        let found = match &self.index {
            None => (0..self.entries.len()).find_map(&mut check),
            Some(index) => index.iter_hash(mix(hash)).find_map(|&i| check(i as usize)),
        };
        match found {
            Some(i) => Probe::Found(i),
            None if ask.is_empty() => Probe::Missing,
            None => Probe::Ask(ask),
        }
    }

    #[inline]
    fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        #[inline(always)]
        fn same(e: &Entry, key: &str, hash: i64) -> bool {
            if e.hash != hash {
                return false;
            }
            // Names are usually the very same interned string: compare the
            // pointers before the bytes.
            match &e.key {
                Value::Str(s) => std::ptr::eq(s.as_str(), key) || s.as_str() == key,
                // A key of a str subclass equals its text.
                Value::Instance(i) => matches!(i.base_value(), Some(Value::Str(s)) if s.as_str() == key),
                _ => false,
            }
        }
        match &self.index {
            None => self.entries.iter().position(|e| same(e, key, hash)),
            // `find` probes with the table's SIMD groups directly, much
            // cheaper than walking `iter_hash`.
            Some(index) => index.find(mix(hash), |&i| same(&self.entries[i as usize], key, hash)).map(|&i| i as usize),
        }
    }

    /// Makes room for one more entry, or false when memory runs out (a
    /// script's `d[k] = v` is then MemoryError, not an abort).
    fn try_make_room(&mut self) -> bool {
        if self.entries.len() == self.entries.capacity() && self.entries.try_reserve(self.entries.len().max(4)).is_err()
        {
            return false;
        }
        match &mut self.index {
            Some(index) => {
                let entries = &self.entries;
                index.try_reserve(1, |&j| mix(entries[j as usize].hash)).is_ok()
            }
            None => true,
        }
    }

    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        self.version += 1;
        match &mut self.index {
            Some(index) => {
                let entries = &self.entries;
                index.insert_unique(mix(hash), i as u32, |&j| mix(entries[j as usize].hash));
            }
            None if self.entries.len() > SMALL => self.rebuild_index(),
            None => {}
        }
    }

    fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].hash;
        if let Some(index) = &mut self.index
            && let Ok(entry) = index.find_entry(mix(hash), |&j| j as usize == i)
        {
            entry.remove();
        }
        let e = &mut self.entries[i];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.len -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        (key, value)
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_undef());
        if self.entries.len() > SMALL {
            self.rebuild_index();
        } else {
            self.index = None;
        }
    }

    fn rebuild_index(&mut self) {
        let mut index = HashTable::with_capacity(self.entries.len() * 2);
        for (i, e) in self.entries.iter().enumerate() {
            if !e.key.is_undef() {
                let entries = &self.entries;
                index.insert_unique(mix(e.hash), i as u32, |&j| mix(entries[j as usize].hash));
            }
        }
        self.index = Some(index);
    }
}

impl Drop for PyDict {
    fn drop(&mut self) {
        let entries = std::mem::take(&mut self.inner.get_mut().entries);
        super::drop::release(entries.into_iter().flat_map(|e| [e.key, e.value]));
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    /// An empty dict with room for `n` entries before it must grow.
    pub fn with_capacity(n: usize) -> PyDict {
        let inner = Inner { entries: Vec::with_capacity(n), ..Inner::default() };
        PyDict { inner: PyLock::new(inner), mutations: Default::default() }
    }

    pub fn len(&self) -> usize {
        self.inner.lock().len
    }

    /// The write counter (see `mutations`).
    #[inline]
    pub fn mutations(&self) -> u64 {
        self.mutations.load(std::sync::atomic::Ordering::Acquire)
    }

    fn bump(&self) {
        use std::sync::atomic::Ordering;
        if super::sync::locking_enabled() {
            self.mutations.fetch_add(1, Ordering::AcqRel);
        } else {
            // Only one thread can write: no atomic read-modify-write needed.
            self.mutations.store(self.mutations.load(Ordering::Relaxed) + 1, Ordering::Release);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.inner.lock().version
    }

    /// Looks `key` up and runs `found` on its entry, or `missing` if there
    /// is none, each under the lock. `__eq__` calls run outside the lock;
    /// the entry is checked again before use, as Python code may have
    /// changed the dict meanwhile.
    fn locate<R>(
        &self,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
        mut found: impl FnMut(&mut Inner, usize) -> R,
        mut missing: impl FnMut(&mut Inner) -> R,
    ) -> PyResult<R> {
        'retry: loop {
            let (ask, version) = {
                let mut inner = self.inner.lock();
                match inner.probe(key, hash) {
                    Probe::Found(i) => return Ok(found(&mut inner, i)),
                    Probe::Missing => return Ok(missing(&mut inner)),
                    Probe::Ask(ask) => (ask, inner.version),
                }
            };
            for (i, k) in ask {
                if vm.eq(&k, key)? {
                    let mut inner = self.inner.lock();
                    if inner.entries.get(i).is_some_and(|e| e.key.is(&k)) {
                        return Ok(found(&mut inner, i));
                    }
                    continue 'retry;
                }
            }
            // No candidate was equal. The key is missing only if no key
            // came or went meanwhile: another thread may have inserted an
            // equal one (two `setdefault`s of equal keys must not both
            // insert), so a changed dict is looked up again.
            let mut inner = self.inner.lock();
            if inner.version != version {
                continue 'retry;
            }
            return Ok(missing(&mut inner));
        }
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            return Ok(self.get_str(s));
        }
        let hash = vm.hash(key)?;
        self.get_hashed(vm, key, hash)
    }

    pub fn get_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        self.locate(vm, key, hash, |inner, i| Some(inner.entries[i].value.clone()), |_| None)
    }

    /// Lookup by a str key, with no Python code involved.
    #[inline]
    pub fn get_str(&self, key: &PyStr) -> Option<Value> {
        let hash = key.hash();
        let inner = self.inner.lock();
        let i = inner.find_str(key.as_str(), hash)?;
        Some(inner.entries[i].value.clone())
    }

    /// The value of entry `index` if its key is `key` (compared by address
    /// first: names are interned).
    #[inline]
    pub fn value_at_key(&self, index: u32, key: &PyStr) -> Option<Value> {
        let inner = self.inner.lock();
        match inner.entries.get(index as usize) {
            Some(Entry { key: Value::Str(s), value, .. }) if std::ptr::eq(&**s, key) || s.as_str() == key.as_str() => {
                Some(value.clone())
            }
            _ => None,
        }
    }

    /// `get_str` that also tells the entry's position.
    pub fn get_str_index(&self, key: &PyStr) -> Option<(u32, Value)> {
        let inner = self.inner.lock();
        let i = inner.find_str(key.as_str(), key.hash())?;
        Some((i as u32, inner.entries[i].value.clone()))
    }

    /// `get_str` trying entry `hint` first: attributes of instances of one
    /// class sit at the same position in each instance's dict, and names
    /// are interned, so one pointer compare usually finds the entry. On a
    /// miss `hint` learns the new position.
    #[inline(always)]
    pub fn get_str_at(&self, key: &PyStr, hint: &mut u32) -> Option<Value> {
        {
            let inner = self.inner.lock();
            if let Some(Entry { key: Value::Str(s), value, .. }) = inner.entries.get(*hint as usize)
                && std::ptr::eq(&**s, key)
            {
                return Some(value.clone());
            }
        }
        self.get_str_search(key, hint)
    }

    /// The miss path of `get_str_at`, out of line to keep the hit small.
    #[inline(never)]
    fn get_str_search(&self, key: &PyStr, hint: &mut u32) -> Option<Value> {
        let inner = self.inner.lock();
        let i = inner.find_str(key.as_str(), key.hash())?;
        *hint = i as u32;
        Some(inner.entries[i].value.clone())
    }

    /// `set_str_ref` trying entry `hint` first (see `get_str_at`).
    /// Returns the new number of entries when the key was new.
    #[inline(always)]
    pub fn set_str_at(&self, key: &PyArc<PyStr>, value: Value, hint: &mut u32) -> Option<usize> {
        {
            let mut inner = self.inner.lock();
            let at = *hint as usize;
            if let Some(Entry { key: Value::Str(s), value: old, .. }) = inner.entries.get_mut(at)
                && PyArc::ptr_eq(s, key)
            {
                let old = std::mem::replace(old, value);
                drop(inner);
                self.bump();
                // The old value is released after the lock: dropping it
                // may free an object.
                drop(old);
                return None;
            }
        }
        self.set_str_search(key, value, hint)
    }

    /// The miss path of `set_str_at`: a search, or a new key.
    #[inline(never)]
    fn set_str_search(&self, key: &PyArc<PyStr>, value: Value, hint: &mut u32) -> Option<usize> {
        let mut inner = self.inner.lock();
        let hash = key.hash();
        let grown = match inner.find_str(key.as_str(), hash) {
            Some(i) => {
                *hint = i as u32;
                inner.entries[i].value = value;
                None
            }
            None => {
                *hint = inner.entries.len() as u32;
                inner.insert_new(hash, Value::Str(key.clone()), value);
                Some(inner.entries.len())
            }
        };
        drop(inner);
        self.bump();
        grown
    }

    /// Lookup by a Rust string whose hash is known.
    pub fn get_hashed_str(&self, key: &str, hash: i64) -> Option<Value> {
        let inner = self.inner.lock();
        inner.find_str(key, hash).map(|i| inner.entries[i].value.clone())
    }

    /// Lookup by a Rust string (hashes it first).
    pub fn get_item_str(&self, key: &str) -> Option<Value> {
        let inner = self.inner.lock();
        let hash = super::str::hash_bytes(key.as_bytes());
        inner.find_str(key, hash).map(|i| inner.entries[i].value.clone())
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.locate(vm, key, hash, |_, _| true, |_| false)
    }

    pub fn set(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(s) = &key {
            let s = s.clone();
            self.set_str(s, value);
            return Ok(());
        }
        let hash = vm.hash(&key)?;
        self.set_hashed(vm, key, hash, value)
    }

    pub fn set_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        let slot = std::cell::RefCell::new(Some((key.clone(), value)));
        let full = std::cell::Cell::new(false);
        self.locate(
            vm,
            &key,
            hash,
            |inner, i| {
                if let Some((_, v)) = slot.borrow_mut().take() {
                    inner.entries[i].value = v;
                }
            },
            |inner| {
                if !inner.try_make_room() {
                    full.set(true);
                } else if let Some((k, v)) = slot.borrow_mut().take() {
                    inner.insert_new(hash, k, v);
                }
            },
        )?;
        if full.get() {
            return Err(super::memory::memory_error());
        }
        self.bump();
        Ok(())
    }

    /// Insert or update a str key; never runs Python code.
    pub fn set_str(&self, key: PyArc<PyStr>, value: Value) {
        let hash = key.hash();
        let mut inner = self.inner.lock();
        match inner.find_str(key.as_str(), hash) {
            Some(i) => inner.entries[i].value = value,
            None => inner.insert_new(hash, Value::Str(key), value),
        }
        drop(inner);
        self.bump();
    }

    /// `set_str` that takes a reference to the key from the caller
    /// (an attribute name) only when the key is new.
    pub fn set_str_ref(&self, key: &PyArc<PyStr>, value: Value) {
        let hash = key.hash();
        let mut inner = self.inner.lock();
        match inner.find_str(key.as_str(), hash) {
            Some(i) => inner.entries[i].value = value,
            None => inner.insert_new(hash, Value::Str(key.clone()), value),
        }
        drop(inner);
        self.bump();
    }

    pub fn set_item_str(&self, key: &str, value: Value) {
        self.set_str(PyArc::new(PyStr::new(key.to_string())), value);
    }

    /// `setdefault`: the value of `key`, inserting `default` first if the
    /// key is missing, in one step under the lock (after any `__eq__`).
    pub fn setdefault(&self, vm: &mut Vm, key: Value, default: Value) -> PyResult<Value> {
        let hash = vm.hash(&key)?;
        let slot = std::cell::RefCell::new(Some((key.clone(), default.clone())));
        let (v, inserted) = self.locate(
            vm,
            &key,
            hash,
            |inner, i| (inner.entries[i].value.clone(), false),
            |inner| match slot.borrow_mut().take() {
                Some((k, v)) => {
                    inner.insert_new(hash, k, v.clone());
                    (v, true)
                }
                None => (default.clone(), false),
            },
        )?;
        if inserted {
            self.bump();
        }
        Ok(v)
    }

    pub fn remove(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let r = self.locate(vm, key, hash, |inner, i| Some(inner.remove_at(i).1), |_| None)?;
        self.bump();
        Ok(r)
    }

    pub fn remove_str(&self, key: &str) -> Option<Value> {
        let hash = super::str::hash_bytes(key.as_bytes());
        let mut inner = self.inner.lock();
        let i = inner.find_str(key, hash)?;
        let v = inner.remove_at(i).1;
        drop(inner);
        self.bump();
        Some(v)
    }

    pub fn clear(&self) {
        let mut inner = self.inner.lock();
        let version = inner.version + 1;
        let old = std::mem::replace(&mut *inner, Inner { version, ..Inner::default() });
        drop(inner);
        self.bump();
        drop(old);
    }

    /// Calls `f` on every key and value, under the lock (for the cycle
    /// collector: `f` must not touch Python objects' locks or run code).
    pub(crate) fn for_each_ref(&self, mut f: impl FnMut(&Value)) {
        for e in self.inner.lock().entries.iter().filter(|e| !e.key.is_undef()) {
            f(&e.key);
            f(&e.value);
        }
    }

    pub fn keys(&self) -> Vec<Value> {
        self.inner.lock().entries.iter().filter(|e| !e.key.is_undef()).map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.inner.lock().entries.iter().filter(|e| !e.key.is_undef()).map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner
            .lock()
            .entries
            .iter()
            .filter(|e| !e.key.is_undef())
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// Entries with their hashes, for copying into another dict or set.
    pub fn hashed_items(&self) -> Vec<(i64, Value, Value)> {
        self.inner
            .lock()
            .entries
            .iter()
            .filter(|e| !e.key.is_undef())
            .map(|e| (e.hash, e.key.clone(), e.value.clone()))
            .collect()
    }

    /// The live entry at or after slot `pos`, for iterators: returns the
    /// entry and the slot to continue from, and the dict's length.
    pub fn entry_from(&self, pos: usize) -> (Option<(usize, Value, Value)>, usize) {
        let inner = self.inner.lock();
        let found = inner.entries[pos.min(inner.entries.len())..]
            .iter()
            .enumerate()
            .find(|(_, e)| !e.key.is_undef())
            .map(|(k, e)| (pos + k + 1, e.key.clone(), e.value.clone()));
        (found, inner.len)
    }

    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut inner = self.inner.lock();
        let i = inner.entries.iter().rposition(|e| !e.key.is_undef())?;
        let kv = inner.remove_at(i);
        drop(inner);
        self.bump();
        Some(kv)
    }

    /// A shallow copy with the same order.
    pub fn copy(&self) -> PyDict {
        let mut inner = self.inner.lock().clone();
        inner.version = 0;
        PyDict { inner: PyLock::new(inner), mutations: Default::default() }
    }

    /// Inserts entries whose hashes are known (copying from another dict).
    pub fn extend_hashed(&self, vm: &mut Vm, items: Vec<(i64, Value, Value)>) -> PyResult<()> {
        for (h, k, v) in items {
            self.set_hashed(vm, k, h, v)?;
        }
        Ok(())
    }
}
