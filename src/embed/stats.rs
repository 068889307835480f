//! `Interpreter::gil_stats`: the `--gil-stats` instrument, for a host.
//!
//! Contract: a [`GilStats`] is a copy of the interpreter's thread records
//! taken at one moment (live threads as they are then), the same snapshot
//! `--gil-stats` prints and `sys._gil_stats()` returns; taking it does not
//! need the interpreter lock, so a host may look while scripts run.

use std::time::Duration;

use crate::observe::record::Totals;
use crate::observe::stats::Snapshot;

/// Where the threads of an interpreter spent their time, and how the
/// interpreter lock was handed between them.
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// interp.exec("import threading\nt = threading.Thread(target=sum, args=(range(10**5),))\nt.start(); t.join()").unwrap();
/// let stats = interp.gil_stats();
/// assert!(stats.gil);
/// assert!(stats.threads.iter().any(|t| t.name == "Thread-1 (sum)" && t.times.acquisitions > 0));
/// println!("{}", stats.table);
/// ```
#[derive(Clone, Debug)]
pub struct GilStats {
    /// The GIL is on.
    pub gil: bool,
    /// The switch interval (`sys.getswitchinterval()`).
    pub switch_interval: Duration,
    /// Wall time since the interpreter started (or its figures were last
    /// reset by `sys._gil_stats(reset=True)`).
    pub wall: Duration,
    /// CPU time the whole process used in that time.
    pub cpu: Duration,
    /// Times the lock went to another thread than the one that had it
    /// before; `None` without the GIL.
    pub handoffs: Option<u64>,
    /// One entry per thread, in the order they started (ended threads
    /// beyond the ten thousand most recent are summed in `folded`).
    pub threads: Vec<ThreadStats>,
    /// How many ended threads are summed in `folded`.
    pub folded_threads: u64,
    /// The figures of those threads, summed.
    pub folded: ThreadTimes,
    /// The table `pyl --gil-stats` prints.
    pub table: String,
}

/// One thread's entry in [`GilStats`].
#[derive(Clone, Debug)]
pub struct ThreadStats {
    /// Its name (`MainThread`, `Thread-1 (worker)`).
    pub name: String,
    /// `threading.get_ident()` of it.
    pub ident: u64,
    /// Still running.
    pub alive: bool,
    /// A daemon thread.
    pub daemon: bool,
    /// Its figures.
    pub times: ThreadTimes,
}

/// What a thread did with its time and with the lock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ThreadTimes {
    /// Running Python code, holding the lock (without the GIL: running).
    pub running: Duration,
    /// Ready to run, waiting for the lock.
    pub waiting: Duration,
    /// Blocked in a sleep, a lock, a queue, a join or I/O, without the lock.
    pub blocked: Duration,
    /// CPU time the thread used.
    pub cpu: Duration,
    /// Times it took the lock.
    pub acquisitions: u64,
    /// Times it was made to let go after the switch interval.
    pub forced_switches: u64,
    /// Times it let go to block.
    pub voluntary_switches: u64,
}

impl From<&Totals> for ThreadTimes {
    fn from(t: &Totals) -> ThreadTimes {
        ThreadTimes {
            running: Duration::from_nanos(t.running),
            waiting: Duration::from_nanos(t.waiting),
            blocked: Duration::from_nanos(t.blocked),
            cpu: Duration::from_nanos(t.cpu),
            acquisitions: t.acquisitions,
            forced_switches: t.forced,
            voluntary_switches: t.voluntary,
        }
    }
}

impl From<&Snapshot> for GilStats {
    fn from(s: &Snapshot) -> GilStats {
        GilStats {
            gil: s.gil,
            switch_interval: Duration::from_secs_f64(s.switch_interval.max(0.0)),
            wall: Duration::from_nanos(s.wall_ns),
            cpu: Duration::from_nanos(s.cpu_ns),
            handoffs: s.handoffs,
            threads: s
                .threads
                .iter()
                .map(|r| ThreadStats {
                    name: r.name.clone(),
                    ident: r.ident,
                    alive: r.alive,
                    daemon: r.daemon,
                    times: ThreadTimes::from(&r.totals),
                })
                .collect(),
            folded_threads: s.folded.threads,
            folded: ThreadTimes::from(&s.folded.totals),
            table: s.table(),
        }
    }
}

impl crate::Interpreter {
    /// The GIL instrument's figures for this interpreter, now.
    pub fn gil_stats(&self) -> GilStats {
        GilStats::from(&Snapshot::take(&self.shared.observe, &self.shared.gil))
    }
}
