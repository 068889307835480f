//! `set` and `frozenset`: CPython's open-addressing table, reproduced.
//!
//! Printing a set shows its table order, so pyl follows CPython's
//! `setobject.c` exactly: table size, linear probes then perturbation,
//! dummies on deletion, when and how it resizes, and how the set
//! operations build their results. With CPython's hashes for ints,
//! floats and tuples, `print({3, 1, 2})` shows what CPython shows.

use super::sync::PyLock;
use smallvec::SmallVec;

use super::compare::fast_eq;
use super::value::Value;
use crate::vm::{PyResult, Vm};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Clone)]
pub struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop()` starts looking (CPython's `finger`).
    finger: usize,
    /// Which arrangement of slots this is: a new number whenever keys move
    /// (a new table, a resize), so a lookup that ran `__eq__` unlocked can
    /// tell whether the slot numbers it noted still mean the same keys.
    layout: u64,
}

/// The source of `Table::layout` numbers (shared by all sets, so a table
/// swapped in whole never repeats the number of the one it replaced).
static LAYOUTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn new_layout() -> u64 {
    LAYOUTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Default for Table {
    fn default() -> Table {
        Table { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0, layout: new_layout() }
    }
}

/// Where a probe for a key ended.
enum Probe {
    Found(usize),
    /// Not present; the slot to insert into, and whether it is a dummy.
    Missing(usize, bool),
    /// Keys with an equal hash that need Python's `__eq__`.
    Ask(SmallVec<[(usize, Value); 2]>),
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// CPython's `set_add_entry` probe sequence.
    fn probe(&self, key: &Value, hash: i64, known_unequal: &[usize]) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let mut ask: SmallVec<[(usize, Value); 2]> = SmallVec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        if !ask.is_empty() {
                            return Probe::Ask(ask);
                        }
                        return match freeslot {
                            Some(f) => Probe::Missing(f, true),
                            None => Probe::Missing(j, false),
                        };
                    }
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Full(h, k) if *h == hash => {
                        if known_unequal.contains(&j) {
                            continue;
                        }
                        match fast_eq(k, key) {
                            Some(true) => return Probe::Found(j),
                            Some(false) => {}
                            None => ask.push((j, k.clone())),
                        }
                    }
                    Slot::Full(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn insert_at(&mut self, slot: usize, dummy: bool, hash: i64, key: Value) {
        self.slots[slot] = Slot::Full(hash, key);
        self.used += 1;
        if dummy {
            return;
        }
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
    }

    /// CPython's `set_insert_clean`: for keys known to be absent.
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Full(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for slot in &mut slots[i + 1..=i + LINEAR_PROBES] {
                    if matches!(slot, Slot::Empty) {
                        *slot = Slot::Full(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.layout = new_layout();
        self.fill = self.used;
        for s in old {
            if let Slot::Full(h, k) = s {
                Table::insert_clean(&mut self.slots, h, k);
            }
        }
    }

    /// Empties slot `i` (which is full), returning its key.
    fn take_at(&mut self, i: usize) -> Value {
        self.used -= 1;
        match std::mem::replace(&mut self.slots[i], Slot::Dummy) {
            Slot::Full(_, k) => k,
            _ => Value::None,
        }
    }

    fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(h, k) => Some((*h, k)),
            _ => None,
        })
    }
}

/// What `PySet::apply_all` does with each item.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    /// `|=`, `update`.
    Add,
    /// `-=`, `difference_update`.
    Discard,
    /// `^=`, `symmetric_difference_update`.
    Toggle,
}

/// A set or frozenset (which one is told by the `Value` variant).
#[derive(Default)]
pub struct PySet {
    table: PyLock<Table>,
}

impl Drop for PySet {
    fn drop(&mut self) {
        let slots = std::mem::take(&mut self.table.get_mut().slots);
        super::drop::release(slots.into_iter().filter_map(|s| match s {
            Slot::Full(_, v) => Some(v),
            _ => None,
        }));
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    pub fn len(&self) -> usize {
        self.table.lock().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a probe, asking Python about equality outside the lock; then
    /// `act` runs under the lock with the final probe result.
    fn with_probe<R>(
        &self,
        vm: &mut Vm,
        key: &Value,
        hash: i64,
        mut act: impl FnMut(&mut Table, Option<usize>, Option<(usize, bool)>) -> R,
    ) -> PyResult<R> {
        let mut unequal: SmallVec<[usize; 2]> = SmallVec::new();
        let mut layout = None;
        loop {
            let ask = {
                let mut t = self.table.lock();
                // Slots noted unequal under another layout say nothing now.
                if layout.replace(t.layout).is_some_and(|l| l != t.layout) {
                    unequal.clear();
                }
                match t.probe(key, hash, &unequal) {
                    Probe::Found(i) => return Ok(act(&mut t, Some(i), None)),
                    Probe::Missing(slot, dummy) => {
                        return Ok(act(&mut t, None, Some((slot, dummy))));
                    }
                    Probe::Ask(ask) => ask,
                }
            };
            for (i, k) in ask {
                let equal = vm.eq(&k, key)?;
                let t = self.table.lock();
                let still = matches!(&t.slots.get(i), Some(Slot::Full(_, k2)) if k2.is(&k));
                drop(t);
                if !still {
                    unequal.clear();
                    break;
                }
                if equal {
                    let mut t = self.table.lock();
                    return Ok(act(&mut t, Some(i), None));
                }
                unequal.push(i);
            }
        }
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, key, hash)
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        self.with_probe(vm, key, hash, |_, found, _| found.is_some())
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        let mut key = Some(key);
        let probe_key = key.clone().unwrap_or_default();
        self.with_probe(vm, &probe_key, hash, |t, found, missing| {
            if found.is_none()
                && let (Some((slot, dummy)), Some(k)) = (missing, key.take())
            {
                t.insert_at(slot, dummy, hash, k);
            }
        })
    }

    /// Removes `key`; true if it was present.
    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.discard_hashed(vm, key, hash)
    }

    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        let removed = self.with_probe(vm, key, hash, |t, found, _| found.map(|i| t.take_at(i)))?;
        Ok(removed.is_some())
    }

    /// The elements with their hashes, in table order.
    pub fn hashed_items(&self) -> Vec<(i64, Value)> {
        self.table.lock().entries().map(|(h, k)| (h, k.clone())).collect()
    }

    /// Calls `f` on every element, under the lock (for the cycle
    /// collector: `f` must not touch Python objects' locks or run code).
    pub(crate) fn for_each_ref(&self, mut f: impl FnMut(&Value)) {
        for (_, k) in self.table.lock().entries() {
            f(k);
        }
    }

    pub fn items(&self) -> Vec<Value> {
        self.table.lock().entries().map(|(_, k)| k.clone()).collect()
    }

    /// The element in slot `pos` or later, and the slot after it.
    pub fn item_from(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.table.lock();
        t.slots.iter().enumerate().skip(pos).find_map(|(i, s)| match s {
            Slot::Full(_, k) => Some((i + 1, k.clone())),
            _ => None,
        })
    }

    /// `set.pop()`: scans from the finger left by the previous pop.
    pub fn pop(&self) -> Option<Value> {
        let mut t = self.table.lock();
        if t.used == 0 {
            return None;
        }
        let n = t.slots.len();
        let mut i = t.finger & (n - 1);
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = (i + 1) % n;
        }
        let Slot::Full(_, k) = std::mem::replace(&mut t.slots[i], Slot::Dummy) else {
            return None;
        };
        t.used -= 1;
        t.finger = i + 1;
        Some(k)
    }

    pub fn clear(&self) {
        // The old elements are released after the lock: dropping them may
        // free objects.
        let old = std::mem::take(&mut *self.table.lock());
        drop(old);
    }

    /// A copy with the same table (CPython's `set_merge` into an empty set).
    pub fn copy(&self) -> PySet {
        let t = self.table.lock();
        let mut new = Table::default();
        merge_into(&mut new, &t);
        PySet { table: PyLock::new(new) }
    }

    /// The frozenset CPython's compiler makes for a set display of three or
    /// more constants (`{-1, -5, 3}`): built from the items in order, then
    /// rebuilt in its own iteration order when the compiler merges
    /// constants. The display's set copies that table, so its order can
    /// differ from adding the items one by one. Keys are constants, whose
    /// equality needs no Python code.
    pub fn constant_frozenset(items: Vec<(i64, Value)>) -> PySet {
        fn build(items: impl Iterator<Item = (i64, Value)>) -> Table {
            let mut t = Table::default();
            for (h, k) in items {
                if let Probe::Missing(slot, dummy) = t.probe(&k, h, &[]) {
                    t.insert_at(slot, dummy, h, k);
                }
            }
            t
        }
        let first = build(items.into_iter());
        let second = build(first.entries().map(|(h, k)| (h, k.clone())));
        PySet::from_table(second)
    }

    pub fn from_table(t: Table) -> PySet {
        PySet { table: PyLock::new(t) }
    }

    /// `set_merge`: adds every element of `other`.
    pub fn update_from_set(&self, vm: &mut Vm, other: &PySet) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let other_t = other.table.lock().clone();
        {
            let mut t = self.table.lock();
            if t.fill == 0 {
                merge_into(&mut t, &other_t);
                return Ok(());
            }
            if (t.fill + other_t.used) * 5 >= t.mask() * 3 {
                let minused = (t.used + other_t.used) * 2;
                t.resize(minused);
            }
        }
        let items: Vec<(i64, Value)> = other_t.entries().map(|(h, k)| (h, k.clone())).collect();
        self.apply_all(vm, Batch::Add, &items)
    }

    /// Applies `op` to each of `items` (hashed already), in order. Items
    /// whose equality Rust decides are done in one step under the lock, so
    /// an in-place operator or `update` is one atomic set operation, as in
    /// CPython; from the first key that needs a Python `__eq__` on, each
    /// item is its own atomic step (no element is lost either way).
    pub fn apply_all(&self, vm: &mut Vm, op: Batch, items: &[(i64, Value)]) -> PyResult<()> {
        let mut removed: Vec<Value> = Vec::new();
        let done = {
            let mut t = self.table.lock();
            let mut done = 0;
            for (h, k) in items {
                match t.probe(k, *h, &[]) {
                    Probe::Found(i) => {
                        if op != Batch::Add {
                            removed.push(t.take_at(i));
                        }
                    }
                    Probe::Missing(slot, dummy) => {
                        if op != Batch::Discard {
                            t.insert_at(slot, dummy, *h, k.clone());
                        }
                    }
                    Probe::Ask(_) => break,
                }
                done += 1;
            }
            done
        };
        // Removed keys are released unlocked: dropping one may free objects.
        drop(removed);
        for (h, k) in &items[done..] {
            match op {
                Batch::Add => self.add_hashed(vm, k.clone(), *h)?,
                Batch::Discard => {
                    self.discard_hashed(vm, k, *h)?;
                }
                Batch::Toggle => self.toggle_hashed(vm, k.clone(), *h)?,
            }
        }
        Ok(())
    }

    /// Removes `key` if present, else adds it: one atomic step.
    pub fn toggle_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        let mut key = Some(key);
        let probe_key = key.clone().unwrap_or_default();
        let removed = self.with_probe(vm, &probe_key, hash, |t, found, missing| match (found, missing) {
            (Some(i), _) => Some(t.take_at(i)),
            (None, Some((slot, dummy))) => {
                if let Some(k) = key.take() {
                    t.insert_at(slot, dummy, hash, k);
                }
                None
            }
            (None, None) => None,
        })?;
        drop(removed);
        Ok(())
    }

    /// `&=` and `intersection_update`: CPython builds the intersection and
    /// swaps it in. When Rust decides every comparison that happens under
    /// this set's lock in one step; otherwise the intersection is built
    /// with Python's `__eq__` and then swapped in.
    pub fn intersection_update_from(&self, vm: &mut Vm, other: &PySet) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let other_t = other.table.lock().clone();
        let old = {
            let mut t = self.table.lock();
            let (small, big): (&Table, &Table) = if other_t.used > t.used { (&*t, &other_t) } else { (&other_t, &*t) };
            let mut r = Table::default();
            let mut decided = true;
            for (h, k) in small.entries() {
                match big.probe(k, h, &[]) {
                    Probe::Found(_) => match r.probe(k, h, &[]) {
                        Probe::Missing(slot, dummy) => r.insert_at(slot, dummy, h, k.clone()),
                        Probe::Found(_) => {}
                        Probe::Ask(_) => decided = false,
                    },
                    Probe::Missing(..) => {}
                    Probe::Ask(_) => decided = false,
                }
                if !decided {
                    break;
                }
            }
            decided.then(|| std::mem::replace(&mut *t, r))
        };
        if old.is_some() {
            return Ok(());
        }
        let r = super::set_ops::intersection(vm, self, &PySet::from_table(other_t))?;
        let new = r.table.lock().clone();
        let old = std::mem::replace(&mut *self.table.lock(), new);
        drop(old);
        Ok(())
    }

    /// Pre-sizes for `n` more elements, as CPython does before adding a dict.
    pub fn reserve_for(&self, n: usize) {
        let mut t = self.table.lock();
        if (t.fill + n) * 5 >= t.mask() * 3 {
            let minused = (t.used + n) * 2;
            t.resize(minused);
        }
    }
}

/// Copies `src` into an empty table the way `set_merge` does.
fn merge_into(dst: &mut Table, src: &Table) {
    if (dst.fill + src.used) * 5 >= dst.mask() * 3 {
        dst.resize((dst.used + src.used) * 2);
    }
    if dst.slots.len() == src.slots.len() && src.fill == src.used {
        dst.slots = src.slots.clone();
        dst.fill = src.fill;
        dst.used = src.used;
        return;
    }
    dst.fill = src.used;
    dst.used = src.used;
    for (h, k) in src.entries() {
        Table::insert_clean(&mut dst.slots, h, k.clone());
    }
}
