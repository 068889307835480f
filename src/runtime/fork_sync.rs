//! `Mutex` and `Condvar` for the locks threads *block* on (the interpreter
//! lock, `_thread` locks, conditions), made to survive `fork`.
//!
//! parking_lot keeps one process-wide table of waiting threads, guarded by
//! per-bucket spin locks. If another thread is inside that table when a
//! thread forks (which happens all the time while threads queue for the
//! GIL), the child inherits a bucket lock that nobody will ever release,
//! and its next wait or notify on any lock hashed to that bucket spins
//! forever. `std::sync`'s Linux mutex and condvar are futex words inside
//! the object itself, with no shared table, so a child can only be stuck
//! on a lock that was really held at the fork, and `reset_after_fork`
//! clears that for the locks the interpreter owns.
//!
//! The API follows parking_lot's (a guard that condvars wait on by `&mut`)
//! so the blocking code reads the same; poisoning is ignored because a
//! panic in pyl ends the process (see `main.rs`).

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::PoisonError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Mutex<T> {
    /// In a cell so that `reset_after_fork` can replace a mutex left
    /// locked by a thread that does not exist in the child.
    inner: UnsafeCell<std::sync::Mutex<T>>,
}

// SAFETY: all access goes through the std mutex, except `reset_after_fork`,
// whose caller guarantees no other thread exists.
unsafe impl<T: Send> Sync for Mutex<T> {}
// SAFETY: moving the mutex moves the data; `T: Send` makes that sound.
unsafe impl<T: Send> Send for Mutex<T> {}

pub struct MutexGuard<'a, T> {
    /// Always `Some` outside `Condvar` waits, which take it out and put the
    /// re-acquired guard back.
    inner: Option<std::sync::MutexGuard<'a, T>>,
}

impl<T> Mutex<T> {
    pub const fn new(value: T) -> Mutex<T> {
        Mutex { inner: UnsafeCell::new(std::sync::Mutex::new(value)) }
    }

    fn std(&self) -> &std::sync::Mutex<T> {
        // SAFETY: the cell is only written by `reset_after_fork`, when no
        // other reference is in use.
        unsafe { &*self.inner.get() }
    }

    pub fn lock(&self) -> MutexGuard<'_, T> {
        MutexGuard { inner: Some(self.std().lock().unwrap_or_else(PoisonError::into_inner)) }
    }

    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        match self.std().try_lock() {
            Ok(g) => Some(MutexGuard { inner: Some(g) }),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(MutexGuard { inner: Some(e.into_inner()) }),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// In a child made by fork: forgets any holder and sets the value.
    ///
    /// # Safety
    /// The calling thread must be the only thread of the process, and hold
    /// no guard of this mutex.
    pub unsafe fn reset_after_fork(&self, value: T) {
        // SAFETY: per the contract nobody else can observe the write; the
        // old mutex's value is dropped as usual.
        unsafe { *self.inner.get() = std::sync::Mutex::new(value) };
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Self {
        Mutex::new(T::default())
    }
}

impl<T> Deref for MutexGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.inner.as_deref().expect("guard present outside a wait")
    }
}

impl<T> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.inner.as_deref_mut().expect("guard present outside a wait")
    }
}

/// What a timed wait reports, as parking_lot's `WaitTimeoutResult`.
pub struct WaitTimeoutResult(bool);

impl WaitTimeoutResult {
    pub fn timed_out(&self) -> bool {
        self.0
    }
}

/// std's condvar makes a futex system call on every notify; this one
/// counts its waiters so that a notify nobody waits for (most lock
/// releases) costs one atomic load.
#[derive(Default)]
pub struct Condvar {
    inner: std::sync::Condvar,
    /// Changed only with the mutex held, so a notifier that changed the
    /// waited-for state under the same mutex sees every waiter.
    waiters: AtomicUsize,
}

impl Condvar {
    pub const fn new() -> Condvar {
        Condvar { inner: std::sync::Condvar::new(), waiters: AtomicUsize::new(0) }
    }

    pub fn wait<T>(&self, guard: &mut MutexGuard<'_, T>) {
        let g = guard.inner.take().expect("guard present outside a wait");
        self.waiters.fetch_add(1, Ordering::Relaxed);
        guard.inner = Some(self.inner.wait(g).unwrap_or_else(PoisonError::into_inner));
        self.waiters.fetch_sub(1, Ordering::Relaxed);
    }

    pub fn wait_for<T>(&self, guard: &mut MutexGuard<'_, T>, timeout: Duration) -> WaitTimeoutResult {
        if timeout.is_zero() {
            // A zero-length futex wait still sleeps for the kernel's timer
            // slack (~50 µs): a wait whose time is up returns at once.
            return WaitTimeoutResult(true);
        }
        let g = guard.inner.take().expect("guard present outside a wait");
        self.waiters.fetch_add(1, Ordering::Relaxed);
        let (g, result) = self.inner.wait_timeout(g, timeout).unwrap_or_else(PoisonError::into_inner);
        self.waiters.fetch_sub(1, Ordering::Relaxed);
        guard.inner = Some(g);
        WaitTimeoutResult(result.timed_out())
    }

    pub fn wait_until<T>(&self, guard: &mut MutexGuard<'_, T>, deadline: Instant) -> WaitTimeoutResult {
        let timeout = deadline.saturating_duration_since(Instant::now());
        self.wait_for(guard, timeout)
    }

    /// Call after changing the waited-for state under the mutex (with the
    /// guard held or already dropped: dropping it first saves the woken
    /// thread from blocking on the mutex at once).
    pub fn notify_one(&self) {
        if self.waiters.load(Ordering::Relaxed) > 0 {
            self.inner.notify_one();
        }
    }

    pub fn notify_all(&self) {
        if self.waiters.load(Ordering::Relaxed) > 0 {
            self.inner.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn wait_and_notify() {
        let pair = Arc::new((Mutex::new(false), Condvar::new()));
        let other = pair.clone();
        let t = std::thread::spawn(move || {
            *other.0.lock() = true;
            other.1.notify_all();
        });
        let mut ready = pair.0.lock();
        while !*ready {
            pair.1.wait(&mut ready);
        }
        drop(ready);
        t.join().unwrap();
    }

    #[test]
    fn timed_wait_times_out() {
        let m = Mutex::new(());
        let c = Condvar::new();
        let mut g = m.lock();
        assert!(c.wait_for(&mut g, Duration::from_millis(5)).timed_out());
    }

    #[test]
    fn reset_forgets_the_holder() {
        let m = Mutex::new(1);
        std::mem::forget(m.lock());
        // SAFETY: this test's thread is the only user of `m`.
        unsafe { m.reset_after_fork(2) };
        assert_eq!(*m.lock(), 2);
    }
}
