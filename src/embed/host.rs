//! What a host controls inside a running interpreter: the resource
//! limits, the sandbox and `interrupt()`.
//!
//! Contract: `HostState` hangs off `Shared` (one per interpreter). Its
//! checks cost nothing while no limit is set: the eval loop only looks
//! at the eval-breaker word, and the `HOST` bit is set in it only while a
//! host call with limits runs. With the bit set, every eval-breaker point
//! (each loop iteration's backward jump, each function entry) of every
//! thread counts one instruction tick and raises the limit's exception
//! once a limit is passed — and again at every later tick, so a script
//! that catches it cannot get any further. The host sees the limit as
//! `Error::Limit`, whatever the script did with the exception.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::runtime::class::{Class, ClassKind};
use crate::runtime::types::types;
use crate::vm::gil::HOST;
use crate::vm::{PyErr, PyResult, Shared, Vm};

/// Modules a sandboxed interpreter cannot import.
pub(crate) const SANDBOX_BLOCKED: &[&str] = &[
    "os",
    "os.path",
    "subprocess",
    "_subprocess",
    "multiprocessing",
    "_multiprocessing",
    "_multiprocessing_pool",
    "signal",
];

/// Which limit stopped a script (stored in `HostState::tripped`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Trip {
    None = 0,
    Instructions = 1,
    Time = 2,
    /// The interpreter is being dropped: its threads must stop.
    Closing = 3,
    /// The script's objects hold more than `max_memory` bytes.
    Memory = 4,
    /// Every thread of the script waits for another one, for ever (the
    /// deadlock detector's finding, in `deadlock_report`).
    Deadlock = 5,
}

/// The host's settings and the state of the current host call.
#[derive(Default)]
pub struct HostState {
    /// Built by a host (`Interpreter::builder`), not by the `pyl`
    /// command: a deadlock ends the host call instead of the process.
    pub(crate) embedded: bool,
    /// Imports of `SANDBOX_BLOCKED` fail, as if the modules did not exist.
    pub(crate) sandboxed: bool,
    /// Ticks allowed per host call; 0: no limit.
    pub(crate) max_instructions: u64,
    /// Wall time allowed per host call.
    pub(crate) max_duration: Option<Duration>,
    /// The recursion limit a host set: a RecursionError reaching the
    /// host is then reported as that limit.
    pub(crate) max_recursion: Option<usize>,
    /// Bytes the script's threads may hold at once; 0: no limit.
    pub(crate) max_memory: usize,
    /// Bytes allocated less bytes freed by the script's threads, as the
    /// counting allocator sees them (`embed/memory.rs`).
    pub(crate) memory_used: std::sync::atomic::AtomicIsize,
    /// What the count must stay under during this call: the limit, or,
    /// for a call that starts over it (an earlier call's objects still
    /// held), a little above where it started, so the call can run the
    /// code that lets them go.
    memory_ceiling: std::sync::atomic::AtomicIsize,
    /// The deadlock detector's report of the deadlock that ended a call.
    pub(crate) deadlock_report: parking_lot::Mutex<Option<String>>,
    ticks: AtomicU64,
    tripped: AtomicU8,
    /// `Interpreter::interrupt` was called: the main thread raises
    /// KeyboardInterrupt (or `interrupt_with`'s exception) at its next check.
    interrupt: AtomicBool,
    interrupt_with: parking_lot::Mutex<Option<crate::embed::native::NativeError>>,
}

impl HostState {
    /// Whether `import name` is refused.
    pub(crate) fn blocks(&self, name: &str) -> bool {
        self.sandboxed && SANDBOX_BLOCKED.contains(&name)
    }

    fn has_limits(&self) -> bool {
        self.max_instructions > 0 || self.max_duration.is_some() || self.max_memory > 0
    }

    /// A host call starts: fresh budgets, and the breaker bit if any
    /// limit is set.
    pub(crate) fn begin(&self, shared: &Shared) {
        self.ticks.store(0, Ordering::SeqCst);
        if self.tripped() != Trip::Closing {
            self.tripped.store(Trip::None as u8, Ordering::SeqCst);
        }
        let start = self.memory_used.load(Ordering::Relaxed);
        let ceiling = (self.max_memory as isize).max(start.saturating_add(MEMORY_SLACK));
        self.memory_ceiling.store(ceiling, Ordering::Relaxed);
        if self.has_limits() {
            shared.gil.breaker.fetch_or(HOST, Ordering::SeqCst);
        }
    }

    /// The host call ended: threads it left running go on unlimited
    /// until the next call (or until the interpreter closes).
    pub(crate) fn end(&self, shared: &Shared) -> Trip {
        if self.tripped() != Trip::Closing {
            shared.gil.breaker.fetch_and(!HOST, Ordering::SeqCst);
        }
        self.tripped()
    }

    pub(crate) fn tripped(&self) -> Trip {
        match self.tripped.load(Ordering::SeqCst) {
            1 => Trip::Instructions,
            2 => Trip::Time,
            3 => Trip::Closing,
            4 => Trip::Memory,
            5 => Trip::Deadlock,
            _ => Trip::None,
        }
    }

    /// Stops the script: from the watchdog (time) or the interpreter's
    /// drop (closing). Wakes a main thread blocked in a wait, too.
    pub(crate) fn trip(&self, shared: &Shared, why: Trip) {
        let _ = self.tripped.compare_exchange(0, why as u8, Ordering::SeqCst, Ordering::SeqCst);
        if why == Trip::Closing {
            self.tripped.store(why as u8, Ordering::SeqCst);
        }
        shared.gil.breaker.fetch_or(HOST, Ordering::SeqCst);
        shared.gil.raise_signal();
    }

    /// Asks the main thread to raise KeyboardInterrupt, or `exception`.
    pub(crate) fn interrupt(&self, shared: &Shared, exception: Option<crate::embed::native::NativeError>) {
        *self.interrupt_with.lock() = exception;
        self.interrupt.store(true, Ordering::SeqCst);
        shared.gil.raise_signal();
    }

    /// One tick of a thread at an eval-breaker point.
    fn tick(&self) -> PyResult<()> {
        match self.tripped() {
            Trip::None => {}
            // The interpreter closes: its threads end quietly.
            Trip::Closing => return Err(PyErr::with_args(&types().exc.system_exit, Vec::new())),
            _ => return Err(limit_error()),
        }
        if self.max_instructions > 0 && self.ticks.fetch_add(1, Ordering::Relaxed) >= self.max_instructions {
            let _ = self.tripped.compare_exchange(0, Trip::Instructions as u8, Ordering::SeqCst, Ordering::SeqCst);
            return Err(limit_error());
        }
        if self.max_memory > 0 && self.memory_used.load(Ordering::Relaxed) > self.memory_ceiling() {
            let _ = self.tripped.compare_exchange(0, Trip::Memory as u8, Ordering::SeqCst, Ordering::SeqCst);
            return Err(limit_error());
        }
        Ok(())
    }

    /// The count's ceiling in this call (the limit before any call).
    fn memory_ceiling(&self) -> isize {
        match self.memory_ceiling.load(Ordering::Relaxed) {
            0 => self.max_memory as isize,
            c => c,
        }
    }

    /// Refuses a script's request for `bytes` more that would take it past
    /// `max_memory` (checked before a script-sized buffer is reserved, so
    /// `[0] * 10**9` never reaches the allocator).
    pub(crate) fn request(&self, bytes: usize) -> PyResult<()> {
        if self.max_memory == 0 {
            return Ok(());
        }
        let used = self.memory_used.load(Ordering::Relaxed);
        if used.saturating_add(bytes.min(isize::MAX as usize) as isize) > self.memory_ceiling() {
            let _ = self.tripped.compare_exchange(0, Trip::Memory as u8, Ordering::SeqCst, Ordering::SeqCst);
            return Err(limit_error());
        }
        Ok(())
    }
}

/// How far a call that starts over the memory limit may grow the count.
const MEMORY_SLACK: isize = 1 << 20;

/// The exception a passed limit raises: a `BaseException` of its own, so
/// `except Exception` does not catch it.
fn limit_error() -> PyErr {
    PyErr::new(&limit_class(), "a resource limit set by the host was exceeded")
}

fn limit_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let base = types().exc.base_exception.clone();
            Class::builtin("LimitExceeded", vec![base], ClassKind::Exception, None, &[], "pyl")
        })
        .clone()
}

impl Vm {
    /// At an eval-breaker point with the `HOST` bit set.
    #[cold]
    #[inline(never)]
    pub(crate) fn host_tick(&mut self) -> PyResult<()> {
        self.shared.host.tick()
    }

    /// Before the main thread runs signal handlers: a host's interrupt or
    /// a passed limit (the watchdog woke it from a wait) is raised first.
    #[cold]
    #[inline(never)]
    pub(crate) fn host_signal(&mut self) -> PyResult<()> {
        let host = &self.shared.host;
        if host.interrupt.swap(false, Ordering::SeqCst) {
            return Err(match host.interrupt_with.lock().take() {
                Some(e) => e.into_pyerr(self),
                None => crate::vm::threads::keyboard_interrupt(),
            });
        }
        if host.tripped() != Trip::None {
            return Err(limit_error());
        }
        Ok(())
    }
}

/// Ends the wall-time budget of a host call: a thread that trips the
/// limit when the time is up, unless dropped first.
pub(crate) struct Watchdog {
    done: Option<crossbeam_channel::Sender<()>>,
}

impl Watchdog {
    pub(crate) fn start(shared: &Arc<Shared>) -> Watchdog {
        let Some(limit) = shared.host.max_duration else {
            return Watchdog { done: None };
        };
        let (tx, rx) = crossbeam_channel::bounded::<()>(1);
        let watched = shared.clone();
        // Started as Python threads are, so that a fork beside it is safe.
        let spawned =
            crate::vm::os_thread::spawn(Some("pyl-watchdog"), crate::vm::os_thread::SERVICE_STACK, move || {
                if let Err(crossbeam_channel::RecvTimeoutError::Timeout) = rx.recv_timeout(limit) {
                    watched.host.trip(&watched, Trip::Time);
                }
            });
        // Without a watchdog thread the limit is tripped at once: a
        // limit that cannot be enforced must not be silently dropped.
        if spawned.is_err() {
            shared.host.trip(shared, Trip::Time);
            return Watchdog { done: None };
        }
        Watchdog { done: Some(tx) }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(tx) = self.done.take() {
            let _ = tx.send(());
        }
    }
}
