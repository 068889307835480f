//! Where tracked objects are recorded.
//!
//! Each thread gathers its records in a batch of its own (no lock, no
//! shared cache line on the path that makes an object) and hands a full
//! batch to the registry of the interpreter it runs ([`attach`]); the
//! collector takes the registry's contents under its mutex. Records still
//! in a thread's batch are simply not looked at by that collection: an
//! untracked object is always safe (see the `gc` module docs), and the
//! thread that calls `gc.collect()` hands over its own batch first. A
//! thread's batch is handed over when it switches interpreter and when
//! it ends.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

use super::Tracked;
use crate::runtime::fork_sync::Mutex;
use crate::vm::Shared;

/// Records per batch: small enough that few objects wait, large enough
/// that the registry's mutex and counters are rarely touched.
const BATCH: usize = 64;

/// An interpreter's tracked objects.
#[derive(Default)]
pub(super) struct Registry {
    /// A mutex that survives fork (see `fork_sync`).
    objs: Mutex<Vec<Tracked>>,
    /// Objects handed over since the last collection.
    made: AtomicUsize,
}

impl Registry {
    pub(super) fn made(&self) -> usize {
        self.made.load(Ordering::Relaxed)
    }

    /// Takes every recorded object (for a collection).
    pub(super) fn take_all(&self) -> Vec<Tracked> {
        let mut objs = self.objs.lock();
        self.made.store(0, Ordering::Relaxed);
        std::mem::take(&mut *objs)
    }

    /// Gives the survivors of a collection back.
    pub(super) fn put_back(&self, mut survivors: Vec<Tracked>) {
        let mut objs = self.objs.lock();
        // Batches handed over during the collection are kept too — when
        // memory allows; if not, those objects stay untracked (safe).
        if survivors.try_reserve(objs.len()).is_ok() {
            survivors.append(&mut objs);
        }
        *objs = survivors;
    }

    /// In a child made by fork: another thread of the parent may have held
    /// the mutex at the fork, and does not exist here to release it.
    ///
    /// # Safety
    /// Only the calling thread exists in the process.
    pub(super) unsafe fn reset_after_fork(&self) {
        // Records a vanished thread was handing over are lost: those
        // objects stay untracked, which is safe.
        let kept = self.objs.try_lock().map(|mut objs| std::mem::take(&mut *objs)).unwrap_or_default();
        // SAFETY: the caller's contract.
        unsafe { self.objs.reset_after_fork(kept) };
    }
}

/// This thread's batch, and the interpreter it belongs to.
struct Local {
    batch: Vec<Tracked>,
    shared: Weak<Shared>,
}

impl Local {
    /// Hands the batch to the interpreter (or drops it if that is gone:
    /// its objects then stay untracked).
    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let Some(shared) = self.shared.upgrade() else {
            self.batch.clear();
            return;
        };
        // Objects already freed by reference counting are not handed over
        // and do not count towards the next collection, as CPython's
        // gen-0 count goes down when a tracked object is freed: a loop that
        // makes and drops a list per iteration (`s += [i]`) never collects.
        // Dropping the dead records also frees their memory now.
        self.batch.retain(Tracked::is_alive);
        if self.batch.is_empty() {
            return;
        }
        let n = self.batch.len();
        {
            let mut objs = shared.gc.registry.objs.lock();
            // The registry grows with the program's objects, by a lot at a
            // time: when memory runs out the batch's objects stay untracked
            // (always safe) rather than abort the process.
            if objs.try_reserve(n).is_err() {
                self.batch.clear();
                return;
            }
            objs.append(&mut self.batch);
        }
        let made = shared.gc.registry.made.fetch_add(n, Ordering::Relaxed) + n;
        if shared.gc.wants_collection(made) {
            shared.gil.request_collection();
        }
    }
}

impl Drop for Local {
    fn drop(&mut self) {
        self.flush();
    }
}

thread_local! {
    static LOCAL: RefCell<Local> = const { RefCell::new(Local { batch: Vec::new(), shared: Weak::new() }) };
}

/// Makes `shared` the interpreter this thread records objects for (when
/// the thread's VM is made).
pub(crate) fn attach(shared: &Arc<Shared>) {
    let _ = LOCAL.try_with(|l| {
        let mut l = l.borrow_mut();
        if !std::ptr::eq(l.shared.as_ptr(), Arc::as_ptr(shared)) {
            l.flush();
            l.shared = Arc::downgrade(shared);
        }
    });
}

/// Records a new object.
#[inline]
pub(super) fn record(t: Tracked) {
    // A thread being torn down (its thread-locals gone) records nothing:
    // its object stays untracked, which is always safe.
    let _ = LOCAL.try_with(|l| {
        // Never contended: flushing makes no object.
        if let Ok(mut l) = l.try_borrow_mut() {
            l.batch.push(t);
            if l.batch.len() >= BATCH {
                l.flush();
            }
        }
    });
}

/// Hands this thread's batch over now (before it collects).
pub(super) fn flush_this_thread() {
    let _ = LOCAL.try_with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            l.flush();
        }
    });
}

/// Records waiting in this thread's batch.
pub(super) fn batched() -> usize {
    LOCAL.try_with(|l| l.try_borrow().map_or(0, |l| l.batch.iter().filter(|t| t.is_alive()).count())).unwrap_or(0)
}

/// The interpreter this thread records objects for, if it still exists
/// (for an object freed on this thread that wants its `__del__` called).
pub(crate) fn attached() -> Option<Arc<Shared>> {
    LOCAL.try_with(|l| l.try_borrow().ok().and_then(|l| l.shared.upgrade())).ok().flatten()
}
