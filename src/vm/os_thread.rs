//! Threads started with `pthread_create` itself, not `std::thread`.
//!
//! A thread that `std::thread` starts or ends takes a process-wide mutex
//! of the standard library (the table its stack-overflow handler reads,
//! locked in the new thread's prologue and in its epilogue, outside any
//! code of ours). pyl forks while other threads run (`multiprocessing`
//! used from threads), and a fork that lands while some thread of the
//! parent is starting or ending leaves that mutex locked in the child for
//! good: the child's first new thread (a `Queue` feeder, a `Thread` of its
//! own) then blocks forever. Nothing outside std can release the mutex or
//! wait for it, so every thread that may run beside a fork — Python
//! threads, the deadlock watcher — is started here, where starting and
//! ending take no lock a child could inherit.
//!
//! The allocator has the same kind of locks (mimalloc takes one when a
//! thread's heap is set up or torn down), and so has whatever else a thread
//! does on its first and last steps, outside any code of ours. So threads
//! started here also tell `before_fork` where they are: a fork waits until
//! no thread is between `pthread_create` and its first allocation, and
//! until every thread that has finished has really ended (it is joined).
//! The other threads are stopped at eval-breaker points (no-GIL) or wait
//! for the interpreter lock, where they hold no lock of the allocator.
//!
//! The `pyl` binary loses nothing: `main.rs` already puts SIGSEGV back to
//! its default action (a Python program's `os.kill(pid, SIGSEGV)` must kill
//! it), so std's "has overflowed its stack" message was not shown for any
//! thread. In an embedding host that keeps std's handler, a thread started
//! here that overflowed would die by a plain SIGSEGV instead of that
//! message; Rust recursion on user data checks the stack left before each
//! level (`vm/recursion.rs`), so none is expected to.

use std::ffi::{CString, c_void};
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

type Body = Box<dyn FnOnce() + Send + 'static>;

/// The stack of the runtime's own service threads (the deadlock watcher,
/// the embedding watchdog): std's default for a thread.
pub const SERVICE_STACK: usize = 2 * 1024 * 1024;

/// What the new thread is handed: its name and its body.
struct Start {
    name: Option<CString>,
    body: Body,
}

/// Where the threads started here are in their lives, for `before_fork`.
struct Lives {
    /// Threads created and not yet past their first allocation.
    starting: usize,
    /// Threads whose body has returned and that nobody has joined yet.
    ending: Vec<libc::pthread_t>,
    /// A fork is being prepared: no thread starts or ends meanwhile.
    forking: bool,
}

static LIVES: Mutex<Lives> = Mutex::new(Lives { starting: 0, ending: Vec::new(), forking: false });
static LIVES_CHANGED: Condvar = Condvar::new();

fn lives() -> MutexGuard<'static, Lives> {
    LIVES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Changes `Lives` and wakes whoever waits for a change.
fn change(mut l: MutexGuard<'static, Lives>, f: impl FnOnce(&mut Lives)) {
    f(&mut l);
    drop(l);
    LIVES_CHANGED.notify_all();
}

/// Waits while a fork is being prepared.
fn unless_forking(mut l: MutexGuard<'static, Lives>) -> MutexGuard<'static, Lives> {
    while l.forking {
        l = LIVES_CHANGED.wait(l).unwrap_or_else(PoisonError::into_inner);
    }
    l
}

/// Held across `fork()`: no thread started here is starting or ending,
/// and none can begin to until the guard is dropped (in the parent and in
/// the child alike).
pub struct ForkGuard {
    lives: Option<MutexGuard<'static, Lives>>,
}

impl Drop for ForkGuard {
    fn drop(&mut self) {
        if let Some(l) = self.lives.take() {
            change(l, |l| l.forking = false);
        }
    }
}

/// Call just before `fork()`, with the other threads stopped or waiting
/// for the interpreter lock; keep the guard until `fork` has returned.
pub fn before_fork() -> ForkGuard {
    let mut l = unless_forking(lives());
    l.forking = true;
    loop {
        // Ended threads are joined first: each is past its body and only
        // runs what the C library and std do when a thread exits.
        for handle in std::mem::take(&mut l.ending) {
            // SAFETY: a joinable thread of ours, joined exactly once.
            unsafe { libc::pthread_join(handle, std::ptr::null_mut()) };
        }
        if l.starting == 0 {
            break;
        }
        l = LIVES_CHANGED.wait(l).unwrap_or_else(PoisonError::into_inner);
    }
    ForkGuard { lives: Some(l) }
}

/// Starts a thread with a stack of `stack_size` bytes running `body`; it
/// is joined here, not by the caller. `name` (Linux keeps 15 bytes) is
/// what `ps` and debuggers show. A panic in `body` ends that thread only,
/// after the panic hook has reported it, as it would in a `std::thread`.
pub fn spawn(name: Option<&str>, stack_size: usize, body: impl FnOnce() + Send + 'static) -> io::Result<()> {
    let name =
        name.map(|n| CString::new(n.bytes().filter(|&b| b != 0).take(15).collect::<Vec<u8>>()).unwrap_or_default());
    let start = Box::into_raw(Box::new(Start { name, body: Box::new(body) }));
    let mut l = unless_forking(lives());
    l.starting += 1;
    let failed = |rc: i32, l: MutexGuard<'static, Lives>| {
        change(l, |l| l.starting -= 1);
        // SAFETY: the thread was not created: `start` is still ours.
        drop(unsafe { Box::from_raw(start) });
        Err(io::Error::from_raw_os_error(rc))
    };
    // SAFETY: `attr` is initialised before use and destroyed after; the
    // start routine takes ownership of `start` exactly once, and when the
    // thread cannot be created it is reclaimed here instead. The lock on
    // `LIVES` is held until the thread exists, so a fork cannot come
    // between its creation and its count in `starting`.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        let rc = libc::pthread_attr_init(&mut attr);
        if rc != 0 {
            return failed(rc, l);
        }
        let page = page_size();
        let size = stack_size.max(libc::PTHREAD_STACK_MIN).div_ceil(page) * page;
        let mut rc = libc::pthread_attr_setstacksize(&mut attr, size);
        let mut handle: libc::pthread_t = 0;
        if rc == 0 {
            rc = libc::pthread_create(&mut handle, &attr, thread_start, start.cast());
        }
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 {
            return failed(rc, l);
        }
    }
    Ok(())
}

extern "C" fn thread_start(data: *mut c_void) -> *mut c_void {
    // SAFETY: `spawn` passes a `Box<Start>` it gave up, to this thread alone.
    let start = unsafe { Box::from_raw(data.cast::<Start>()) };
    // The allocator sets up this thread's heap on its first allocation.
    drop(std::hint::black_box(Box::new(0u64)));
    change(lives(), |l| l.starting -= 1);
    if let Some(name) = &start.name {
        // SAFETY: names this thread with a NUL-terminated string of at
        // most 15 bytes.
        unsafe { libc::pthread_setname_np(libc::pthread_self(), name.as_ptr()) };
    }
    // The hook has printed the panic; unwinding further would abort.
    let _ = catch_unwind(AssertUnwindSafe(start.body));
    ending();
    std::ptr::null_mut()
}

/// The body has returned: this thread is to be joined, and joins the
/// threads that ended before it, so at most a few stacks wait for a join.
fn ending() {
    let mut l = unless_forking(lives());
    l.ending.retain(|&other| {
        // SAFETY: a joinable thread of ours, listed once and removed when
        // joined; tryjoin does not wait.
        unsafe { libc::pthread_tryjoin_np(other, std::ptr::null_mut()) != 0 }
    });
    // SAFETY: pthread_self has no preconditions.
    l.ending.push(unsafe { libc::pthread_self() });
}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if page > 0 { page as usize } else { 4096 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_the_body_with_the_stack_asked_for() {
        let (tx, rx) = std::sync::mpsc::channel();
        spawn(Some("pyl test thread name"), 1 << 20, move || {
            let mut buf = [0u8; 32];
            // SAFETY: `buf` has room for the name and its NUL.
            unsafe { libc::pthread_getname_np(libc::pthread_self(), buf.as_mut_ptr().cast(), buf.len()) };
            let name = String::from_utf8_lossy(&buf).trim_end_matches('\0').to_string();
            // A 512 KiB array on the stack fits in 1 MiB.
            let big = std::hint::black_box([1u8; 512 * 1024]);
            tx.send((name, big.iter().map(|&b| b as usize).sum::<usize>())).unwrap();
        })
        .unwrap();
        assert_eq!(rx.recv().unwrap(), ("pyl test thread".to_string(), 512 * 1024));
    }

    #[test]
    fn a_panic_ends_only_its_thread() {
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        spawn(None, 1 << 20, move || {
            let _keep = tx;
            panic!("in a test thread");
        })
        .unwrap();
        // The sender is dropped by the unwinding: the channel closes.
        assert!(rx.recv().is_err());
    }
}
