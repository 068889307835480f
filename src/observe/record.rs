//! One thread's record: what the interpreter lock saw it do.
//!
//! Every thread that runs bytecode owns a `ThreadRecord`, registered with
//! the interpreter's `Observer` before the thread starts. The lock
//! (`vm/gil.rs`) moves the record from phase to phase as it decides —
//! running, waiting for the lock, blocked in a call that released it — and
//! each move adds the time spent in the phase it leaves. Only the owning
//! thread writes the counters (plain loads and stores, no read-modify-write
//! on shared lines); readers (`sys._gil_stats()`, the table at exit) see a
//! consistent-enough snapshot and add the phase still open.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

use crate::runtime::fork_sync::Mutex;

use super::timeline::log::{SpanEnd, SpanLog};
use super::timeline::model::State;
use super::wait::WaitInfo;
use crate::bytecode::Code;

/// What a thread is doing, as the interpreter lock sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Phase {
    /// Registered, not yet asking for the lock.
    Starting = 0,
    /// Holding the lock, running bytecode.
    Running = 1,
    /// Asking for the lock.
    Waiting = 2,
    /// In a blocking call, lock released.
    Blocked = 3,
    /// Finished.
    Ended = 4,
}

impl Phase {
    fn from_u8(v: u8) -> Phase {
        match v {
            1 => Phase::Running,
            2 => Phase::Waiting,
            3 => Phase::Blocked,
            4 => Phase::Ended,
            _ => Phase::Starting,
        }
    }

    fn state(self) -> Option<State> {
        match self {
            Phase::Running => Some(State::Running),
            Phase::Waiting => Some(State::Waiting),
            Phase::Blocked => Some(State::Blocked),
            Phase::Starting | Phase::Ended => None,
        }
    }
}

/// The figures `--gil-stats` shows for one thread (times in nanoseconds).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub running: u64,
    pub waiting: u64,
    pub blocked: u64,
    pub cpu: u64,
    /// Times the thread took the lock.
    pub acquisitions: u64,
    /// Times it was made to let go after the switch interval.
    pub forced: u64,
    /// Times it let go to block (sleep, lock, queue, join, I/O).
    pub voluntary: u64,
}

impl Totals {
    fn minus(self, base: Totals) -> Totals {
        Totals {
            running: self.running.saturating_sub(base.running),
            waiting: self.waiting.saturating_sub(base.waiting),
            blocked: self.blocked.saturating_sub(base.blocked),
            cpu: self.cpu.saturating_sub(base.cpu),
            acquisitions: self.acquisitions.saturating_sub(base.acquisitions),
            forced: self.forced.saturating_sub(base.forced),
            voluntary: self.voluntary.saturating_sub(base.voluntary),
        }
    }
}

pub struct ThreadRecord {
    /// Unique in the process, never reused (idents are).
    pub serial: u64,
    pub is_main: bool,
    ident: AtomicU64,
    native_id: AtomicU64,
    name: Mutex<Arc<str>>,
    daemon: AtomicBool,
    phase: AtomicU8,
    /// When the current phase began (ns since the observer's origin).
    since: AtomicU64,
    running: AtomicU64,
    waiting: AtomicU64,
    blocked: AtomicU64,
    acquisitions: AtomicU64,
    forced: AtomicU64,
    voluntary: AtomicU64,
    /// The thread's CPU time when it ended (it cannot be read afterwards).
    cpu_at_end: AtomicU64,
    /// Subtracted from every figure: what had been counted at the last
    /// `sys._gil_stats(reset=True)`.
    baseline: Mutex<Totals>,
    /// The spans for `--timeline`, when it is on.
    timeline: Option<Mutex<SpanLog>>,
    /// What the thread waits for while it is blocked.
    wait: Mutex<Option<WaitInfo>>,
    /// Changes at every start and end of a wait, so the deadlock detector
    /// can tell that nothing moved between two looks.
    wait_seq: AtomicU64,
    /// The code objects of the places this thread took locks
    /// (`HoldSite`), kept alive so the detector can name those places.
    codes: Mutex<std::collections::HashMap<usize, PyArc<Code>>>,
}

/// Distinct code objects a thread remembers lock sites in (a program that
/// `exec`s new code in a loop must not grow the map for ever).
const MAX_CODES: usize = 4096;

impl ThreadRecord {
    pub fn new(serial: u64, is_main: bool, name: &str, timeline: bool) -> ThreadRecord {
        ThreadRecord {
            serial,
            is_main,
            ident: AtomicU64::new(0),
            native_id: AtomicU64::new(0),
            name: Mutex::new(Arc::from(name)),
            daemon: AtomicBool::new(false),
            phase: AtomicU8::new(Phase::Starting as u8),
            since: AtomicU64::new(0),
            running: AtomicU64::new(0),
            waiting: AtomicU64::new(0),
            blocked: AtomicU64::new(0),
            acquisitions: AtomicU64::new(0),
            forced: AtomicU64::new(0),
            voluntary: AtomicU64::new(0),
            cpu_at_end: AtomicU64::new(0),
            baseline: Mutex::new(Totals::default()),
            timeline: timeline.then(|| Mutex::new(SpanLog::default())),
            wait: Mutex::new(None),
            wait_seq: AtomicU64::new(0),
            codes: Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// The thread starts waiting (only the thread itself calls this).
    pub fn begin_wait(&self, info: WaitInfo) {
        *self.wait.lock() = Some(info);
        bump(&self.wait_seq);
    }

    /// The thread stops waiting. Returns the record of the wait, for the
    /// caller to drop once it holds the interpreter lock again.
    #[must_use = "the wait's record holds Python objects: drop it with the interpreter lock held"]
    pub fn end_wait(&self) -> Option<WaitInfo> {
        bump(&self.wait_seq);
        self.wait.lock().take()
    }

    /// The wait the thread is in now, if any.
    pub fn wait_info(&self) -> Option<WaitInfo> {
        self.wait.lock().clone()
    }

    pub fn wait_seq(&self) -> u64 {
        self.wait_seq.load(Ordering::Acquire)
    }

    /// Keeps `code` alive for lock sites recorded in it; false when the
    /// thread already keeps too many.
    pub fn keep_code(&self, code: &PyArc<Code>) -> bool {
        let mut codes = self.codes.lock();
        let key = PyArc::as_ptr(code) as usize;
        if codes.contains_key(&key) {
            return true;
        }
        if codes.len() >= MAX_CODES {
            return false;
        }
        codes.insert(key, code.clone());
        true
    }

    /// A code object kept by `keep_code`, by address.
    pub fn code(&self, addr: usize) -> Option<PyArc<Code>> {
        self.codes.lock().get(&addr).cloned()
    }

    /// Called by the thread itself once it runs: its ident and kernel id.
    pub fn set_ids(&self, ident: u64, native_id: u64) {
        self.ident.store(ident, Ordering::Relaxed);
        self.native_id.store(native_id, Ordering::Relaxed);
    }

    pub fn ident(&self) -> u64 {
        self.ident.load(Ordering::Relaxed)
    }

    pub fn native_id(&self) -> u64 {
        self.native_id.load(Ordering::Relaxed)
    }

    pub fn name(&self) -> Arc<str> {
        self.name.lock().clone()
    }

    /// The name, unless another thread holds the name's lock (after a fork).
    pub fn try_name(&self) -> Option<Arc<str>> {
        self.name.try_lock().map(|n| n.clone())
    }

    pub fn set_name(&self, name: &str) {
        *self.name.lock() = Arc::from(name);
    }

    pub fn daemon(&self) -> bool {
        self.daemon.load(Ordering::Relaxed)
    }

    pub fn set_daemon(&self, daemon: bool) {
        self.daemon.store(daemon, Ordering::Relaxed);
    }

    pub fn phase(&self) -> Phase {
        Phase::from_u8(self.phase.load(Ordering::Acquire))
    }

    pub fn alive(&self) -> bool {
        self.phase() != Phase::Ended
    }

    pub fn timeline(&self) -> Option<&Mutex<SpanLog>> {
        self.timeline.as_ref()
    }

    /// Moves to phase `to` at `now`, adding the time of the phase left.
    /// Only the owning thread calls this.
    #[inline]
    pub fn enter(&self, to: Phase, now: u64, end: SpanEnd) {
        let from = self.phase();
        let since = self.since.load(Ordering::Relaxed);
        let spent = now.saturating_sub(since);
        let counter = match from {
            Phase::Running => Some(&self.running),
            Phase::Waiting => Some(&self.waiting),
            Phase::Blocked => Some(&self.blocked),
            Phase::Starting | Phase::Ended => None,
        };
        if let Some(c) = counter {
            c.store(c.load(Ordering::Relaxed) + spent, Ordering::Relaxed);
        }
        if let (Some(log), Some(state)) = (&self.timeline, from.state()) {
            log.lock().push(state, since, now, end);
        }
        self.since.store(now, Ordering::Relaxed);
        self.phase.store(to as u8, Ordering::Release);
    }

    /// The phase still open at `now`, as a span (for the timeline at exit).
    pub fn open_span(&self, now: u64) -> Option<super::timeline::model::Span> {
        let state = self.phase().state()?;
        let start = self.since.load(Ordering::Relaxed);
        Some(super::timeline::model::Span {
            start_ns: start,
            end_ns: now.max(start),
            state,
            forced: false,
            note: String::new(),
        })
    }

    /// Counts one acquisition of the interpreter lock.
    #[inline]
    pub fn count_acquisition(&self) {
        bump(&self.acquisitions);
    }

    /// Counts one forced drop (after the switch interval).
    #[inline]
    pub fn count_forced(&self) {
        bump(&self.forced);
    }

    /// Counts one voluntary release (before a blocking call).
    #[inline]
    pub fn count_voluntary(&self) {
        bump(&self.voluntary);
    }

    /// Remembers the CPU time at the end (called by the thread as it ends).
    pub fn record_cpu_at_end(&self, cpu: u64) {
        self.cpu_at_end.store(cpu, Ordering::Relaxed);
    }

    /// The figures since the last reset, with the open phase counted up to
    /// `now` and the CPU time read as the thread's current one (`cpu_now`,
    /// for a live thread) or the one it ended with.
    pub fn totals(&self, now: u64, cpu_now: Option<u64>) -> Totals {
        let phase = self.phase();
        let open = now.saturating_sub(self.since.load(Ordering::Relaxed));
        let mut t = Totals {
            running: self.running.load(Ordering::Relaxed),
            waiting: self.waiting.load(Ordering::Relaxed),
            blocked: self.blocked.load(Ordering::Relaxed),
            cpu: if phase == Phase::Ended { self.cpu_at_end.load(Ordering::Relaxed) } else { cpu_now.unwrap_or(0) },
            acquisitions: self.acquisitions.load(Ordering::Relaxed),
            forced: self.forced.load(Ordering::Relaxed),
            voluntary: self.voluntary.load(Ordering::Relaxed),
        };
        match phase {
            Phase::Running => t.running += open,
            Phase::Waiting => t.waiting += open,
            Phase::Blocked => t.blocked += open,
            Phase::Starting | Phase::Ended => {}
        }
        t.minus(*self.baseline.lock())
    }

    /// Starts counting from zero (`sys._gil_stats(reset=True)`).
    pub fn reset(&self, now: u64, cpu_now: Option<u64>) {
        let base = *self.baseline.lock();
        let current = self.totals(now, cpu_now);
        let mut b = self.baseline.lock();
        *b = Totals {
            running: base.running + current.running,
            waiting: base.waiting + current.waiting,
            blocked: base.blocked + current.blocked,
            cpu: base.cpu + current.cpu,
            acquisitions: base.acquisitions + current.acquisitions,
            forced: base.forced + current.forced,
            voluntary: base.voluntary + current.voluntary,
        };
    }
}

/// An increment by the counter's only writer: no locked instruction.
#[inline]
fn bump(c: &AtomicU64) {
    c.store(c.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
}
