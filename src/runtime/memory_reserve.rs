//! The emergency reserve: how running out of memory in the middle of an
//! ordinary allocation becomes a `MemoryError` instead of an abort.
//!
//! Script-sized buffers are reserved fallibly (`memory.rs`), but most
//! allocations are small and made where Rust cannot fail them — a new
//! list, a frame, a string — and Rust aborts the process when one of
//! those gets a null pointer. CPython raises `MemoryError` there. So the
//! process keeps a block of address space in reserve (mapped, never
//! touched: it costs no RAM, only the address space an `ulimit -v` limit
//! counts). When the global allocator gets a null pointer it calls
//! [`rescue`], which gives the reserve back to the system and retries:
//! the allocation succeeds, the program goes on for a moment with what the
//! reserve freed, and the thread that asked raises `MemoryError` at its
//! next eval-breaker point (the `MEMORY` bit). Unwinding the exception
//! frees what the program held, and the reserve is taken again as soon as
//! the address space allows: the bit stays set, and every few thousand
//! breaker checks the allocator is asked to give back what it holds unused
//! and the reserve is tried (programs run a little slower until then).
//!
//! A failed allocation that even the reserve cannot satisfy (a single
//! request larger than the reserve) returns null as before: fallible
//! callers turn that into `MemoryError`, the others abort, as without the
//! reserve. So does a second failure before the reserve is back: two
//! threads running out at the same moment, or a program that runs out
//! again before its allocator has returned what the first `MemoryError`
//! freed (the binary turns mimalloc's arenas off under an address-space
//! limit for that reason: memory in an arena is never unmapped). Only the `pyl` binary's allocator calls [`rescue`]; a host
//! that embeds the library chooses its own allocator and limits.

use std::cell::Cell;
use std::ptr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicUsize, Ordering};

use crate::vm::gil::MEMORY;

/// How much address space the reserve holds: enough for the allocator to
/// map a new region (mimalloc asks the system for tens of MiB at a time,
/// and over-maps to align it) and for the traceback printed after it.
const RESERVE_SIZE: usize = 128 << 20;

/// The reserve: one mapping straight from the system, with no access
/// (never touched, so it costs no RAM and no page faults); null while
/// given back.
static RESERVE: AtomicPtr<libc::c_void> = AtomicPtr::new(ptr::null_mut());

thread_local! {
    /// The eval breaker of the interpreter this thread runs, while its
    /// `Vm` exists; null on threads that run no Python code.
    static BREAKER: Cell<*const AtomicU32> = const { Cell::new(ptr::null()) };
    /// This thread was given the reserve and owes its program a
    /// `MemoryError`.
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// How many breaker checks pass between two tries to take the reserve
/// again: each try is a system call or two.
const RETRY_EVERY: usize = 4096;

/// Threads that owe their program a `MemoryError`.
static OWED: AtomicUsize = AtomicUsize::new(0);

/// Breaker checks made while the reserve was given back.
static TRIES: AtomicUsize = AtomicUsize::new(0);

/// Asks the allocator to give the system the memory it holds unused, so
/// that the reserve fits again.
static TRIM: OnceLock<fn()> = OnceLock::new();

/// Takes the reserve, at start-up. `trim` asks the global allocator to
/// return the memory it holds unused to the system (mimalloc keeps freed
/// segments mapped), so that the reserve can be taken again after a
/// `MemoryError` has freed the program's objects.
pub fn arm(trim: fn()) {
    let _ = TRIM.set(trim);
    take();
}

/// Whether the reserve is held.
fn held() -> bool {
    !RESERVE.load(Ordering::Acquire).is_null()
}

/// Maps the reserve if it is not held and the address space allows it.
fn take() {
    if held() {
        return;
    }
    // SAFETY: an anonymous private mapping with no access; nothing reads it.
    let p = unsafe {
        libc::mmap(
            ptr::null_mut(),
            RESERVE_SIZE,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p != libc::MAP_FAILED
        && RESERVE.compare_exchange(ptr::null_mut(), p, Ordering::AcqRel, Ordering::Acquire).is_err()
    {
        // Another thread mapped it first.
        // SAFETY: `p` is the mapping just made, of this size.
        unsafe { libc::munmap(p, RESERVE_SIZE) };
    }
}

/// Unmaps the reserve; false if it was not held.
fn give_back() -> bool {
    let r = RESERVE.swap(ptr::null_mut(), Ordering::AcqRel);
    if r.is_null() {
        return false;
    }
    // SAFETY: `r` is the reserve's mapping, of this size, and no longer
    // reachable through `RESERVE`.
    unsafe { libc::munmap(r, RESERVE_SIZE) };
    true
}

/// Called by the global allocator when a request failed: gives the
/// reserve back and runs `retry` (the same request again). If that
/// succeeds, this thread raises `MemoryError` at its next eval-breaker
/// point; if not, the reserve is taken again and null returned.
///
/// It never allocates.
#[cold]
#[inline(never)]
pub fn rescue(retry: impl FnOnce() -> *mut u8) -> *mut u8 {
    if !give_back() {
        return ptr::null_mut();
    }
    let p = retry();
    if p.is_null() {
        take();
        return p;
    }
    let _ = BREAKER.try_with(|b| {
        let breaker = b.get();
        if !breaker.is_null() {
            if PENDING.try_with(|p| !p.replace(true)) == Ok(true) {
                OWED.fetch_add(1, Ordering::AcqRel);
            }
            // SAFETY: `Binding` keeps the interpreter (and its breaker)
            // alive while the pointer is set.
            unsafe { (*breaker).fetch_or(MEMORY, Ordering::AcqRel) };
        }
    });
    p
}

/// What the eval breaker's `MEMORY` bit asks of this thread: whether it
/// owes its program a `MemoryError` (and no longer does). While the
/// reserve is given back, every so often the allocator is asked to return
/// what it no longer uses ([`arm`]'s `trim`) and the reserve is taken again;
/// the bit stays set until the reserve is back and no thread owes a
/// `MemoryError`.
pub(crate) fn at_breaker(breaker: &AtomicU32) -> bool {
    let pending = PENDING.with(|p| p.replace(false));
    if pending {
        OWED.fetch_sub(1, Ordering::AcqRel);
    }
    if !held() && (pending || TRIES.fetch_add(1, Ordering::Relaxed).is_multiple_of(RETRY_EVERY)) {
        if let Some(trim) = TRIM.get() {
            trim();
        }
        take();
    }
    if held() && OWED.load(Ordering::Acquire) == 0 {
        breaker.fetch_and(!MEMORY, Ordering::AcqRel);
    }
    pending
}

/// Binds the current thread to its interpreter's eval breaker while it
/// lives (held by the thread's `Vm`), so that [`rescue`] can reach it.
pub(crate) struct Binding {
    previous: *const AtomicU32,
    /// Keeps the interpreter, and so the breaker, alive.
    _shared: std::sync::Arc<crate::vm::Shared>,
}

impl Binding {
    pub(crate) fn bind(shared: &std::sync::Arc<crate::vm::Shared>) -> Binding {
        let breaker = &shared.gil.breaker as *const AtomicU32;
        let previous = BREAKER.with(|b| b.replace(breaker));
        Binding { previous, _shared: shared.clone() }
    }
}

impl Drop for Binding {
    fn drop(&mut self) {
        // A thread that ends owing a MemoryError leaves no bit behind for
        // the others to trip over.
        if PENDING.with(|p| p.replace(false)) {
            OWED.fetch_sub(1, Ordering::AcqRel);
        }
        BREAKER.with(|b| b.set(self.previous));
    }
}

// SAFETY: a `Binding` is created and dropped on the thread it binds (it
// lives in that thread's `Vm`); the pointers are only read there.
unsafe impl Send for Binding {}
