//! Where tracked objects are recorded: a buffer per thread, so recording
//! takes no lock and shares no cache line with other threads.
//!
//! A buffer is written by its own thread only while that thread may run
//! Python code (it holds the GIL, or counts as running in `--no-gil` mode),
//! and read by the collector only while every other thread is stopped:
//! the rule `PyLock` relies on, so the two never overlap. A buffer outlives
//! its thread (the objects it records do); the collector takes over the
//! contents of every buffer each time and drops those of ended threads.

use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use super::Tracked;

struct Buffer {
    objs: UnsafeCell<Vec<Tracked>>,
    /// Recorded since this thread last added to `MADE`.
    pending: Cell<usize>,
    /// Its thread has ended.
    orphaned: AtomicBool,
}

// SAFETY: see the module docs: the owner and the collector never touch a
// buffer at the same time, and nothing else touches it.
unsafe impl Sync for Buffer {}
// SAFETY: as above.
unsafe impl Send for Buffer {}

/// Every thread's buffer.
static BUFFERS: Mutex<Vec<Arc<Buffer>>> = Mutex::new(Vec::new());
/// Objects recorded since the last collection, all threads (updated in
/// steps of `FLUSH`, so threads rarely write the shared counter).
static MADE: AtomicUsize = AtomicUsize::new(0);
const FLUSH: usize = 64;

/// This thread's buffer; marks it orphaned when the thread ends.
struct Local {
    buffer: Arc<Buffer>,
}

impl Drop for Local {
    fn drop(&mut self) {
        self.buffer.orphaned.store(true, Ordering::Relaxed);
    }
}

thread_local! {
    static LOCAL: Local = {
        let buffer = Arc::new(Buffer {
            objs: UnsafeCell::new(Vec::new()),
            pending: Cell::new(0),
            orphaned: AtomicBool::new(false),
        });
        BUFFERS.lock().unwrap_or_else(PoisonError::into_inner).push(buffer.clone());
        Local { buffer }
    };
}

/// Records a new object.
pub(super) fn record(t: Tracked) {
    // A thread being torn down (its thread-locals gone) records nothing:
    // its object stays untracked, which is always safe.
    let _ = LOCAL.try_with(|l| {
        let b = &l.buffer;
        // SAFETY: this thread owns the buffer and may run Python code
        // (it is making an object), so the collector is not reading it.
        unsafe { (*b.objs.get()).push(t) };
        let n = b.pending.get() + 1;
        if n < FLUSH {
            b.pending.set(n);
            return;
        }
        b.pending.set(0);
        let made = MADE.fetch_add(n, Ordering::Relaxed) + n;
        super::maybe_request(made);
    });
}

pub(super) fn made_since_collection() -> usize {
    MADE.load(Ordering::Relaxed)
}

/// Takes every recorded object out of every buffer, and forgets the
/// buffers of ended threads. The caller must be the only thread running.
pub(super) fn take_all() -> Vec<Tracked> {
    let mut buffers = BUFFERS.lock().unwrap_or_else(PoisonError::into_inner);
    let mut all = Vec::new();
    for b in buffers.iter() {
        // SAFETY: every other thread is stopped (the caller's contract).
        let objs = unsafe { &mut *b.objs.get() };
        if all.is_empty() {
            all = std::mem::take(objs);
        } else {
            all.append(objs);
        }
    }
    buffers.retain(|b| !b.orphaned.load(Ordering::Relaxed));
    MADE.store(0, Ordering::Relaxed);
    all
}

/// Gives the survivors of a collection back, to this thread's buffer.
/// The caller must be the only thread running.
pub(super) fn put_back(survivors: Vec<Tracked>) {
    let survivors = Cell::new(Some(survivors));
    let _ = LOCAL.try_with(|l| {
        // SAFETY: every other thread is stopped (the caller's contract).
        let objs = unsafe { &mut *l.buffer.objs.get() };
        objs.extend(survivors.take().into_iter().flatten());
    });
}
