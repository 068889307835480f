//! Signals as Python sees them: a signal only sets a flag in the C
//! handler; the main thread runs the Python handler (or raises
//! KeyboardInterrupt for SIGINT) at its next eval-breaker point, or while
//! it waits in a blocking call — CPython's design.
//!
//! The OS's pending set and the interpreter to wake are process-wide
//! statics: a signal handler can reach nothing else. The interpreter the
//! signals are routed to moves them into its own pending set
//! (`Gil::pending_signals`) when its main thread looks; a simulated signal
//! goes straight into one interpreter's set, so several interpreters in
//! one process never take each other's signals.

use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicU64, Ordering};

use super::gil::{Gil, SIGNAL};
use super::{PyResult, Vm};
use crate::runtime::value::Value;

/// One bit per signal number that the OS delivered and no interpreter
/// took yet.
static PENDING: AtomicU64 = AtomicU64::new(0);

/// The eval breaker of the interpreter that receives signals (set by the CLI).
static TARGET: AtomicPtr<AtomicU32> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_signal(sig: libc::c_int) {
    if (0..64).contains(&sig) {
        PENDING.fetch_or(1 << sig, Ordering::SeqCst);
    }
    let p = TARGET.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: the pointer was set by `route` from a `Gil` that the
        // interpreter keeps alive until `unroute` clears it; an atomic
        // read-modify-write is async-signal-safe.
        unsafe { (*p).fetch_or(SIGNAL, Ordering::SeqCst) };
    }
}

/// Sends this process's signals to `gil`'s main thread and makes Ctrl-C
/// raise KeyboardInterrupt there. `gil` must outlive the routing: call
/// `unroute` before dropping it.
pub fn route(gil: &Gil) {
    TARGET.store(&gil.breaker as *const AtomicU32 as *mut AtomicU32, Ordering::SeqCst);
    catch(libc::SIGINT);
}

/// Undoes `route` if signals were routed to `gil`.
pub fn unroute(gil: &Gil) {
    let mine = &gil.breaker as *const AtomicU32 as *mut AtomicU32;
    if TARGET.compare_exchange(mine, std::ptr::null_mut(), Ordering::SeqCst, Ordering::SeqCst).is_ok() {
        set_disposition(libc::SIGINT, libc::SIG_DFL);
    }
}

/// Whether `route` was called (signal handlers can run).
pub fn routed() -> bool {
    !TARGET.load(Ordering::SeqCst).is_null()
}

/// Installs the flag-setting handler for `sig`; false if the OS refuses.
pub fn catch(sig: i32) -> bool {
    set_disposition(sig, on_signal as *const () as libc::sighandler_t)
}

/// Sets the OS-level disposition (SIG_DFL, SIG_IGN or a handler).
pub fn set_disposition(sig: i32, disposition: libc::sighandler_t) -> bool {
    // SAFETY: installing SIG_DFL, SIG_IGN or `on_signal`, which only
    // performs atomic operations.
    unsafe { libc::signal(sig, disposition) != libc::SIG_ERR }
}

/// Marks `sig` as arrived, as if the OS had delivered it
/// (`_thread.interrupt_main`).
pub fn simulate(gil: &Gil, sig: i32) {
    gil.pending_signals.fetch_or(1 << sig, Ordering::SeqCst);
    gil.raise_signal();
}

/// Takes the signals pending for `gil`'s interpreter: its own, and the
/// OS's if signals are routed to it.
fn take_pending(gil: &Gil) -> u64 {
    let mut pending = gil.pending_signals.swap(0, Ordering::SeqCst);
    let mine = &gil.breaker as *const AtomicU32 as *mut AtomicU32;
    if TARGET.load(Ordering::SeqCst) == mine {
        pending |= PENDING.swap(0, Ordering::SeqCst);
    }
    pending
}

impl Vm {
    /// Runs the Python handlers of the signals that arrived (main thread
    /// only); SIGINT without a handler of the program's raises
    /// KeyboardInterrupt.
    pub(crate) fn run_signal_handlers(&mut self) -> PyResult<()> {
        self.host_signal()?;
        let pending = take_pending(&self.shared.gil);
        for sig in 1..64 {
            if pending & (1 << sig) == 0 {
                continue;
            }
            let handler = self.shared.signal_handlers.lock().get(&sig).cloned();
            match handler {
                Some(h) if !matches!(h, Value::Int(_)) => {
                    self.call(&h, &[Value::Int(sig as i64), Value::None])?;
                }
                _ if sig == libc::SIGINT => return Err(super::threads::keyboard_interrupt()),
                _ => {}
            }
        }
        Ok(())
    }
}
