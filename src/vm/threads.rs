//! Threads of one interpreter: starting them, the eval breaker, and
//! blocking with the interpreter lock released.
//!
//! A new thread gets its own `Vm` (frame stack, value stack) over the same
//! `Shared`, takes the interpreter lock and calls its function. Blocking
//! calls go through `Vm::wait_released`, which drops the lock while it
//! waits and, in the main thread, wakes up often enough to turn a Ctrl-C
//! into KeyboardInterrupt.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::{PyErr, PyResult, Shared, Vm};
use crate::runtime::dict::PyDict;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// Native stack of a Python thread. Python-to-Python calls do not use it;
/// Rust calling back into Python does, and is bounded by the stack guard.
const THREAD_STACK: usize = 64 * 1024 * 1024;

/// How long a waiting main thread sleeps between looks for a Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

/// Numbers threads in the order they start (never reused, unlike idents).
static THREAD_SERIAL: AtomicU64 = AtomicU64::new(1);

/// Per-thread state the runtime keeps besides the stacks.
pub struct ThreadState {
    /// Whether this is the interpreter's main thread (it alone receives
    /// KeyboardInterrupt).
    pub is_main: bool,
    /// A unique number for this thread, never reused.
    pub serial: u64,
    /// Per-thread storage for `threading.local` objects, freed with the thread.
    pub locals: Arc<PyDict>,
}

impl ThreadState {
    pub fn new(is_main: bool) -> ThreadState {
        ThreadState { is_main, serial: THREAD_SERIAL.fetch_add(1, Ordering::Relaxed), locals: Arc::new(PyDict::new()) }
    }
}

/// KeyboardInterrupt, as Ctrl-C raises it.
pub fn keyboard_interrupt() -> PyErr {
    PyErr::with_args(&types().exc.keyboard_interrupt, Vec::new())
}

impl Vm {
    /// Runs at an eval-breaker point when the breaker word is non-zero:
    /// hands the lock over if another thread asked for it and raises a
    /// pending Ctrl-C in the main thread.
    #[cold]
    #[inline(never)]
    pub(crate) fn handle_breaker(&mut self) -> PyResult<()> {
        self.signals_after_call()?;
        self.shared.gil.yield_to_waiters();
        Ok(())
    }

    /// After a native call, when a signal is pending: the main thread runs
    /// the handlers (other threads leave that to it).
    #[cold]
    #[inline(never)]
    pub(crate) fn signals_after_call(&mut self) -> PyResult<()> {
        if self.thread.is_main && self.shared.gil.take_signal() {
            self.run_signal_handlers()?;
        }
        Ok(())
    }

    /// Runs `f` with the interpreter lock released. `f` must not touch
    /// Python objects: other threads run meanwhile.
    pub fn allow_threads<R>(&self, f: impl FnOnce() -> R) -> R {
        self.shared.gil.release();
        let r = f();
        self.shared.gil.acquire();
        r
    }

    /// Blocks with the interpreter lock released until `attempt` succeeds
    /// or `deadline` passes. `attempt(until)` waits at most until `until`
    /// (forever if None) and returns Some when done. Returns None at the
    /// deadline; in the main thread a Ctrl-C raises KeyboardInterrupt.
    pub fn wait_released<R>(
        &mut self,
        deadline: Option<Instant>,
        mut attempt: impl FnMut(Option<Instant>) -> Option<R>,
    ) -> PyResult<Option<R>> {
        let main = self.thread.is_main;
        let shared = self.shared.clone();
        let gil = &shared.gil;
        loop {
            gil.release();
            let result = loop {
                let until = if main {
                    let poll = Instant::now() + SIGNAL_POLL;
                    Some(deadline.map_or(poll, |d| d.min(poll)))
                } else {
                    deadline
                };
                if let Some(r) = attempt(until) {
                    break Some(Some(r));
                }
                if main && gil.signal_pending() {
                    break None;
                }
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    break Some(None);
                }
            };
            gil.acquire();
            match result {
                Some(r) => return Ok(r),
                // A signal: run its handler (which may raise), then go
                // on waiting, as CPython does (PEP 475).
                None => {
                    if gil.take_signal() {
                        self.run_signal_handlers()?;
                    }
                }
            }
        }
    }

    /// Sleeps with the lock released (`time.sleep`).
    pub fn sleep(&mut self, secs: f64) -> PyResult<()> {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        self.wait_released(Some(deadline), |until| {
            if let Some(u) = until {
                std::thread::sleep(u.saturating_duration_since(Instant::now()));
            }
            None::<()>
        })?;
        Ok(())
    }

    /// Starts a thread running `func(*args, **kwargs)`; returns its ident.
    /// An exception escaping `func` is reported like CPython's
    /// `sys.unraisablehook` does for `_thread.start_new_thread`.
    pub fn start_thread(&mut self, func: Value, args: Vec<Value>, kwargs: Vec<(Arc<PyStr>, Value)>) -> PyResult<u64> {
        if !self.shared.gil.is_enabled() && !crate::runtime::sync::locking_enabled() {
            // This thread is the only one running Python code: turn on
            // object locking before a second one can start.
            crate::runtime::sync::enable_locking();
        }
        let shared = self.shared.clone();
        let (tx, rx) = crossbeam_channel::bounded::<u64>(1);
        let spawned = std::thread::Builder::new()
            .stack_size(THREAD_STACK)
            .spawn(move || thread_main(shared, func, args, kwargs, tx));
        if let Err(e) = spawned {
            return Err(PyErr::new(&types().exc.runtime_error, format!("can't start new thread: {e}")));
        }
        // The ident is known once the thread runs; wait for it without the lock.
        let ident = self.allow_threads(|| rx.recv().unwrap_or(0));
        Ok(ident)
    }
}

/// The ident `_thread.get_ident()` reports: the pthread handle, as CPython.
pub fn current_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// The kernel's thread id (`threading.get_native_id()`).
pub fn native_id() -> u64 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() as u64 }
}

fn thread_main(
    shared: Arc<Shared>,
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(Arc<PyStr>, Value)>,
    started: crossbeam_channel::Sender<u64>,
) {
    let mut vm = Vm::new(shared.clone(), THREAD_STACK);
    vm.thread = ThreadState::new(false);
    let _ = started.send(current_ident());
    shared.gil.acquire();
    if let Err(e) = vm.call_value(&func, &args, &kwargs)
        && !e.is(&types().exc.system_exit)
    {
        let what = vm.repr(&func).unwrap_or_else(|_| "<function>".into());
        vm.flush_std();
        let _ = vm.shared.stderr.write(&format!("Exception ignored in thread started by: {what}\n"));
        vm.print_exception(&e);
    }
    // Drop the thread's Python state while it still holds the lock.
    drop(args);
    drop(func);
    vm.frames.clear();
    vm.stack.clear();
    vm.exc_info = Value::None;
    vm.thread.locals = Arc::new(PyDict::new());
    shared.gil.release();
}
