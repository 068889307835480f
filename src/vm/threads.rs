//! Threads of one interpreter: starting them and the eval breaker.
//!
//! A new thread gets its own `Vm` (frame stack, value stack) over the same
//! `Shared`, takes the interpreter lock and calls its function. Blocking
//! with the lock released is `blocking.rs`.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;

use super::{PyErr, PyResult, Shared, Vm};
use crate::observe::record::ThreadRecord;
use crate::observe::timeline::log::SpanEnd;
use crate::runtime::dict::PyDict;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// Native stack of a Python thread: 8 MiB, glibc's default, as CPython's
/// threads have; only the pages a thread touches cost memory.
/// Python-to-Python calls do not use it; Rust recursion on user data
/// (repr, compare, calls back into Python) checks the space left before
/// each level (`vm/recursion.rs`), so a small stack stays safe whatever
/// the recursion limit.
pub const THREAD_STACK: usize = 8 * 1024 * 1024;

/// Per-thread state the runtime keeps besides the stacks.
pub struct ThreadState {
    /// Whether this is the interpreter's main thread (it alone receives
    /// KeyboardInterrupt).
    pub is_main: bool,
    /// What the interpreter lock records of this thread (`observe/`).
    pub record: Arc<ThreadRecord>,
    /// Per-thread storage for `threading.local` objects, freed with the thread.
    pub locals: PyArc<PyDict>,
}

impl ThreadState {
    pub fn new(record: Arc<ThreadRecord>) -> ThreadState {
        ThreadState { is_main: record.is_main, record, locals: PyArc::new(PyDict::new()) }
    }
}

/// KeyboardInterrupt, as Ctrl-C raises it.
pub fn keyboard_interrupt() -> PyErr {
    PyErr::with_args(&types().exc.keyboard_interrupt, Vec::new())
}

impl Vm {
    /// Runs at an eval-breaker point when the breaker word is non-zero:
    /// hands the lock over if another thread asked for it and raises a
    /// pending Ctrl-C in the main thread. The value stack must be in
    /// `self.stack` (Python code may run: `__del__`, `gc.callbacks`).
    #[cold]
    #[inline(never)]
    pub(crate) fn handle_breaker(&mut self) -> PyResult<()> {
        self.finalize_point();
        if self.shared.gil.take_collection_request() && self.shared.gc.is_enabled() {
            super::gc::collect(self);
        }
        let bits = self.shared.gil.breaker.load(std::sync::atomic::Ordering::Relaxed);
        if bits & super::gil::HOST != 0 {
            self.host_tick()?;
        }
        if bits & super::gil::MEMORY != 0 && crate::runtime::memory_reserve::at_breaker(&self.shared.gil.breaker) {
            return Err(crate::runtime::memory::memory_error());
        }
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

    /// Starts a thread running `func(*args, **kwargs)`; returns its ident.
    /// An exception escaping `func` is reported like CPython's
    /// `sys.unraisablehook` does for `_thread.start_new_thread`.
    pub fn start_thread(&mut self, func: Value, args: Vec<Value>, kwargs: Vec<(PyArc<PyStr>, Value)>) -> PyResult<u64> {
        if !self.shared.gil.is_enabled() && !crate::runtime::sync::locking_enabled() {
            // This thread is the only one running Python code: turn on
            // object locking before a second one can start; in the `pyl`
            // command (plain counts until now), make the objects all
            // threads share immortal (`immortal.rs`).
            let exclusive = !crate::runtime::pyarc::is_atomic();
            crate::runtime::sync::enable_locking();
            if exclusive {
                super::immortal::immortalize_shared(&self.shared);
            }
        }
        let shared = self.shared.clone();
        let record = shared.observe.register(false);
        if let Some(s) = shared.gil.scheduler() {
            // Now, at this point of the program, not when the new OS thread
            // gets going: the schedule must not depend on that.
            s.add(&record);
        }
        let (tx, rx) = crossbeam_channel::bounded::<u64>(1);
        let rec = record.clone();
        // Not `std::thread`: see `os_thread.rs` (fork from threads).
        let spawned =
            super::os_thread::spawn(None, THREAD_STACK, move || thread_main(shared, rec, func, args, kwargs, tx));
        if let Err(e) = spawned {
            record.enter(crate::observe::record::Phase::Ended, self.shared.gil.clock.now(), SpanEnd::NONE);
            return Err(PyErr::new(&types().exc.runtime_error, format!("can't start new thread: {e}")));
        }
        // The ident is known once the thread runs; wait for it without the lock.
        let ident = self.allow_threads_briefly(|| rx.recv().unwrap_or(0));
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
    kwargs: Vec<(PyArc<PyStr>, Value)>,
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
    // Drop the thread's Python state while it still holds the lock: the
    // reference counts may be plain integers (`runtime/pyarc.rs`).
    drop(args);
    drop(kwargs);
    drop(func);
    vm.frames.clear();
    vm.stack.clear();
    vm.exc_info = Value::None;
    vm.exc_below.clear();
    vm.type_cache = super::type_cache::TypeCache::default();
    vm.thread.locals = PyArc::new(PyDict::new());
    vm.run_finalizers();
    // What the thread made is handed to the collector before a join can
    // return, so a collection after the join sees it.
    super::gc::thread_ending();
    shared.gil.release_at_end(&record);
    // What is left of `vm` is Rust state and the fresh `locals`, which no
    // other thread has seen.
}
