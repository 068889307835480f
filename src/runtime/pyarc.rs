//! `PyArc`: the reference-counted handle every heap `Value` holds, whose
//! count is atomic only while two threads can touch objects at once.
//!
//! An atomic increment or decrement (`lock xadd`) costs about 9 ns on the
//! machines we measure on, against well under 1 ns for a plain one, and an
//! ordinary program does one pair per value it pushes and pops: with
//! `std::sync::Arc` a quarter to a third of the run time of nbody,
//! richards or a dict-and-string program went into the two lines that
//! move the count. CPython's counts are plain integers because its GIL
//! serialises every access; pyl does the same whenever it can:
//!
//! - The count is a plain load and store while the process is *exclusive*:
//!   all threads that touch Python objects are serialised by one lock
//!   (the GIL, or a single thread in `--no-gil` mode). The `pyl` command
//!   starts exclusive (`set_exclusive`); the same switch that turns
//!   object locking on when a second thread starts without the GIL
//!   (`sync::enable_locking`) turns the atomic counts on, for good, while
//!   the starting thread is the only one running Python code.
//! - A library host starts atomic, since the host's threads hold
//!   [`Object`](crate::Object)s and drop them without the lock, and two
//!   interpreters in one process share the builtin types' objects.
//!
//! The rule the exclusive mode relies on, as object locking does (see
//! `sync.rs`): no thread clones or drops a `Value` while it does not hold
//! the interpreter lock. Code that releases the lock to block
//! (`allow_threads`) moves what it needs in and out, or holds plain Rust
//! data. Weak counts are always atomic: they are rare, and the cycle
//! collector's registry and the caches drop their weak handles wherever
//! they are.
//!
//! Layout and orderings follow `std::sync::Arc` (a strong count, a weak
//! count that holds one reference for all the strong ones, then the
//! data), so the atomic mode has exactly std's guarantees.

use std::alloc::{Layout, dealloc};
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering, fence};

/// Whether counts must be updated atomically. True until a single-lock
/// program says otherwise; once set again it stays set.
static ATOMIC: AtomicBool = AtomicBool::new(true);

/// Declares the process exclusive: from now on every thread that touches
/// Python objects holds one lock, or only one such thread exists. Call
/// before any thread that could touch objects is started.
pub fn set_exclusive() {
    ATOMIC.store(false, Ordering::SeqCst);
}

/// Whether counts are atomic (always, once `set_atomic` ran).
pub fn is_atomic() -> bool {
    ATOMIC.load(Ordering::Relaxed)
}

/// Turns atomic counts on for the rest of the process. Call while the
/// calling thread is the only one touching Python objects.
pub fn set_atomic() {
    ATOMIC.store(true, Ordering::SeqCst);
}

// `repr(C)`: the strong count is first whatever `T` is, so
// `add_strong_raw` can count a reference without knowing the payload type.
#[repr(C)]
struct Inner<T> {
    strong: AtomicUsize,
    /// One for all the strong references together, plus one per `PyWeak`.
    weak: AtomicUsize,
    data: T,
}

/// A reference-counted pointer to a Python object's Rust payload.
pub struct PyArc<T> {
    ptr: NonNull<Inner<T>>,
    phantom: PhantomData<Inner<T>>,
}

/// A handle that does not keep the object alive (`PyArc::downgrade`), or
/// points at nothing (`PyWeak::default()`).
pub struct PyWeak<T> {
    ptr: Option<NonNull<Inner<T>>>,
}

// SAFETY: as for `std::sync::Arc`: the payload is shared between threads
// (`Sync`) and dropped by whichever thread lets go last (`Send`); the
// counts are atomic whenever two threads can use them at once.
unsafe impl<T: Send + Sync> Send for PyArc<T> {}
// SAFETY: see `Send`.
unsafe impl<T: Send + Sync> Sync for PyArc<T> {}
// SAFETY: see `PyArc`'s `Send`.
unsafe impl<T: Send + Sync> Send for PyWeak<T> {}
// SAFETY: see `PyArc`'s `Send`.
unsafe impl<T: Send + Sync> Sync for PyWeak<T> {}

impl<T> PyArc<T> {
    pub fn new(data: T) -> PyArc<T> {
        let inner = Box::new(Inner { strong: AtomicUsize::new(1), weak: AtomicUsize::new(1), data });
        PyArc { ptr: NonNull::from(Box::leak(inner)), phantom: PhantomData }
    }

    #[inline(always)]
    fn inner(&self) -> &Inner<T> {
        // SAFETY: the allocation lives while any strong reference does.
        unsafe { self.ptr.as_ref() }
    }

    /// The payload's address: an object's identity (`id()`).
    #[inline]
    pub fn as_ptr(this: &PyArc<T>) -> *const T {
        // SAFETY: the pointer is valid; `addr_of!` takes no reference.
        unsafe { std::ptr::addr_of!((*this.ptr.as_ptr()).data) }
    }

    /// Whether both handles point at the same object (`is`).
    #[inline]
    pub fn ptr_eq(a: &PyArc<T>, b: &PyArc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// How many strong references exist. Exact while the caller holds
    /// the interpreter lock in exclusive mode, or is the only holder.
    #[inline]
    pub fn strong_count(this: &PyArc<T>) -> usize {
        this.inner().strong.load(Ordering::Acquire)
    }

    /// The payload, mutably, if this is the only reference (no weak ones).
    pub fn get_mut(this: &mut PyArc<T>) -> Option<&mut T> {
        let inner = this.inner();
        // The same test as std: a unique strong count and no `PyWeak`
        // that could upgrade meanwhile (weak == 1 is the strong ones').
        if inner.weak.load(Ordering::Acquire) == 1 && inner.strong.load(Ordering::Acquire) == 1 {
            // SAFETY: no other handle exists to read the payload.
            Some(unsafe { &mut (*this.ptr.as_ptr()).data })
        } else {
            None
        }
    }

    pub fn downgrade(this: &PyArc<T>) -> PyWeak<T> {
        let old = this.inner().weak.fetch_add(1, Ordering::Relaxed);
        assert!(old < isize::MAX as usize, "weak reference count overflow");
        PyWeak { ptr: Some(this.ptr) }
    }

    /// Drops the payload once the last strong reference is gone, then the
    /// strong references' share of the weak count.
    #[inline(never)]
    fn drop_slow(&mut self) {
        // SAFETY: the strong count is zero: nobody else reads the data.
        unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*self.ptr.as_ptr()).data)) };
        drop(PyWeak { ptr: Some(self.ptr) });
    }
}

/// Adds a strong reference to the object whose `PyArc` pointer is `ptr`,
/// whatever its payload type: `PyArc::clone` without the handle (for
/// `value_words`, which copies a `Value`'s bits).
///
/// # Safety
/// `ptr` is the pointer inside a live `PyArc`.
#[inline(always)]
pub unsafe fn add_strong_raw(ptr: *const u8) {
    // SAFETY: the caller's promise.
    add_strong(unsafe { strong_at(ptr) });
}

/// The strong count of the object whose `PyArc` pointer is `ptr`.
///
/// # Safety
/// `ptr` is the pointer inside a live `PyArc`.
#[inline(always)]
unsafe fn strong_at<'a>(ptr: *const u8) -> &'a AtomicUsize {
    // SAFETY: `Inner` is `repr(C)` with the count first; the object is live.
    unsafe { &*(ptr as *const AtomicUsize) }
}

/// Whether a strong count is an immortal object's.
#[inline(always)]
fn immortal(strong: &AtomicUsize) -> bool {
    strong.load(Ordering::Relaxed) & IMMORTAL != 0
}

/// Set in the strong count of an immortal object (`make_immortal_raw`).
/// Below `isize::MAX`, so the overflow check never fires on it, and far
/// above any real count, so the count never reaches zero.
pub const IMMORTAL: usize = 1 << 62;

/// Makes the object whose `PyArc` pointer is `ptr` immortal: from now on
/// clones and drops leave its count alone (in atomic mode; see
/// `vm/immortal.rs` for which objects and why) and it is never freed.
///
/// # Safety
/// `ptr` is the pointer inside a live `PyArc`; atomic mode is on.
pub unsafe fn make_immortal_raw(ptr: *const u8) {
    // SAFETY: the caller's promise.
    unsafe { strong_at(ptr) }.fetch_or(IMMORTAL, Ordering::Relaxed);
}

/// Whether the object whose `PyArc` pointer is `ptr` is immortal.
///
/// # Safety
/// `ptr` is the pointer inside a live `PyArc`.
pub unsafe fn is_immortal_raw(ptr: *const u8) -> bool {
    // SAFETY: the caller's promise.
    immortal(unsafe { strong_at(ptr) })
}

#[inline(always)]
fn add_strong(strong: &AtomicUsize) {
    if ATOMIC.load(Ordering::Relaxed) {
        // An immortal object's count is only read: threads that share it
        // (a function every thread calls) do not fight over its cache line.
        if immortal(strong) {
            return;
        }
        let old = strong.fetch_add(1, Ordering::Relaxed);
        if old > isize::MAX as usize {
            std::process::abort();
        }
    } else {
        // Exclusive: no other thread can be reading or writing it.
        strong.store(strong.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    }
}

impl<T> Clone for PyArc<T> {
    #[inline(always)]
    fn clone(&self) -> PyArc<T> {
        add_strong(&self.inner().strong);
        PyArc { ptr: self.ptr, phantom: PhantomData }
    }
}

impl<T> Drop for PyArc<T> {
    #[inline(always)]
    fn drop(&mut self) {
        let strong = &self.inner().strong;
        if ATOMIC.load(Ordering::Relaxed) {
            if immortal(strong) {
                return;
            }
            if strong.fetch_sub(1, Ordering::Release) != 1 {
                return;
            }
            // Every other thread's use of the data happens before its free.
            fence(Ordering::Acquire);
        } else {
            let n = strong.load(Ordering::Relaxed);
            strong.store(n - 1, Ordering::Relaxed);
            if n != 1 {
                return;
            }
        }
        self.drop_slow();
    }
}

impl<T> Deref for PyArc<T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        &self.inner().data
    }
}

impl<T> AsRef<T> for PyArc<T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T> std::borrow::Borrow<T> for PyArc<T> {
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: fmt::Debug> fmt::Debug for PyArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: fmt::Display> fmt::Display for PyArc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<T: PartialEq> PartialEq for PyArc<T> {
    fn eq(&self, other: &PyArc<T>) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for PyArc<T> {}

impl<T: std::hash::Hash> std::hash::Hash for PyArc<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl<T> PyWeak<T> {
    /// The allocation's counts, if this handle points at one.
    fn inner(&self) -> Option<&Inner<T>> {
        // SAFETY: a weak reference keeps the allocation (not the data).
        self.ptr.map(|p| unsafe { &*p.as_ptr() })
    }

    /// A strong handle, if the object is still alive.
    pub fn upgrade(&self) -> Option<PyArc<T>> {
        let strong = &self.inner()?.strong;
        let mut n = strong.load(Ordering::Relaxed);
        loop {
            if n == 0 {
                return None;
            }
            match strong.compare_exchange_weak(n, n + 1, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => return self.ptr.map(|ptr| PyArc { ptr, phantom: PhantomData }),
                Err(now) => n = now,
            }
        }
    }

    /// How many strong references the object has (0 once it is gone).
    pub fn strong_count(&self) -> usize {
        self.inner().map_or(0, |i| i.strong.load(Ordering::Acquire))
    }

    /// The address the object had (or has): for identity checks only.
    pub fn as_ptr(&self) -> *const T {
        match self.ptr {
            // SAFETY: the allocation lives while this weak reference does.
            Some(p) => unsafe { std::ptr::addr_of!((*p.as_ptr()).data) },
            None => std::ptr::null(),
        }
    }
}

impl<T> Default for PyWeak<T> {
    fn default() -> PyWeak<T> {
        PyWeak { ptr: None }
    }
}

impl<T> Clone for PyWeak<T> {
    fn clone(&self) -> PyWeak<T> {
        if let Some(inner) = self.inner() {
            inner.weak.fetch_add(1, Ordering::Relaxed);
        }
        PyWeak { ptr: self.ptr }
    }
}

impl<T> Drop for PyWeak<T> {
    fn drop(&mut self) {
        let Some(ptr) = self.ptr else { return };
        // SAFETY: as in `inner`.
        let weak = unsafe { &(*ptr.as_ptr()).weak };
        if weak.fetch_sub(1, Ordering::Release) == 1 {
            fence(Ordering::Acquire);
            // SAFETY: the last reference of any kind: the data is already
            // dropped (the strong ones' share went last), free the memory.
            unsafe { dealloc(ptr.as_ptr().cast(), Layout::new::<Inner<T>>()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn counts_and_frees_like_std() {
        let marker = Arc::new(());
        let a = PyArc::new(marker.clone());
        let b = a.clone();
        assert_eq!(PyArc::strong_count(&a), 2);
        let w = PyArc::downgrade(&a);
        drop(a);
        assert!(w.upgrade().is_some());
        drop(b);
        assert!(w.upgrade().is_none());
        assert_eq!(w.strong_count(), 0);
        assert_eq!(Arc::strong_count(&marker), 1, "the payload was dropped");
    }

    #[test]
    fn get_mut_needs_a_unique_handle() {
        let mut a = PyArc::new(5);
        *PyArc::get_mut(&mut a).unwrap() = 6;
        let w = PyArc::downgrade(&a);
        assert!(PyArc::get_mut(&mut a).is_none());
        drop(w);
        let b = a.clone();
        assert!(PyArc::get_mut(&mut a).is_none());
        drop(b);
        assert_eq!(*a, 6);
    }
}
