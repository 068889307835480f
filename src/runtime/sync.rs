//! `PyLock`: the lock inside every mutable Python object, which costs
//! nothing while it cannot be contended.
//!
//! Objects are shared between threads, so each mutable one guards its
//! contents. But a lock is only needed when two threads can touch objects
//! at the same time: never with the GIL (the GIL holder is the only thread
//! running Python code, and it never gives the GIL up while it holds an
//! object's guard), and not while a program has a single thread. Locking
//! is therefore switched on for the whole process the first time a second
//! thread starts without the GIL, and stays on. The switch happens while
//! the starting thread is the only one running and holds no guard, so no
//! operation is ever half inside and half outside the locking regime.
//!
//! Rules every user of `PyLock` follows (and debug builds check): a guard
//! is held for one short Rust operation; no Python code runs, no thread
//! blocks, and the same object is not locked again while a guard is alive.

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::lock_api::RawMutex;

/// Whether objects must really be locked: set once threads run in
/// parallel. A process-wide switch rather than interpreter state because
/// objects do not know their interpreter; it only ever makes things safer.
static CONCURRENT: AtomicBool = AtomicBool::new(false);

/// Turns object locking on for the rest of the process. Call while the
/// calling thread is the only one running Python code.
pub fn enable_locking() {
    CONCURRENT.store(true, Ordering::SeqCst);
    // The same moment makes reference counts atomic, for the same reason.
    super::pyarc::set_atomic();
}

pub fn locking_enabled() -> bool {
    CONCURRENT.load(Ordering::Relaxed)
}

pub struct PyLock<T> {
    raw: parking_lot::RawMutex,
    #[cfg(debug_assertions)]
    held: AtomicBool,
    data: UnsafeCell<T>,
}

// SAFETY: access to `data` goes through `PyGuard`, which either holds the
// raw mutex or runs while no other thread can touch Python objects (see the
// module docs), so the data is never accessed from two threads at once.
unsafe impl<T: Send> Sync for PyLock<T> {}
// SAFETY: moving the lock moves the data; `T: Send` makes that sound.
unsafe impl<T: Send> Send for PyLock<T> {}

pub struct PyGuard<'a, T> {
    lock: &'a PyLock<T>,
    /// The raw mutex's acquisition, when locking is on.
    held: Option<<parking_lot::RawMutex as RawMutex>::Guard>,
}

impl<T> PyLock<T> {
    pub const fn new(data: T) -> PyLock<T> {
        PyLock {
            raw: <parking_lot::RawMutex as RawMutex>::INIT,
            #[cfg(debug_assertions)]
            held: AtomicBool::new(false),
            data: UnsafeCell::new(data),
        }
    }

    #[inline]
    pub fn lock(&self) -> PyGuard<'_, T> {
        let held = if locking_enabled() { Some(self.raw.lock()) } else { None };
        #[cfg(debug_assertions)]
        assert!(!self.held.swap(true, Ordering::Acquire), "a pyl object was locked twice (re-entrant access)");
        PyGuard { lock: self, held }
    }

    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }

    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

impl<T: Default> Default for PyLock<T> {
    fn default() -> PyLock<T> {
        PyLock::new(T::default())
    }
}

impl<T> Deref for PyGuard<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the guard gives exclusive access (see `PyLock`).
        unsafe { &*self.lock.data.get() }
    }
}

impl<T> DerefMut for PyGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard gives exclusive access (see `PyLock`).
        unsafe { &mut *self.lock.data.get() }
    }
}

impl<T> Drop for PyGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        #[cfg(debug_assertions)]
        self.lock.held.store(false, Ordering::Release);
        if let Some(g) = self.held.take() {
            // SAFETY: `g` is the acquisition this guard made in `lock`.
            unsafe { self.lock.raw.unlock(g) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_give_access() {
        let l = PyLock::new(vec![1, 2]);
        l.lock().push(3);
        assert_eq!(*l.lock(), vec![1, 2, 3]);
    }

    #[test]
    fn locks_for_real_when_enabled() {
        let l = std::sync::Arc::new(PyLock::new(0u64));
        enable_locking();
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let l = l.clone();
                std::thread::spawn(move || {
                    for _ in 0..10_000 {
                        *l.lock() += 1;
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(*l.lock(), 40_000);
    }
}
