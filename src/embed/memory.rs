//! The memory limit: how many bytes a script's objects hold, counted
//! where Rust allocates them.
//!
//! Rust has one allocator per process, so the only place that sees every
//! allocation is the global allocator, which only the host can choose.
//! [`CountingAllocator`] wraps any allocator and, on a thread that runs an
//! interpreter with a memory limit, adds each allocation's size to that
//! interpreter's count (`HostState::memory_used`) and takes each free
//! off it. A thread is bound to an interpreter while its `Vm` exists
//! ([`Account`], held by the `Vm`): the interpreter's worker thread and
//! every thread its scripts start. Memory freed on some other thread (a
//! host dropping an `Object`) is not taken off, so the count errs high,
//! never low.
//!
//! The count is checked at every eval-breaker tick (`HostState::tick`)
//! and before each script-sized buffer is reserved (`runtime/memory.rs`
//! asks [`request`]), so one huge request is refused before it is made,
//! with or without the counting allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::host::HostState;
use crate::vm::{PyResult, Shared};

thread_local! {
    /// The limits of the interpreter this thread runs, if it has a
    /// memory limit. A plain pointer: the allocator must not allocate,
    /// and a `Cell` of a pointer needs no destructor, so it is readable
    /// for as long as the thread lives.
    static BOUND: Cell<*const HostState> = const { Cell::new(std::ptr::null()) };
}

/// A global allocator that counts what scripts allocate, for
/// [`Builder::max_memory`](crate::Builder::max_memory). It forwards every
/// request to the allocator it wraps; threads that run no interpreter
/// with a memory limit pay one thread-local read per request.
///
/// ```
/// #[global_allocator]
/// static ALLOC: pyl::CountingAllocator = pyl::CountingAllocator::new(std::alloc::System);
///
/// fn main() {
///     let interp = pyl::Interpreter::builder().max_memory(50_000_000).build();
///     let err = interp.exec("xs = []\nwhile True:\n    xs.append(str(len(xs)))").unwrap_err();
///     assert!(matches!(err, pyl::Error::Limit(pyl::Limit::Memory(_))));
/// }
/// ```
pub struct CountingAllocator<A = System>(A);

impl<A> CountingAllocator<A> {
    /// Counts the requests served by `inner`.
    pub const fn new(inner: A) -> CountingAllocator<A> {
        CountingAllocator(inner)
    }
}

/// Adds `delta` bytes to the count of the interpreter this thread runs.
#[inline]
fn count(delta: isize) {
    let _ = BOUND.try_with(|b| {
        let host = b.get();
        if !host.is_null() {
            // SAFETY: `Account` sets the pointer from a `HostState` kept
            // alive by the `Arc<Shared>` it holds, and clears it before
            // letting that go.
            unsafe { (*host).memory_used.fetch_add(delta, Ordering::Relaxed) };
        }
    });
}

// SAFETY: every request is forwarded unchanged to the wrapped allocator;
// counting only touches an atomic and never allocates.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAllocator<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on.
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on.
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on.
        unsafe { self.0.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is passed on.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Binds the current thread to an interpreter's memory count while it
/// lives (held by the thread's `Vm`).
pub(crate) struct Account {
    shared: Arc<Shared>,
    previous: *const HostState,
}

impl Account {
    /// Binds this thread if `shared`'s interpreter has a memory limit.
    pub(crate) fn bind(shared: &Arc<Shared>) -> Option<Account> {
        if shared.host.max_memory == 0 {
            return None;
        }
        let previous = BOUND.with(|b| b.replace(&shared.host as *const HostState));
        Some(Account { shared: shared.clone(), previous })
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        BOUND.with(|b| b.set(self.previous));
        // Only now may the `HostState` go (with the last `Arc<Shared>`).
        let _ = &self.shared;
    }
}

// SAFETY: an `Account` is created and dropped on the thread it binds
// (it lives in that thread's `Vm`); the pointer is only compared and
// restored there.
unsafe impl Send for Account {}

/// Refuses a script's request for `bytes` more if it would pass the
/// memory limit of the interpreter this thread runs.
#[inline]
pub(crate) fn request(bytes: usize) -> PyResult<()> {
    let host = BOUND.with(|b| b.get());
    if host.is_null() {
        return Ok(());
    }
    // SAFETY: as in `count`.
    unsafe { (*host).request(bytes) }
}
