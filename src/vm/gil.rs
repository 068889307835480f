//! The interpreter lock: one lock, two modes (see `../shared/design.md`).
//!
//! Every thread that runs bytecode holds the interpreter lock. With the GIL
//! it is held *exclusively*: one thread runs at a time, and a thread that
//! waits for the lock longer than the switch interval asks the holder to
//! drop it (CPython's "gil_drop_request"); the holder notices at its next
//! eval-breaker point (a backward jump or a call), lets go, and waits until
//! another thread has taken the lock before it queues again — the fair
//! hand-off that keeps a busy thread from starving the others. Without the
//! GIL it is held *shared*: threads run in parallel and only a
//! stop-the-world event (fork) takes it exclusively.
//!
//! Blocking operations (sleep, lock waits, join, queue waits, I/O) run
//! inside `Vm::allow_threads`, which releases the lock around them. This
//! file is the one place that decides who runs.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use crate::runtime::fork_sync::{Condvar, Mutex};

/// Eval-breaker bit: a thread waiting for the GIL asks the holder to drop it.
pub const DROP_REQUEST: u32 = 1;
/// Eval-breaker bit: a thread wants the world stopped (no-GIL mode).
pub const STOP_WORLD: u32 = 2;
/// Eval-breaker bit: a signal (Ctrl-C) is waiting for the main thread.
pub const SIGNAL: u32 = 4;

/// CPython's default switch interval: 5 ms, kept in microseconds as CPython does.
const DEFAULT_INTERVAL_US: u64 = 5000;

pub struct Gil {
    enabled: bool,
    /// Checked at every eval-breaker point; non-zero means "look why".
    pub breaker: AtomicU32,
    interval_us: AtomicU64,
    state: Mutex<State>,
    /// Signalled when the GIL is released.
    released: Condvar,
    /// Signalled when a thread takes the GIL (ends a forced switch).
    switched: Condvar,
    /// No-GIL mode: how many threads run bytecode, and whether one of them
    /// wants the world stopped.
    world: Mutex<World>,
    world_changed: Condvar,
}

struct World {
    running: usize,
    stopping: bool,
}

struct State {
    locked: bool,
    /// Counts acquisitions, so a waiter can tell whether anyone else got
    /// the lock while it slept.
    switches: u64,
    waiters: usize,
}

impl Gil {
    pub fn new(enabled: bool) -> Gil {
        Gil {
            enabled,
            breaker: AtomicU32::new(0),
            interval_us: AtomicU64::new(DEFAULT_INTERVAL_US),
            state: Mutex::new(State { locked: false, switches: 0, waiters: 0 }),
            released: Condvar::new(),
            switched: Condvar::new(),
            world: Mutex::new(World { running: 0, stopping: false }),
            world_changed: Condvar::new(),
        }
    }

    /// Whether the global interpreter lock is on (`sys._is_gil_enabled()`).
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// `sys.getswitchinterval()`, in seconds.
    pub fn switch_interval(&self) -> f64 {
        self.interval_us.load(Ordering::Relaxed) as f64 / 1e6
    }

    /// `sys.setswitchinterval(seconds)`; the caller checked `seconds > 0`.
    /// Like CPython it keeps whole microseconds (and waits at least one).
    pub fn set_switch_interval(&self, seconds: f64) {
        let us = (seconds * 1e6).min(1e12) as u64;
        self.interval_us.store(us, Ordering::Relaxed);
    }

    /// Takes the lock for the calling thread (blocking).
    pub fn acquire(&self) {
        if !self.enabled {
            let mut w = self.world.lock();
            while w.stopping {
                self.world_changed.wait(&mut w);
            }
            w.running += 1;
            return;
        }
        let mut st = self.state.lock();
        if st.locked {
            st.waiters += 1;
            while st.locked {
                let seen = st.switches;
                let interval = Duration::from_micros(self.interval_us.load(Ordering::Relaxed).max(1));
                let timed_out = self.released.wait_for(&mut st, interval).timed_out();
                if timed_out && st.locked && st.switches == seen {
                    self.breaker.fetch_or(DROP_REQUEST, Ordering::Relaxed);
                }
            }
            st.waiters -= 1;
        }
        st.locked = true;
        st.switches = st.switches.wrapping_add(1);
        // Whoever asked for the switch got what it wanted (or will ask again).
        self.breaker.fetch_and(!DROP_REQUEST, Ordering::Relaxed);
        drop(st);
        self.switched.notify_all();
    }

    /// Gives the lock up (before blocking, or when the thread ends).
    pub fn release(&self) {
        if !self.enabled {
            let mut w = self.world.lock();
            w.running -= 1;
            if w.stopping {
                self.world_changed.notify_all();
            }
            return;
        }
        let mut st = self.state.lock();
        st.locked = false;
        drop(st);
        self.released.notify_one();
    }

    /// Called at an eval-breaker point when `breaker` has `DROP_REQUEST` or
    /// `STOP_WORLD` set: lets the waiting threads (or the world-stopper) in,
    /// then takes the lock again.
    pub fn yield_to_waiters(&self) {
        if !self.enabled {
            if self.breaker.load(Ordering::Relaxed) & STOP_WORLD != 0 {
                self.release();
                self.acquire();
            }
            return;
        }
        if self.breaker.load(Ordering::Relaxed) & DROP_REQUEST == 0 {
            return;
        }
        {
            let mut st = self.state.lock();
            st.locked = false;
            self.released.notify_one();
            // Forced switch: wait until another thread has the lock, so
            // this one cannot take it straight back.
            let seen = st.switches;
            while st.switches == seen && st.waiters > 0 {
                self.switched.wait(&mut st);
            }
        }
        self.acquire();
    }

    /// Stops every other thread running bytecode (for fork): with the GIL
    /// the caller already runs alone; without it, the caller trades its
    /// shared hold for an exclusive one. Undo with `restart_world`.
    pub fn stop_world(&self) {
        if self.enabled {
            return;
        }
        let mut w = self.world.lock();
        while w.stopping {
            // Another thread stops the world first; let it.
            w.running -= 1;
            self.world_changed.notify_all();
            self.world_changed.wait(&mut w);
            w.running += 1;
        }
        w.stopping = true;
        self.breaker.fetch_or(STOP_WORLD, Ordering::SeqCst);
        while w.running > 1 {
            self.world_changed.wait(&mut w);
        }
    }

    pub fn restart_world(&self) {
        if self.enabled {
            return;
        }
        let mut w = self.world.lock();
        w.stopping = false;
        self.breaker.fetch_and(!STOP_WORLD, Ordering::SeqCst);
        self.world_changed.notify_all();
    }

    /// In a child made by fork, where only the forking thread exists: it
    /// holds the lock and nobody waits for it.
    pub fn after_fork_child(&self) {
        // Another thread of the parent may have been inside these mutexes
        // at the fork; it does not exist here to unlock them.
        // SAFETY: the forking thread is the only thread of the child, and it
        // holds no guard of either mutex.
        unsafe {
            self.state.reset_after_fork(State { locked: self.enabled, switches: 0, waiters: 0 });
            self.world.reset_after_fork(World { running: 1, stopping: false });
        }
        self.breaker.store(0, Ordering::SeqCst);
    }

    /// Whether a Ctrl-C is waiting to be raised in the main thread.
    pub fn signal_pending(&self) -> bool {
        self.breaker.load(Ordering::Relaxed) & SIGNAL != 0
    }

    /// Tells the main thread a signal is pending (see `signals`).
    pub fn raise_signal(&self) {
        self.breaker.fetch_or(SIGNAL, Ordering::SeqCst);
    }

    /// Consumes the "signal pending" mark; true if it was set.
    pub fn take_signal(&self) -> bool {
        self.breaker.fetch_and(!SIGNAL, Ordering::SeqCst) & SIGNAL != 0
    }
}
