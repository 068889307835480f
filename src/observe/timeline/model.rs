//! The picture a timeline writer draws: plain data, resolved from the
//! interpreter's records at exit (names, lines and times are already
//! strings and numbers), so the writers need no interpreter state and can
//! be tested on hand-made pictures.

/// What a thread was doing during a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Holding the interpreter lock and running bytecode.
    Running,
    /// Ready to run, waiting for the interpreter lock.
    Waiting,
    /// In a blocking call (sleep, lock, queue, join, I/O) with the lock released.
    Blocked,
}

impl State {
    /// The word used in legends, tooltips and trace events.
    pub fn label(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Waiting => "waiting for the GIL",
            State::Blocked => "blocked",
        }
    }
}

/// One stretch of time a thread spent in one state.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Nanoseconds since the picture's origin (the start of the run).
    pub start_ns: u64,
    /// End, exclusive; `end_ns >= start_ns`.
    pub end_ns: u64,
    pub state: State,
    /// A running span that ended because the thread was made to let go of
    /// the interpreter lock (a forced switch after the switch interval).
    pub forced: bool,
    /// What the span ended at, for tooltips: for a running span the place
    /// the thread stopped (`demo.pyl:12`), for a blocked one the call it
    /// was blocked in (`time.sleep at demo.pyl:7`). May be empty.
    pub note: String,
}

/// One thread's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub pid: u32,
    /// The process's name (`MainProcess`, `Process-1`, `ForkPoolWorker-2`).
    pub process: String,
    /// The thread's name (`MainThread`, `Thread-1 (worker)`).
    pub thread: String,
    /// `threading.get_ident()` of the thread.
    pub ident: u64,
    /// Sorted by start; spans do not overlap.
    pub spans: Vec<Span>,
}

/// A whole run.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// How the lock ran: `GIL on`, `GIL off`, `scheduled (seed 7)`.
    pub mode: String,
    /// The hand-off rule: `switch interval 5 ms`, `switch every 100 checks`.
    pub switch: String,
    /// The command line that made the run.
    pub command: String,
    /// Length of the run in nanoseconds (every span ends by then).
    pub duration_ns: u64,
    /// Lanes of one process are adjacent; the first process is the one
    /// that was started with `--timeline`, its children follow.
    pub lanes: Vec<Lane>,
}
