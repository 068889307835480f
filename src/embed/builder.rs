//! `Builder`: how a host configures an interpreter before it exists.
//!
//! Contract: every setting is fixed when [`Builder::build`] makes the
//! interpreter (the GIL mode, the streams, the sandbox and the limits
//! cannot change while scripts run). The defaults are those of the `pyl`
//! command: the GIL on, a 5 ms switch interval, recursion limit 1000,
//! the process's own standard streams, every module, no limits.

use std::io::{Read, Write};
use std::time::Duration;

use super::host::HostState;
use crate::runtime::value::Value;
use crate::vm::{Config, Shared};

/// What the builder hands to the interpreter besides its `Config`.
#[derive(Default)]
pub(crate) struct Setup {
    pub(crate) stdout: Option<crate::vm::stdio::Sink>,
    pub(crate) stderr: Option<crate::vm::stdio::Sink>,
    pub(crate) stdin: Option<Box<dyn Read + Send>>,
    pub(crate) recursion_limit: Option<usize>,
    pub(crate) host: HostState,
}

/// Configures an [`Interpreter`](crate::Interpreter).
///
/// ```
/// use std::time::Duration;
/// let out = pyl::Capture::new();
/// let interp = pyl::Interpreter::builder()
///     .gil(false)
///     .stdout(out.clone())
///     .sandboxed()
///     .max_duration(Duration::from_secs(5))
///     .build();
/// interp.exec("import sys\nprint('gil:', sys._is_gil_enabled())").unwrap();
/// assert_eq!(out.text(), "gil: False\n");
/// ```
pub struct Builder {
    config: Config,
    setup: Setup,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        let mut setup = Setup::default();
        setup.host.embedded = true;
        Builder { config: Config::default(), setup }
    }

    /// The global interpreter lock on (the default) or off.
    pub fn gil(mut self, on: bool) -> Builder {
        self.config.gil = on;
        self
    }

    /// How long a thread may hold the GIL while another waits
    /// (`sys.setswitchinterval`); ignored when not positive.
    pub fn switch_interval(mut self, interval: Duration) -> Builder {
        if !interval.is_zero() {
            self.config.switch_interval = Some(interval.as_secs_f64());
        }
        self
    }

    /// The recursion limit (`sys.setrecursionlimit`, default 1000): deeper
    /// calls raise RecursionError in the script.
    pub fn recursion_limit(mut self, limit: usize) -> Builder {
        self.setup.recursion_limit = Some(limit.max(1));
        self
    }

    /// As [`recursion_limit`](Builder::recursion_limit), and a
    /// RecursionError that reaches the host is reported as
    /// [`Limit::Recursion`](crate::Limit::Recursion).
    pub fn max_recursion_depth(mut self, depth: usize) -> Builder {
        self.setup.recursion_limit = Some(depth.max(1));
        self.setup.host.max_recursion = Some(depth.max(1));
        self
    }

    /// `sys.argv` (its first item is the script's name).
    pub fn argv<S: Into<String>>(mut self, argv: impl IntoIterator<Item = S>) -> Builder {
        self.config.argv = argv.into_iter().map(Into::into).collect();
        if self.config.argv.is_empty() {
            self.config.argv.push(String::new());
        }
        self
    }

    /// The directory imports search first (`sys.path[0]`); none by default.
    pub fn module_path(mut self, dir: impl Into<String>) -> Builder {
        self.config.path0 = dir.into();
        self
    }

    /// Where `print` and `sys.stdout` write (a [`Capture`](crate::Capture)
    /// keeps it for the host); the process's stdout if not set. Output is
    /// flushed at the end of every call into the interpreter.
    pub fn stdout(mut self, out: impl Write + Send + 'static) -> Builder {
        self.setup.stdout = Some(Box::new(out));
        self
    }

    /// Where `sys.stderr` and the reports of script threads' uncaught
    /// exceptions write; the process's stderr if not set.
    pub fn stderr(mut self, err: impl Write + Send + 'static) -> Builder {
        self.setup.stderr = Some(Box::new(err));
        self
    }

    /// What `input()` and `sys.stdin` read; the process's stdin if not set.
    pub fn stdin(mut self, input: impl Read + Send + 'static) -> Builder {
        self.setup.stdin = Some(Box::new(input));
        self
    }

    /// No ambient access to the host: `os`, `subprocess`,
    /// `multiprocessing` and `signal` cannot be imported (ModuleNotFoundError),
    /// `open` does not exist, and imports find no files (`sys.path` is
    /// empty), so only builtin and registered native modules load. Exits
    /// (`sys.exit`) come back as [`Error::SystemExit`](crate::Error), as
    /// they always do when embedded.
    pub fn sandboxed(mut self) -> Builder {
        self.setup.host.sandboxed = true;
        self
    }

    /// Stops a call after `n` instruction ticks: one per loop iteration
    /// (each backward jump) and per function call, counted over all the
    /// script's threads. Reported as [`Limit::Instructions`](crate::Limit).
    pub fn max_instructions(mut self, n: u64) -> Builder {
        self.setup.host.max_instructions = n;
        self
    }

    /// Stops a call that runs longer than `limit` (a busy loop at its
    /// next tick, a main thread waiting in `sleep` or `join` at once).
    /// Reported as [`Limit::Time`](crate::Limit).
    pub fn max_duration(mut self, limit: Duration) -> Builder {
        self.setup.host.max_duration = Some(limit);
        self
    }

    /// Stops a call once the script's objects hold more than `bytes`
    /// bytes, reported as [`Limit::Memory`](crate::Limit). A request for
    /// a buffer that would pass the limit (`[0] * 10**9`, `'x' * n`, a
    /// `join`) is refused before anything is allocated. Counting every
    /// allocation needs the host to install [`CountingAllocator`](crate::CountingAllocator)
    /// as its global allocator; without it only those requests are
    /// checked (a list grown item by item is not seen).
    pub fn max_memory(mut self, bytes: usize) -> Builder {
        self.setup.host.max_memory = bytes;
        self
    }

    /// Reports a deadlock (every thread of the script waiting, for ever,
    /// for another) as [`Error::Deadlock`](crate::Error) instead of
    /// hanging: the instrument the `pyl` command runs by default. Off by
    /// default for a host: the detector watches from a thread of its own.
    pub fn deadlock_check(mut self, on: bool) -> Builder {
        self.config.instruments.deadlock_check = on;
        self
    }

    /// The interpreter.
    pub fn build(self) -> crate::Interpreter {
        crate::Interpreter::with_host(self.config, self.setup)
    }
}

/// Applies the sandbox to a new interpreter (its blocked imports are
/// checked by the import system through `HostState::blocks`).
pub(crate) fn sandbox(shared: &Shared) {
    shared.builtins.remove_str("open");
    shared.sys.set("path", Value::list(Vec::new()));
}
