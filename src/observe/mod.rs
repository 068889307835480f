//! Instruments: what pyl shows of threads and the interpreter lock.
//!
//! Takes the decisions the interpreter lock makes (`vm/gil.rs` moves each
//! thread's `ThreadRecord` from phase to phase: running, waiting for the
//! lock, blocked) and gives the views a student reads: the `--gil-stats`
//! table and `sys._gil_stats()` (`stats`), the `--timeline` pictures
//! (`timeline`). One stream of records, several views; recording the
//! stats costs a clock read per lock transition, the timeline's spans are
//! kept only when `--timeline` is on.
//!
//! Guarantees: the records never block the thread that writes them on
//! another thread (each counter has one writer), and everything here works
//! the same with and without the GIL.

pub mod clock;
pub mod cpu;
pub mod deadlock;
pub mod races;
pub mod record;
pub mod site;
pub mod stats;
pub mod timeline;
pub mod wait;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::runtime::fork_sync::Mutex;

use clock::Clock;
use record::ThreadRecord;

/// Which instruments a run asked for (command-line flags).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Print the `--gil-stats` table to stderr at exit.
    pub gil_stats: bool,
    /// `--timeline FILE`: write FILE.svg, FILE.html and FILE.json at exit.
    pub timeline: Option<String>,
    /// The command line, for the pictures' titles.
    pub command: String,
    /// Report a deadlock and exit with status 1 instead of hanging (on in
    /// the `pyl` command unless `--no-deadlock-check`; off for a library
    /// host unless it asks, since it ends the process).
    pub deadlock_check: bool,
    /// `--explain-races`: record reads and writes of shared variables and
    /// explain the first lost update at exit.
    pub explain_races: bool,
}

/// Numbers threads in the order they are created (never reused, unlike
/// idents); process-wide so that serials stay unique across interpreters.
static THREAD_SERIAL: AtomicU64 = AtomicU64::new(1);

/// Ended threads kept for the table; beyond this the oldest are folded
/// into one summary row so a program that starts a million threads does
/// not keep a million records.
const MAX_ENDED: usize = 10_000;

/// The instruments of one interpreter.
pub struct Observer {
    pub settings: Settings,
    pub clock: Clock,
    threads: Mutex<Vec<Arc<ThreadRecord>>>,
    /// Figures of ended threads whose records were dropped (`MAX_ENDED`).
    folded: Mutex<stats::Folded>,
    /// Where the stats' wall clock starts (moved by a reset).
    stats_start: AtomicU64,
    /// Process CPU time at the last reset.
    cpu_base: AtomicU64,
    /// Hand-offs counted before the last reset.
    handoffs_base: AtomicU64,
    /// This process's name (`MainProcess`, or the `multiprocessing`
    /// process's name in a child).
    process: Mutex<String>,
    /// The process the run started in: it draws the timeline, its
    /// children hand it their lanes.
    pub root_pid: u32,
    /// The exit reports were written (`at_exit`).
    reported: std::sync::atomic::AtomicBool,
    /// The deadlock watcher of this process has started.
    watching: std::sync::atomic::AtomicBool,
    /// Counts registrations, so a watcher can tell no thread started
    /// while it looked.
    generation: AtomicU64,
    /// `--explain-races`: the reads and writes of shared variables.
    pub races: Option<Mutex<races::Races<site::Site, crate::vm::trace::Shown>>>,
}

impl Observer {
    pub fn new(settings: Settings) -> Observer {
        let races = settings.explain_races.then(|| Mutex::new(races::Races::new()));
        Observer {
            clock: Clock::new(),
            threads: Mutex::new(Vec::new()),
            folded: Mutex::new(stats::Folded::default()),
            stats_start: AtomicU64::new(0),
            cpu_base: AtomicU64::new(0),
            handoffs_base: AtomicU64::new(0),
            process: Mutex::new("MainProcess".to_string()),
            root_pid: std::process::id(),
            reported: std::sync::atomic::AtomicBool::new(false),
            watching: std::sync::atomic::AtomicBool::new(false),
            generation: AtomicU64::new(0),
            races,
            settings,
        }
    }

    /// A record for a thread about to run bytecode.
    pub fn register(&self, is_main: bool) -> Arc<ThreadRecord> {
        let serial = THREAD_SERIAL.fetch_add(1, Ordering::Relaxed);
        let name = if is_main { "MainThread".to_string() } else { format!("thread {serial}") };
        let rec = Arc::new(ThreadRecord::new(serial, is_main, &name, self.settings.timeline.is_some()));
        self.generation.fetch_add(1, Ordering::SeqCst);
        let mut threads = self.threads.lock();
        if threads.len() >= 2 * MAX_ENDED {
            self.fold_ended(&mut threads);
        }
        threads.push(rec.clone());
        rec
    }

    fn fold_ended(&self, threads: &mut Vec<Arc<ThreadRecord>>) {
        let now = self.clock.now();
        let ended = threads.iter().filter(|t| !t.alive()).count();
        let mut drop_n = ended.saturating_sub(MAX_ENDED / 2);
        let mut folded = self.folded.lock();
        threads.retain(|t| {
            if drop_n > 0 && !t.alive() && t.timeline().is_none() {
                drop_n -= 1;
                folded.add(&t.totals(now, None));
                return false;
            }
            true
        });
    }

    /// Changes whenever a thread is registered.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Every thread recorded, in the order they were created.
    pub fn threads(&self) -> Vec<Arc<ThreadRecord>> {
        self.threads.lock().clone()
    }

    /// The live thread whose ident is `ident`.
    pub fn find(&self, ident: u64) -> Option<Arc<ThreadRecord>> {
        self.threads.lock().iter().rev().find(|t| t.alive() && t.ident() == ident).cloned()
    }

    pub fn process_name(&self) -> String {
        self.process.lock().clone()
    }

    /// In a child made by fork: only the forking thread exists, and the
    /// child's figures start now. Returns the forking thread's new record
    /// (fresh, so no lock of the old one can be left held by a thread
    /// that did not survive the fork).
    pub fn after_fork_child(&self, old: &ThreadRecord, process: &str) -> Arc<ThreadRecord> {
        let now = self.clock.now();
        let name = old.try_name().unwrap_or_else(|| Arc::from("MainThread"));
        let serial = THREAD_SERIAL.fetch_add(1, Ordering::Relaxed);
        let me = Arc::new(ThreadRecord::new(serial, true, &name, self.settings.timeline.is_some()));
        me.set_ids(crate::vm::threads::current_ident(), crate::vm::threads::native_id());
        me.set_daemon(old.daemon());
        me.enter(record::Phase::Running, now, timeline::log::SpanEnd::NONE);
        // SAFETY: the forking thread is the only thread of the child and
        // holds no guard of these mutexes.
        unsafe {
            self.threads.reset_after_fork(vec![me.clone()]);
            self.folded.reset_after_fork(stats::Folded::default());
            self.process.reset_after_fork(process.to_string());
        }
        self.stats_start.store(now, Ordering::Relaxed);
        self.cpu_base.store(0, Ordering::Relaxed);
        self.handoffs_base.store(0, Ordering::Relaxed);
        self.reported.store(false, Ordering::SeqCst);
        // The parent's watcher thread did not survive the fork.
        self.watching.store(false, Ordering::SeqCst);
        me
    }
}

impl Observer {
    /// `sys._gil_stats(reset=True)`: every figure starts again from zero
    /// now; threads that have ended are forgotten.
    pub fn reset(&self, gil: &crate::vm::gil::Gil) {
        let now = self.clock.now();
        let mut threads = self.threads.lock();
        threads.retain(|t| t.alive() || t.timeline().is_some());
        for t in threads.iter() {
            let cpu = if t.alive() { cpu::thread_ns(t.native_id()) } else { None };
            t.reset(now, cpu);
        }
        *self.folded.lock() = stats::Folded::default();
        self.stats_start.store(now, Ordering::Relaxed);
        self.cpu_base.store(cpu::process_ns(), Ordering::Relaxed);
        self.handoffs_base.store(gil.handoffs(), Ordering::Relaxed);
    }
}

/// Waits (at most `limit`) for the threads that are not daemons to end
/// at the native level. By the time the main thread has joined them they
/// have finished their Python code, but may not yet have closed their
/// records; the reports at exit should not show them alive and running.
pub fn settle(observer: &Observer, limit: std::time::Duration) {
    if !observer.settings.gil_stats && observer.settings.timeline.is_none() {
        return;
    }
    let deadline = std::time::Instant::now() + limit;
    while observer.threads().iter().any(|t| t.alive() && !t.is_main && !t.daemon())
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// At the end of a run, or of a forked child: the reports the run asked
/// for (the `--gil-stats` table on stderr, the `--timeline` files, or a
/// child's part of them). Runs once per process.
pub fn at_exit(shared: &crate::vm::Shared) {
    if shared.observe.reported.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = shared.stdout.flush();
    if shared.observe.settings.gil_stats {
        let snap = stats::Snapshot::take(&shared.observe, &shared.gil);
        let _ = shared.stderr.write(&snap.table());
    }
    if let Some(report) = crate::vm::trace::race_report(shared) {
        let _ = shared.stderr.write(&report);
    }
    if let Some(file) = &shared.observe.settings.timeline {
        let message = timeline::write::finish(shared, file).unwrap_or_else(|e| format!("pyl: {e}\n"));
        let _ = shared.stderr.write(&message);
    }
    let _ = shared.stderr.flush();
}
