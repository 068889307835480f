//! Per-module import locks: a module's body runs once, and every other
//! thread importing it waits until it has finished (CPython's
//! `_ModuleLock`s).
//!
//! A module is registered in `sys.modules` before its body runs, so that
//! circular imports see it; another thread finding it there must not take
//! it while its body still runs. Each module being imported therefore has
//! an owner (the thread running its body); a thread that wants it waits
//! until the owner is done, then looks in `sys.modules` again (a failed
//! import removed it, and the waiter tries itself). The owner importing
//! its own module again (a circular import) gets the partial module at
//! once, and so does a thread whose wait would close a cycle of threads
//! each waiting for a module another one owns: CPython's deadlock rule.
//!
//! Locks are per module, never one for all imports, so a module body may
//! start a thread that imports something else and join it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::runtime::fork_sync::{Condvar, Mutex};

#[derive(Default)]
struct State {
    /// Module name -> ident of the thread running its body.
    owners: HashMap<String, u64>,
    /// Thread ident -> the module it waits for.
    waiting: HashMap<u64, String>,
}

#[derive(Default)]
pub struct ImportLocks {
    state: Mutex<State>,
    released: Condvar,
    /// How many modules have an owner: when none does, a module found in
    /// `sys.modules` is complete without taking `state`.
    active: AtomicUsize,
}

/// What taking a module's import lock gave.
pub enum Acquired<'a> {
    /// The caller owns the module until the guard drops: it checks
    /// `sys.modules` again and runs the body if the module is still absent.
    Owner(ImportGuard<'a>),
    /// The caller already runs this module's body, or waiting would
    /// deadlock: it takes the module as it is.
    Partial,
}

pub struct ImportGuard<'a> {
    locks: &'a ImportLocks,
    name: String,
}

impl ImportLocks {
    pub fn new() -> ImportLocks {
        ImportLocks::default()
    }

    /// Whether `name` is being imported by a thread other than `me`.
    pub fn busy(&self, name: &str, me: u64) -> bool {
        if self.active.load(Ordering::SeqCst) == 0 {
            return false;
        }
        self.state.lock().owners.get(name).is_some_and(|&owner| owner != me)
    }

    /// Takes `name`'s lock if that needs no wait; `None` if the caller must
    /// wait (with the interpreter lock released) in `acquire`.
    pub fn try_acquire(&self, name: &str, me: u64) -> Option<Acquired<'_>> {
        let mut st = self.state.lock();
        match st.owners.get(name) {
            None => Some(self.own(&mut st, name, me)),
            Some(&owner) if owner == me || closes_cycle(&st, owner, me) => Some(Acquired::Partial),
            Some(_) => None,
        }
    }

    /// Takes `name`'s lock, waiting for its owner to finish.
    pub fn acquire(&self, name: &str, me: u64) -> Acquired<'_> {
        let mut st = self.state.lock();
        loop {
            if let Some(a) = self.step(&mut st, name, me) {
                return a;
            }
            self.released.wait(&mut st);
        }
    }

    /// One look of a waiter that polls instead of blocking here (under the
    /// deterministic scheduler): takes the lock, or records the wait (for
    /// the cycle rule) and returns None.
    pub fn poll_acquire(&self, name: &str, me: u64) -> Option<Acquired<'_>> {
        self.step(&mut self.state.lock(), name, me)
    }

    fn step(&self, st: &mut State, name: &str, me: u64) -> Option<Acquired<'_>> {
        match st.owners.get(name) {
            None => {
                st.waiting.remove(&me);
                Some(self.own(st, name, me))
            }
            Some(&owner) if owner == me || closes_cycle(st, owner, me) => {
                st.waiting.remove(&me);
                Some(Acquired::Partial)
            }
            Some(_) => {
                st.waiting.insert(me, name.to_string());
                None
            }
        }
    }

    fn own(&self, st: &mut State, name: &str, me: u64) -> Acquired<'_> {
        st.owners.insert(name.to_string(), me);
        self.active.fetch_add(1, Ordering::SeqCst);
        Acquired::Owner(ImportGuard { locks: self, name: name.to_string() })
    }

    /// In a child made by fork: imports owned by threads that did not
    /// survive are forgotten (their bodies will never finish here); `me`'s
    /// own stay, as its guards will release them.
    ///
    /// # Safety
    /// The calling thread must be the only thread of the process.
    pub unsafe fn reset_after_fork(&self, me: u64) {
        // `state` is only held for a short update; if a vanished thread was
        // inside one, the table cannot be trusted and is dropped whole.
        let kept: HashMap<String, u64> = match self.state.try_lock() {
            Some(st) => st.owners.iter().filter(|&(_, &o)| o == me).map(|(n, &o)| (n.clone(), o)).collect(),
            None => HashMap::new(),
        };
        self.active.store(kept.len(), Ordering::SeqCst);
        // SAFETY: the caller's contract.
        unsafe { self.state.reset_after_fork(State { owners: kept, waiting: HashMap::new() }) };
    }
}

/// Whether `me` waiting for a module owned by `owner` closes a cycle:
/// `owner` waits (perhaps through other threads) for a module `me` owns.
fn closes_cycle(st: &State, owner: u64, me: u64) -> bool {
    let mut t = owner;
    // Each thread waits for at most one module, so the chain is a path;
    // its length bounds the walk even if the table were inconsistent.
    for _ in 0..=st.waiting.len() {
        let Some(wanted) = st.waiting.get(&t) else { return false };
        match st.owners.get(wanted) {
            Some(&next) if next == me => return true,
            Some(&next) => t = next,
            None => return false,
        }
    }
    false
}

impl Drop for ImportGuard<'_> {
    fn drop(&mut self) {
        let mut st = self.locks.state.lock();
        if st.owners.remove(&self.name).is_some() {
            self.locks.active.fetch_sub(1, Ordering::SeqCst);
        }
        drop(st);
        self.locks.released.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_reenters_and_others_wait() {
        let l = ImportLocks::new();
        let g = l.try_acquire("m", 1);
        assert!(matches!(g, Some(Acquired::Owner(_))));
        assert!(matches!(l.try_acquire("m", 1), Some(Acquired::Partial)));
        assert!(l.try_acquire("m", 2).is_none());
        assert!(l.busy("m", 2));
        drop(g);
        assert!(!l.busy("m", 2));
        assert!(matches!(l.try_acquire("m", 2), Some(Acquired::Owner(_))));
    }

    #[test]
    fn a_wait_closing_a_cycle_gets_the_partial_module() {
        let l = ImportLocks::new();
        let _a = l.try_acquire("a", 1);
        let _b = l.try_acquire("b", 2);
        // Thread 1 waits for b (as `acquire` records it).
        l.state.lock().waiting.insert(1, "b".into());
        assert!(matches!(l.try_acquire("a", 2), Some(Acquired::Partial)));
    }
}
