//! The interpreter lock: one lock, two modes (see `../shared/design.md`).
//!
//! Every thread that runs bytecode holds the interpreter lock. With the GIL
//! it is held *exclusively*: one thread runs at a time. When the holder
//! must let go is the switch policy's business:
//!
//! - `Time` (CPython's): a thread that waits for the lock longer than the
//!   switch interval asks the holder to drop it ("gil_drop_request"); the
//!   holder notices at its next eval-breaker point (a backward jump or a
//!   call), lets go, and waits until another thread has taken the lock
//!   before it queues again — the fair hand-off that keeps a busy thread
//!   from starving the others.
//! - `Checks(n)` (MicroPython's): the holder lets go after every `n`
//!   eval-breaker checks if anyone waits, whatever the clock says.
//!
//! - `Scheduled(rule)` (`--schedule SEED`, `--switch-every N`): the
//!   deterministic scheduler of `schedule.rs` passes the lock as a baton
//!   at instruction boundaries it chooses; no clock is involved.
//!
//! Without the GIL the lock is held *shared*: threads run in parallel and
//! only a stop-the-world event (fork) takes it exclusively.
//!
//! Blocking operations (sleep, lock waits, join, queue waits, I/O) run
//! inside `Vm::allow_threads`, which releases the lock around them. This
//! file is the one place that decides who runs, so it is also where every
//! decision is recorded: each acquire, release and forced drop moves the
//! thread's `ThreadRecord` to its new phase (`observe/`), and hand-offs
//! between different threads are counted here.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use crate::observe::clock::Clock;
use crate::observe::record::{Phase, ThreadRecord};
use crate::observe::site::Site;
use crate::observe::timeline::log::SpanEnd;
use crate::runtime::fork_sync::{Condvar, Mutex};
use crate::vm::schedule::{Rule, Scheduler};

/// Eval-breaker bit: a thread waiting for the GIL asks the holder to drop it.
pub const DROP_REQUEST: u32 = 1;
/// Eval-breaker bit: a thread wants the world stopped (no-GIL mode).
pub const STOP_WORLD: u32 = 2;
/// Eval-breaker bit: a signal (Ctrl-C) is waiting for the main thread.
pub const SIGNAL: u32 = 4;
/// Eval-breaker bit, always set under the `Checks` policy: every check
/// counts.
pub const COUNT_CHECKS: u32 = 8;
/// Eval-breaker bit: the cycle collector asks for a collection.
pub const COLLECT: u32 = 16;
/// Eval-breaker bit: a host's resource limits are being counted
/// (`embed/host.rs`).
pub const HOST: u32 = 32;
/// Eval-breaker bit: objects whose `__del__` must be called are queued
/// (`finalize.rs`).
pub const FINALIZE: u32 = 64;
/// Eval-breaker bit: a thread was saved from running out of memory by the
/// emergency reserve and must raise `MemoryError` (`runtime/memory_reserve.rs`).
pub const MEMORY: u32 = 128;

/// CPython's default switch interval: 5 ms, kept in microseconds as CPython does.
const DEFAULT_INTERVAL_US: u64 = 5000;

/// When the holder of the GIL must let a waiting thread in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SwitchPolicy {
    /// After the switch interval (`sys.setswitchinterval`), CPython's rule.
    Time,
    /// After this many eval-breaker checks, MicroPython's rule.
    Checks(u64),
    /// Where the deterministic scheduler says (GIL on only).
    Scheduled(Rule),
}

impl SwitchPolicy {
    /// Parses the value of `-X switch=...`: `time:SECONDS` or
    /// `instructions:N`. The seconds of `time:` are returned too.
    pub fn parse(spec: &str) -> Result<(SwitchPolicy, Option<f64>), String> {
        let bad = || format!("-X switch={spec}: expected time:SECONDS or instructions:N");
        match spec.split_once(':') {
            Some(("time", s)) => match s.parse::<f64>() {
                Ok(secs) if secs > 0.0 && secs.is_finite() => Ok((SwitchPolicy::Time, Some(secs))),
                _ => Err(bad()),
            },
            Some(("instructions", n)) => match n.parse::<u64>() {
                Ok(n) if n > 0 => Ok((SwitchPolicy::Checks(n), None)),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        }
    }
}

pub struct Gil {
    enabled: bool,
    policy: SwitchPolicy,
    /// Under `Scheduled`: who holds the lock is the scheduler's decision.
    sched: Option<Scheduler>,
    /// Checked at every eval-breaker point; non-zero means "look why".
    pub breaker: AtomicU32,
    /// Signals this interpreter's main thread must handle (one bit per
    /// signal number): the OS's, copied in when they are routed here, and
    /// simulated ones (`_thread.interrupt_main`), which reach no other
    /// interpreter of the process.
    pub(crate) pending_signals: AtomicU64,
    interval_us: AtomicU64,
    /// Under `Checks(n)`: checks left before the holder must offer the lock.
    checks_left: AtomicU64,
    /// The instruments' clock.
    pub clock: Clock,
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
    /// The serial of the thread that took the lock last.
    last_holder: u64,
    /// Acquisitions by a different thread than the one before.
    handoffs: u64,
}

impl State {
    fn new(locked: bool) -> State {
        State { locked, switches: 0, waiters: 0, last_holder: 0, handoffs: 0 }
    }

    fn count_handoff(&mut self, serial: u64) {
        if self.last_holder != serial {
            // The very first acquisition hands nothing off.
            if self.last_holder != 0 {
                self.handoffs += 1;
            }
            self.last_holder = serial;
        }
    }
}

impl Gil {
    pub fn new(enabled: bool, policy: SwitchPolicy, clock: Clock) -> Gil {
        let breaker = match policy {
            SwitchPolicy::Checks(_) if enabled => COUNT_CHECKS,
            _ => 0,
        };
        let checks = match policy {
            SwitchPolicy::Checks(n) => n,
            SwitchPolicy::Time | SwitchPolicy::Scheduled(_) => 0,
        };
        let sched = match policy {
            SwitchPolicy::Scheduled(rule) if enabled => Some(Scheduler::new(rule)),
            _ => None,
        };
        Gil {
            enabled,
            policy,
            sched,
            breaker: AtomicU32::new(breaker),
            pending_signals: AtomicU64::new(0),
            interval_us: AtomicU64::new(DEFAULT_INTERVAL_US),
            checks_left: AtomicU64::new(checks),
            clock,
            state: Mutex::new(State::new(false)),
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

    pub fn policy(&self) -> SwitchPolicy {
        self.policy
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

    /// Acquisitions of the GIL by another thread than the previous holder.
    pub fn handoffs(&self) -> u64 {
        self.state.lock().handoffs
    }

    /// The deterministic scheduler, under `--schedule`/`--switch-every`.
    pub fn scheduler(&self) -> Option<&Scheduler> {
        self.sched.as_ref()
    }

    /// Takes the lock for the calling thread (blocking).
    pub fn acquire(&self, rec: &Arc<ThreadRecord>) {
        let asked = self.clock.now();
        rec.enter(Phase::Waiting, asked, SpanEnd::NONE);
        if let Some(s) = &self.sched {
            // The baton, given by the scheduler: at once when nobody holds
            // it (the first thread, or one back from a wait outside the
            // schedule while no thread runs), else when it picks this one.
            s.acquire(rec);
            self.took_baton(rec);
            return;
        }
        let waited = self.take(rec.serial);
        let now = if waited { self.clock.now() } else { asked };
        rec.count_acquisition();
        rec.enter(Phase::Running, now, SpanEnd::NONE);
    }

    /// Takes the lock; true if the thread had to wait for it.
    fn take(&self, serial: u64) -> bool {
        if !self.enabled {
            let mut w = self.world.lock();
            let waited = w.stopping;
            while w.stopping {
                self.world_changed.wait(&mut w);
            }
            w.running += 1;
            return waited;
        }
        let mut st = self.state.lock();
        let waited = st.locked;
        if st.locked {
            st.waiters += 1;
            while st.locked {
                let seen = st.switches;
                let interval = Duration::from_micros(self.interval_us.load(Ordering::Relaxed).max(1));
                let timed_out = self.released.wait_for(&mut st, interval).timed_out();
                if timed_out && st.locked && st.switches == seen && self.policy == SwitchPolicy::Time {
                    self.breaker.fetch_or(DROP_REQUEST, Ordering::Relaxed);
                }
            }
            st.waiters -= 1;
        }
        st.locked = true;
        st.switches = st.switches.wrapping_add(1);
        st.count_handoff(serial);
        // Whoever asked for the switch got what it wanted (or will ask again).
        self.breaker.fetch_and(!DROP_REQUEST, Ordering::Relaxed);
        drop(st);
        self.switched.notify_all();
        waited
    }

    fn count_handoff(&self, serial: u64) {
        self.state.lock().count_handoff(serial);
    }

    /// Gives the lock up before a blocking call; `end` tells the timeline
    /// where the thread stopped and what it blocks in.
    pub fn release(&self, rec: &ThreadRecord, end: SpanEnd) {
        rec.count_voluntary();
        rec.enter(Phase::Blocked, self.clock.now(), end);
        match &self.sched {
            Some(s) => s.leave(rec, self.signal_pending()),
            None => self.give_up(),
        }
    }

    /// Gives the lock up for good: the thread ends.
    pub fn release_at_end(&self, rec: &ThreadRecord) {
        rec.record_cpu_at_end(crate::observe::cpu::this_thread_ns());
        rec.enter(Phase::Ended, self.clock.now(), SpanEnd::NONE);
        match &self.sched {
            Some(s) => s.end(rec, self.signal_pending()),
            None => self.give_up(),
        }
    }

    /// Under the scheduler: the end of the holder's slice of `executed`
    /// instructions. Returns the next slice's length.
    pub fn sched_preempt(&self, rec: &Arc<ThreadRecord>, executed: u64, site: impl FnOnce() -> Option<Site>) -> u64 {
        let Some(s) = &self.sched else { return u64::MAX };
        let before = self.clock.now();
        let (slice, switched) = s.preempt(rec, executed, self.signal_pending());
        if switched {
            // Recorded only when another thread ran in between: a slice
            // that goes on in the same thread is no switch.
            rec.count_forced();
            rec.enter(Phase::Waiting, before, SpanEnd { forced: true, site: site(), blocked_in: None });
            self.took_baton(rec);
        }
        slice
    }

    /// Under the scheduler: the holder's wait could not end at once; it
    /// passes the baton and comes back when picked (see `Scheduler::block`).
    /// Returns (next slice, virtual time now).
    pub fn sched_block(
        &self,
        rec: &Arc<ThreadRecord>,
        executed: u64,
        deadline: Option<u64>,
        end: SpanEnd,
    ) -> (u64, u64) {
        let Some(s) = &self.sched else { return (u64::MAX, 0) };
        rec.count_voluntary();
        rec.enter(Phase::Blocked, self.clock.now(), end);
        let r = s.block(rec, executed, deadline, self.signal_pending());
        self.took_baton(rec);
        r
    }

    /// Under the scheduler: `rec`'s thread has the baton again.
    fn took_baton(&self, rec: &ThreadRecord) {
        rec.count_acquisition();
        self.count_handoff(rec.serial);
        rec.enter(Phase::Running, self.clock.now(), SpanEnd::NONE);
    }

    fn give_up(&self) {
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

    /// Called at an eval-breaker point when `breaker` is non-zero: lets the
    /// waiting threads (or the world-stopper) in when the policy says so,
    /// then takes the lock again. `site` says where the thread is, for the
    /// timeline (asked only when the lock is really dropped).
    pub fn at_breaker(&self, rec: &ThreadRecord, site: impl FnOnce() -> Option<Site>) {
        if !self.enabled {
            if self.breaker.load(Ordering::Relaxed) & STOP_WORLD != 0 {
                // Not a switch the thread is charged for: the time stays running.
                self.give_up();
                self.take(rec.serial);
            }
            return;
        }
        if let SwitchPolicy::Checks(n) = self.policy {
            // Only the holder counts, so no read-modify-write is needed.
            let left = self.checks_left.load(Ordering::Relaxed);
            if left > 1 {
                self.checks_left.store(left - 1, Ordering::Relaxed);
                return;
            }
            self.checks_left.store(n, Ordering::Relaxed);
            if self.state.lock().waiters == 0 {
                return;
            }
        } else if self.breaker.load(Ordering::Relaxed) & DROP_REQUEST == 0 {
            return;
        }
        rec.count_forced();
        rec.enter(Phase::Waiting, self.clock.now(), SpanEnd { forced: true, site: site(), blocked_in: None });
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
        self.take(rec.serial);
        rec.count_acquisition();
        rec.enter(Phase::Running, self.clock.now(), SpanEnd::NONE);
    }

    /// For a service thread that must touch Python objects (the deadlock
    /// watcher reads what threads wait for): holds the interpreter lock if
    /// no thread has it now, so that no Python code runs until the guard
    /// drops. None when a thread runs bytecode: the caller tries later.
    /// Under the deterministic scheduler reference counts are atomic
    /// (the `pyl` command never makes them exclusive there), so nothing
    /// needs holding and the schedule is left alone.
    pub fn hold_if_idle(&self) -> Option<IdleHold<'_>> {
        if self.sched.is_some() {
            return Some(IdleHold { gil: self, held: false });
        }
        if !self.enabled {
            let mut w = self.world.lock();
            if w.running > 0 || w.stopping {
                return None;
            }
            // Threads coming back wait in `take` until the guard drops.
            w.stopping = true;
            return Some(IdleHold { gil: self, held: true });
        }
        let mut st = self.state.lock();
        if st.locked {
            return None;
        }
        st.locked = true;
        Some(IdleHold { gil: self, held: true })
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
    pub fn after_fork_child(&self, rec: &Arc<ThreadRecord>) {
        let serial = rec.serial;
        if let Some(s) = &self.sched {
            s.after_fork_child(rec);
        }
        // Another thread of the parent may have been inside these mutexes
        // at the fork; it does not exist here to unlock them.
        // SAFETY: the forking thread is the only thread of the child, and it
        // holds no guard of either mutex.
        unsafe {
            let mut st = State::new(self.enabled);
            st.last_holder = serial;
            self.state.reset_after_fork(st);
            self.world.reset_after_fork(World { running: 1, stopping: false });
        }
        let keep = self.breaker.load(Ordering::SeqCst) & COUNT_CHECKS;
        self.breaker.store(keep, Ordering::SeqCst);
    }

    /// Asks the next thread at an eval-breaker point to run the cycle
    /// collector.
    pub fn request_collection(&self) {
        self.breaker.fetch_or(COLLECT, Ordering::Relaxed);
    }

    /// Whether a collection was asked for; the caller then runs it.
    pub fn take_collection_request(&self) -> bool {
        self.breaker.load(Ordering::Relaxed) & COLLECT != 0
            && self.breaker.fetch_and(!COLLECT, Ordering::Relaxed) & COLLECT != 0
    }

    /// Tells the threads that one of them has `__del__` methods to call
    /// (`finalize.rs`).
    pub fn request_finalizers(&self) {
        self.breaker.fetch_or(FINALIZE, Ordering::AcqRel);
    }

    /// Whether some thread has `__del__` calls to make.
    #[inline]
    pub fn finalizers_requested(&self) -> bool {
        self.breaker.load(Ordering::Acquire) & FINALIZE != 0
    }

    /// No thread has `__del__` calls to make any more.
    pub fn clear_finalizers_request(&self) {
        self.breaker.fetch_and(!FINALIZE, Ordering::AcqRel);
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

/// The interpreter lock held by a service thread (`Gil::hold_if_idle`).
pub struct IdleHold<'a> {
    gil: &'a Gil,
    held: bool,
}

impl Drop for IdleHold<'_> {
    fn drop(&mut self) {
        if !self.held {
            return;
        }
        let gil = self.gil;
        if !gil.enabled {
            gil.world.lock().stopping = false;
            gil.world_changed.notify_all();
            return;
        }
        gil.state.lock().locked = false;
        gil.released.notify_one();
    }
}
