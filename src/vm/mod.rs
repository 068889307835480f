//! The virtual machine: runs code objects.
//!
//! `Shared` is one interpreter (modules, builtins, configuration, the
//! interpreter lock, standard streams); a `Vm` is one thread running in it
//! with its own frame stack. Python-to-Python calls push a frame on that
//! stack and continue the same loop (`eval.rs`) — no Rust recursion — so
//! deep recursion raises `RecursionError` instead of overflowing. Rust code
//! calling back into Python (`call_value`) runs a nested loop until its
//! frame returns; those nested loops are bounded by a native-stack guard.

mod async_ops;
mod attr;
mod awaitable;
mod blocking;
mod call;
mod call_kw;
mod carets;
mod compare;
pub mod convert;
pub(crate) mod delegate;
pub mod error;
mod eval;
mod eval_lookup;
mod exec;
mod exec_build;
mod fast_ops;
pub mod finalize;
pub mod frame;
pub mod gc;
pub mod gil;
mod immortal;
pub mod import;
pub mod import_lock;
mod invoke;
mod iterate;
mod ops;
pub mod os_thread;
mod pattern;
pub mod recursion;
mod resume;
pub mod schedule;
pub mod signals;
pub mod stdin;
pub mod stdio;
mod suggest;
pub mod threads;
pub mod timeout;
pub mod trace;
pub mod traceback;
mod type_cache;
mod type_expr;
mod unwind;

use crate::runtime::pyarc::PyArc;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;

pub use attr::no_attribute as attr_error_for;
pub use error::{PyErr, PyResult};
use frame::Frame;

use crate::runtime::dict::PyDict;
use crate::runtime::module::Module;
use crate::runtime::value::Value;

/// How the interpreter was asked to run.
#[derive(Clone, Debug)]
pub struct Config {
    /// Whether the global interpreter lock is on.
    pub gil: bool,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Directory searched first for imports (the script's).
    pub path0: String,
    /// Disassemble instead of running.
    pub dis: bool,
    /// Write stdout and stderr unbuffered (`-u`, PYTHONUNBUFFERED).
    pub unbuffered: bool,
    /// When the holder of the GIL lets a waiting thread in (`-X switch=`).
    pub switch_policy: gil::SwitchPolicy,
    /// The switch interval to start with, in seconds (`-X switch=time:S`).
    pub switch_interval: Option<f64>,
    /// Which instruments are on (`--gil-stats`, `--timeline`, ...).
    pub instruments: crate::observe::Settings,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            gil: true,
            argv: vec![String::new()],
            path0: String::new(),
            dis: false,
            unbuffered: false,
            switch_policy: gil::SwitchPolicy::Time,
            switch_interval: None,
            instruments: crate::observe::Settings::default(),
        }
    }
}

/// State shared by every thread of one interpreter.
pub struct Shared {
    pub config: Config,
    pub builtins: PyArc<PyDict>,
    pub builtins_module: PyArc<Module>,
    /// `sys.modules`.
    pub modules: PyArc<PyDict>,
    pub sys: PyArc<Module>,
    pub gil: gil::Gil,
    /// The instruments: thread records, stats, timeline.
    pub observe: crate::observe::Observer,
    pub stdout: stdio::StdStream,
    pub stderr: stdio::StdStream,
    pub recursion_limit: AtomicUsize,
    /// Rust-implemented modules not imported yet, by name.
    pub native_modules: Mutex<HashMap<&'static str, crate::modules::ModuleInit>>,
    /// What was read from standard input and not yet consumed.
    pub stdin: stdin::StdIn,
    /// The signal the process must die by once the interpreter is done
    /// (SIGINT after an uncaught KeyboardInterrupt, as CPython); 0: none.
    pub exit_signal: std::sync::atomic::AtomicI32,
    /// Makes each module's body run once (see `import_lock`).
    pub import_locks: import_lock::ImportLocks,
    /// `sys.set_int_max_str_digits` (0: no limit).
    pub int_max_str_digits: AtomicUsize,
    /// Python-level signal handlers by signal number (`signal.signal`).
    pub signal_handlers: Mutex<HashMap<i32, Value>>,
    /// Run at exit: flush files the program left open.
    pub exit_hooks: Mutex<Vec<Box<dyn Fn() + Send + Sync>>>,
    /// What an embedding host controls: limits, sandbox, interrupt.
    pub host: crate::embed::host::HostState,
    /// The cycle collector's settings and tracked objects.
    pub gc: gc::Collector,
    /// Instances waiting for their `__del__` (`finalize.rs`).
    pub finalizers: finalize::Finalizers,
}

/// One thread of execution.
pub struct Vm {
    pub shared: Arc<Shared>,
    pub frames: Vec<Frame>,
    /// The exception being handled by the running frame, or None (see
    /// [`Vm::handled_exception`]).
    pub exc_info: Value,
    /// The `exc_info` of each running generator's resumer, innermost
    /// last: a generator has its own (`resume.rs`), and CPython looks
    /// through them all for the exception being handled.
    pub exc_below: Vec<Value>,
    /// The value stack: every frame's locals, then its operands, above
    /// its caller's.
    pub stack: Vec<Value>,
    /// Lowest stack address this thread may use before raising RecursionError.
    stack_limit: usize,
    /// Nested evaluation loops (Rust calling back into Python).
    pub native_depth: usize,
    /// Rust-level recursive operations in progress: they count toward the
    /// recursion limit with the frames (`recursion.rs`).
    c_depth: usize,
    /// Containers being repr'd, to print `[...]` for self-references.
    pub repr_guard: std::collections::HashSet<usize>,
    /// Class attribute lookups this thread made (`type_cache.rs`).
    type_cache: type_cache::TypeCache,
    pub thread: threads::ThreadState,
    /// The code object the thread last recorded a lock site in (see
    /// `hold_site`): the record is asked to keep it only when it changes.
    kept_code: usize,
    /// Run the traced eval loop (`trace.rs`): a scheduler or a race
    /// recorder wants to see every instruction.
    traced: bool,
    /// Instructions left in this thread's slice under the scheduler.
    sched_left: u64,
    /// The slice's length when it started (`sched_slice - sched_left` ran).
    sched_slice: u64,
    /// Binds the thread to its interpreter's memory count, under a
    /// host's memory limit (`embed/memory.rs`).
    _memory: Option<crate::embed::memory::Account>,
    /// Lets the emergency memory reserve reach this thread's eval breaker.
    _reserve: crate::runtime::memory_reserve::Binding,
}

/// Bytes of native stack kept free below the guard.
const STACK_RESERVE: usize = 256 * 1024;

impl Vm {
    /// A VM for the current thread, whose stack is `stack_size` bytes;
    /// `record` is the thread's record, registered by whoever started it.
    pub fn new(shared: Arc<Shared>, stack_size: usize, record: Arc<crate::observe::record::ThreadRecord>) -> Vm {
        let scheduled = shared.gil.scheduler().is_some();
        let shared_traced = scheduled || shared.observe.races.is_some();
        gc::attach(&shared);
        let memory = crate::embed::memory::Account::bind(&shared);
        let reserve = crate::runtime::memory_reserve::Binding::bind(&shared);
        let here = stack_address();
        let stack_limit = here.saturating_sub(stack_size.saturating_sub(STACK_RESERVE));
        Vm {
            shared,
            frames: Vec::new(),
            exc_info: Value::None,
            exc_below: Vec::new(),
            stack: Vec::with_capacity(1024),
            stack_limit,
            native_depth: 0,
            c_depth: 0,
            repr_guard: std::collections::HashSet::new(),
            type_cache: type_cache::TypeCache::default(),
            thread: threads::ThreadState::new(record),
            kept_code: 0,
            traced: shared_traced,
            // The first instruction asks the scheduler for a real slice.
            sched_left: if scheduled { 1 } else { u64::MAX },
            sched_slice: if scheduled { 1 } else { u64::MAX },
            _memory: memory,
            _reserve: reserve,
        }
    }

    pub fn builtins(&self) -> &PyArc<PyDict> {
        &self.shared.builtins
    }

    /// The exception being handled (`sys.exc_info()`, bare `raise`, the
    /// context of a new exception): the running frame's, or inside a
    /// generator handling none, the nearest resumer's that handles one.
    pub fn handled_exception(&self) -> &Value {
        if matches!(self.exc_info, Value::Instance(_)) {
            return &self.exc_info;
        }
        self.exc_below.iter().rev().find(|v| matches!(v, Value::Instance(_))).unwrap_or(&self.exc_info)
    }

    pub fn recursion_limit(&self) -> usize {
        self.shared.recursion_limit.load(Ordering::Relaxed)
    }

    /// Fails with RecursionError when the native stack runs low.
    pub fn check_native_stack(&self) -> PyResult<()> {
        if stack_address() < self.stack_limit {
            return Err(error::recursion_error());
        }
        Ok(())
    }
}

/// An address on the current thread's stack.
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}
