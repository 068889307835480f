//! Threads of one interpreter: starting them, the eval breaker, and
//! blocking with the interpreter lock released.
//!
//! A new thread gets its own `Vm` (frame stack, value stack) over the same
//! `Shared`, takes the interpreter lock and calls its function. Blocking
//! calls go through `Vm::wait_released`, which drops the lock while it
//! waits and, in the main thread, wakes up often enough to turn a Ctrl-C
//! into KeyboardInterrupt.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{PyErr, PyResult, Shared, Vm};
use crate::observe::record::ThreadRecord;
use crate::observe::site::Site;
use crate::observe::timeline::log::SpanEnd;
use crate::runtime::dict::PyDict;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// Native stack of a Python thread. Python-to-Python calls do not use it;
/// Rust calling back into Python does, and is bounded by the stack guard.
const THREAD_STACK: usize = 64 * 1024 * 1024;

/// How long a waiting main thread sleeps between looks for a Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

/// Per-thread state the runtime keeps besides the stacks.
pub struct ThreadState {
    /// Whether this is the interpreter's main thread (it alone receives
    /// KeyboardInterrupt).
    pub is_main: bool,
    /// What the interpreter lock records of this thread (`observe/`).
    pub record: Arc<ThreadRecord>,
    /// Per-thread storage for `threading.local` objects, freed with the thread.
    pub locals: Arc<PyDict>,
}

impl ThreadState {
    pub fn new(record: Arc<ThreadRecord>) -> ThreadState {
        ThreadState { is_main: record.is_main, record, locals: Arc::new(PyDict::new()) }
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
        self.shared.gil.at_breaker(&self.thread.record, || self.timeline_site());
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
        self.shared.gil.release(&self.thread.record, self.blocking_end("a blocking call"));
        let r = f();
        self.shared.gil.acquire(&self.thread.record);
        r
    }

    /// Where this thread is, for the timeline (None when it is off).
    pub(crate) fn timeline_site(&self) -> Option<Site> {
        self.shared.observe.settings.timeline.as_ref()?;
        self.current_site()
    }

    /// The innermost frame's place (the instruction running now).
    pub(crate) fn current_site(&self) -> Option<Site> {
        let f = self.frames.last()?;
        Some(Site { code: f.code().clone(), pc: f.pc.saturating_sub(1) as u32 })
    }

    /// What the timeline notes when this thread blocks in `what`.
    fn blocking_end(&self, what: &'static str) -> SpanEnd {
        let site = self.timeline_site();
        SpanEnd { forced: false, blocked_in: site.as_ref().map(|_| what), site }
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
        let rec = self.thread.record.clone();
        loop {
            gil.release(&rec, self.blocking_end("a blocking call"));
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
            gil.acquire(&rec);
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
        let record = shared.observe.register(false);
        let (tx, rx) = crossbeam_channel::bounded::<u64>(1);
        let rec = record.clone();
        let spawned = std::thread::Builder::new()
            .stack_size(THREAD_STACK)
            .spawn(move || thread_main(shared, rec, func, args, kwargs, tx));
        if let Err(e) = spawned {
            record.enter(crate::observe::record::Phase::Ended, self.shared.gil.clock.now(), SpanEnd::NONE);
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
    record: Arc<ThreadRecord>,
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(Arc<PyStr>, Value)>,
    started: crossbeam_channel::Sender<u64>,
) {
    record.set_ids(current_ident(), native_id());
    let mut vm = Vm::new(shared.clone(), THREAD_STACK, record.clone());
    let _ = started.send(current_ident());
    shared.gil.acquire(&record);
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
    shared.gil.release_at_end(&record);
}
