//! pyl: a Python-3-like interpreter for learning how threads, processes
//! and the global interpreter lock behave — as a library a Rust program
//! hosts scripts with.
//!
//! Build an [`Interpreter`] with [`Interpreter::builder`] (GIL on or off,
//! streams, sandbox, limits), run code in its persistent `__main__`
//! ([`exec`](Interpreter::exec), [`eval`](Interpreter::eval),
//! [`run_file`](Interpreter::run_file), [`compile`](Interpreter::compile)),
//! move values both ways ([`IntoPy`], [`FromPy`], [`Object`]), call Python
//! from Rust ([`Interpreter::call`] with [`Args`]), extend scripts with
//! Rust functions and [`NativeModule`]s that may release the interpreter
//! lock while they block ([`allow_threads`]), and watch the lock at work
//! ([`Interpreter::gil_stats`]). Every failure is a typed [`Error`].
//!
//! ```
//! let out = pyl::Capture::new();
//! let interp = pyl::Interpreter::builder().stdout(out.clone()).sandboxed().build();
//! interp.exec("def area(w, h):\n    return w * h\nprint(area(6, 7))").unwrap();
//! assert_eq!(out.text(), "42\n");
//! let area: pyl::Object = interp.global("area").unwrap();
//! assert_eq!(interp.call::<i64>(&area, (3, 4)).unwrap(), 12);
//! ```
//!
//! Inside, the pipeline is `syntax` (logos lexer, indentation layer,
//! lalrpop parser) to an AST, `compiler` to `bytecode`, and `vm` running
//! it over the object model in `runtime`, with builtin `modules`; `observe`
//! holds the instruments. They are private to the crate: the items above
//! are the whole API.

#![warn(missing_docs)]

mod bytecode;
mod compiler;
mod embed;
mod modules;
mod observe;
mod runtime;
mod session;
mod syntax;
mod vm;

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use parking_lot::Mutex;

pub use embed::{
    Args, Builder, Bytes, Capture, CountingAllocator, Error, Exception, FromPy, GilStats, IntoPy, Limit, NativeError,
    NativeFunction, NativeModule, Object, Program, PyIter, SyntaxError, ThreadStats, ThreadTimes, allow_threads,
};
use runtime::value::Value;
use session::Session;
use vm::{Config, PyErr, Shared, Vm};

/// What the `pyl` command needs beyond the public API: running a program
/// as `python3` does, the interactive session, the command line's
/// settings. Not part of the embedding API, and not stable.
#[doc(hidden)]
#[allow(missing_docs)]
pub mod cli {
    pub use crate::observe::Settings as Instruments;
    pub use crate::runtime::memory_reserve::{arm as arm_memory_reserve, rescue as rescue_allocation};
    pub use crate::runtime::pyarc::set_exclusive as exclusive_reference_counts;
    pub use crate::session::{Outcome, Session};
    pub use crate::syntax::interactive::is_complete;
    pub use crate::vm::Config;
    pub use crate::vm::gil::SwitchPolicy;
    pub use crate::vm::schedule::Rule;
}

/// Stack size of the thread that runs the interpreter: deep recursion is
/// bounded by the recursion limit long before this is used up.
const MAIN_STACK: usize = 8 * 1024 * 1024;

/// One interpreter: its modules, builtins and configuration.
///
/// Build one with [`Interpreter::builder`]. Each interpreter has its own
/// `__main__`, modules, threads and interpreter lock: several may run in
/// one process, driven from different Rust threads at once.
pub struct Interpreter {
    shared: Arc<Shared>,
    /// The thread that runs the host's calls (`exec`, `eval`, ...),
    /// started by the first of them.
    worker: std::sync::OnceLock<embed::worker::Worker>,
}

impl Interpreter {
    /// An interpreter as the `pyl` command runs one: the process's own
    /// standard streams, every module, no limits.
    #[doc(hidden)]
    pub fn new(config: Config) -> Interpreter {
        Interpreter::with_host(config, embed::builder::Setup::default())
    }

    pub(crate) fn with_host(config: Config, setup: embed::builder::Setup) -> Interpreter {
        let builtins_module = modules::builtins::create();
        let modules_dict = PyArc::new(runtime::dict::PyDict::new());
        let sys = modules::sys::create(&config, Value::Dict(modules_dict.clone()));
        modules_dict.set_item_str("builtins", Value::Module(builtins_module.clone()));
        modules_dict.set_item_str("sys", Value::Module(sys.clone()));
        modules::builtins::site::install(&builtins_module);
        let observe = observe::Observer::new(config.instruments.clone());
        let gil = vm::gil::Gil::new(config.gil, config.switch_policy, observe.clock);
        if let Some(secs) = config.switch_interval {
            gil.set_switch_interval(secs);
        }
        let shared = Shared {
            gil,
            observe,
            builtins: builtins_module.dict.clone(),
            builtins_module,
            modules: modules_dict,
            sys,
            stdout: match setup.stdout {
                Some(sink) => vm::stdio::StdStream::to_sink(1, sink),
                None => vm::stdio::StdStream::new(1, config.unbuffered),
            },
            stderr: match setup.stderr {
                Some(sink) => vm::stdio::StdStream::to_sink(2, sink),
                None => vm::stdio::StdStream::new(2, config.unbuffered),
            },
            recursion_limit: AtomicUsize::new(1000),
            int_max_str_digits: AtomicUsize::new(vm::convert::INT_MAX_STR_DIGITS),
            native_modules: Mutex::new(modules::native_modules()),
            import_locks: vm::import_lock::ImportLocks::new(),
            stdin: match setup.stdin {
                Some(reader) => vm::stdin::StdIn::from_reader(reader),
                None => vm::stdin::StdIn::default(),
            },
            exit_signal: std::sync::atomic::AtomicI32::new(0),
            exit_hooks: Mutex::new(Vec::new()),
            signal_handlers: Mutex::new(std::collections::HashMap::new()),
            host: setup.host,
            gc: vm::gc::Collector::default(),
            finalizers: vm::finalize::Finalizers::default(),
            config,
        };
        if let Some(limit) = setup.recursion_limit {
            shared.recursion_limit.store(limit, std::sync::atomic::Ordering::Relaxed);
        }
        if shared.host.sandboxed {
            embed::builder::sandbox(&shared);
        }
        Interpreter { shared: Arc::new(shared), worker: std::sync::OnceLock::new() }
    }

    /// Makes Ctrl-C raise KeyboardInterrupt in this interpreter's main
    /// thread, as in CPython. The CLI asks for it; a host that embeds pyl
    /// may keep its own SIGINT handling by not calling this.
    #[doc(hidden)]
    pub fn catch_sigint(&self) {
        vm::signals::route(&self.shared.gil);
    }

    /// A function that sends out whatever the program has written to
    /// stdout and stderr and pyl still buffers, for a host's panic hook
    /// (the `pyl` command calls it before reporting an internal error, so
    /// no output the program produced is lost).
    #[doc(hidden)]
    pub fn output_flusher(&self) -> impl Fn() + Send + Sync + 'static {
        let shared = self.shared.clone();
        move || {
            shared.stdout.flush_if_free();
            shared.stderr.flush_if_free();
        }
    }

    /// The signal the process should die by now that the program has
    /// finished: SIGINT after an uncaught KeyboardInterrupt, as CPython
    /// does (the status returned alongside is 130, 128 + SIGINT).
    #[doc(hidden)]
    pub fn exit_signal(&self) -> Option<i32> {
        match self.shared.exit_signal.load(std::sync::atomic::Ordering::SeqCst) {
            0 => None,
            sig => Some(sig),
        }
    }

    #[doc(hidden)]
    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// Runs a script file as `__main__` as the `pyl` command does
    /// (errors reported on stderr); returns the process exit status.
    #[doc(hidden)]
    pub fn run_script(&self, path: &str) -> i32 {
        match std::fs::read(path) {
            Ok(bytes) => self.run_bytes(&bytes, path),
            Err(e) => {
                report_unreadable(path, &e);
                2
            }
        }
    }

    /// Runs a script's bytes as `__main__`, decoded as CPython decodes a
    /// script file (BOM, PEP 263 coding declaration, else UTF-8); a
    /// source that cannot be decoded is a SyntaxError, exit status 1.
    #[doc(hidden)]
    pub fn run_bytes(&self, bytes: &[u8], filename: &str) -> i32 {
        match syntax::source::decode(bytes, syntax::source::Origin::File(filename)) {
            Ok(text) => self.run_source(&text, filename),
            Err(e) => {
                eprint!("{}", vm::traceback::syntax_error_report(&e, filename, ""));
                1
            }
        }
    }

    /// Runs `front_end` on the interpreter's main thread with a
    /// [`Session`]: the persistent `__main__` a read-eval-print loop
    /// feeds. Returns what `front_end` returns (the exit status, normally
    /// from [`Session::finish`]).
    #[doc(hidden)]
    pub fn interactive<F>(&self, front_end: F) -> i32
    where
        F: FnOnce(Session) -> i32 + Send,
    {
        let shared = self.shared.clone();
        std::thread::scope(|scope| {
            let worker = std::thread::Builder::new()
                .name("MainThread".into())
                .stack_size(MAIN_STACK)
                .spawn_scoped(scope, move || front_end(Session::new(shared, MAIN_STACK)));
            match worker.map(|h| h.join()) {
                Ok(Ok(code)) => code,
                Ok(Err(panic)) => internal_error(&*panic),
                Err(e) => {
                    eprintln!("pyl: cannot start the interpreter thread: {e}");
                    70
                }
            }
        })
    }

    /// Compiles and runs `source` as the `__main__` module.
    #[doc(hidden)]
    pub fn run_source(&self, source: &str, filename: &str) -> i32 {
        let shared = self.shared.clone();
        let source = source.to_string();
        let filename = filename.to_string();
        let worker = std::thread::Builder::new()
            .name("MainThread".into())
            .stack_size(MAIN_STACK)
            .spawn(move || run_main(shared, &source, &filename));
        match worker.map(|h| h.join()) {
            Ok(Ok(code)) => code,
            Ok(Err(panic)) => {
                self.shared.stdout.flush_if_free();
                internal_error(&*panic)
            }
            Err(e) => {
                eprintln!("pyl: cannot start the interpreter thread: {e}");
                70
            }
        }
    }
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.stop(&self.shared);
        }
        vm::signals::unroute(&self.shared.gil);
    }
}

/// Checks that `source` compiles (lexer, parser, compiler) without running
/// it, as `python3 -m py_compile` does; on failure returns the report
/// CPython would print (`File ..., line N`, the line, the caret and
/// `SyntaxError: ...`). The fuzz target in `fuzz/` drives this.
#[doc(hidden)]
pub fn compile_only(source: &str, filename: &str) -> Result<(), String> {
    match compiler::compile_source(source, filename, compiler::Mode::Exec) {
        Ok(code) => {
            // The disassembler reads every instruction and table entry the
            // compiler produced, so a malformed code object shows up here.
            let _ = bytecode::disasm::disassemble(&code);
            Ok(())
        }
        Err(e) => Err(vm::traceback::syntax_error_report(&e, filename, source)),
    }
}

/// The interpreter's main thread: holds the interpreter lock while it runs.
fn run_main(shared: Arc<Shared>, source: &str, filename: &str) -> i32 {
    let record = shared.observe.register(true);
    record.set_ids(vm::threads::current_ident(), vm::threads::native_id());
    let mut vm = Vm::new(shared.clone(), MAIN_STACK, record.clone());
    shared.gil.acquire(&record);
    let status = run_main_locked(&mut vm, source, filename);
    // Values the main thread still holds are dropped under the lock.
    drop(vm);
    shared.gil.release_at_end(&record);
    status
}

/// `python3`'s report of a script it cannot read.
fn report_unreadable(path: &str, e: &std::io::Error) {
    let exe = std::env::args().next().unwrap_or_else(|| "pyl".into());
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = vm::error::strerror(errno).unwrap_or_else(|| e.to_string());
    eprintln!("{exe}: can't open file '{path}': [Errno {errno}] {msg}");
}

/// A fresh `__main__`, registered in `sys.modules` (`__file__` only for
/// a script: the interactive prompt's has none).
fn main_module(shared: &Shared, filename: Option<&str>) -> PyArc<runtime::module::Module> {
    let main = PyArc::new(runtime::module::Module::new("__main__"));
    if let Some(f) = filename {
        main.set("__file__", Value::str(f));
    }
    // CPython's __main__ starts with an empty __annotations__.
    main.set("__annotations__", Value::new_dict(runtime::dict::PyDict::new()));
    main.set("__builtins__", Value::Module(shared.builtins_module.clone()));
    shared.modules.set_item_str("__main__", Value::Module(main.clone()));
    main
}

fn run_main_locked(vm: &mut Vm, source: &str, filename: &str) -> i32 {
    let shared = vm.shared.clone();
    let main = main_module(&shared, Some(filename));
    let code = match compiler::compile_source(source, filename, compiler::Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            let err = vm::traceback::syntax_error_value(&e, filename, source);
            vm.print_exception(&err);
            return 1;
        }
    };
    if shared.config.dis {
        let text = bytecode::disasm::disassemble(&code);
        let _ = shared.stdout.write(&text);
        let _ = shared.stdout.flush();
        return 0;
    }
    let frame = vm.frame_for_code(code, main.dict.clone());
    let mut status = match vm.run_frame(frame) {
        Ok(_) => 0,
        Err(e) => {
            // CPython then dies by SIGINT itself (so a shell sees the
            // signal); the host does that once the interpreter is done.
            if e.is(&runtime::types::types().exc.keyboard_interrupt) {
                shared.exit_signal.store(libc::SIGINT, std::sync::atomic::Ordering::SeqCst);
            }
            exit_status(vm, &e)
        }
    };
    if let Err(e) = run_exit_waits(vm) {
        status = exit_status(vm, &e);
    }
    vm.finalize_main(&main.dict);
    if finish(vm) {
        status = 120;
    }
    exit_reports(vm);
    status
}

/// The instruments' reports at the end of a run (`--gil-stats`,
/// `--timeline`, `--explain-races`), once the threads that are not
/// daemons have closed their records: joined, they have finished their
/// Python code but may still be on their way out.
pub(crate) fn exit_reports(vm: &Vm) {
    let shared = vm.shared.clone();
    vm.allow_threads(|| observe::settle(&shared.observe, std::time::Duration::from_millis(500)));
    observe::at_exit(&vm.shared);
}

/// The exit status for an exception that reached the top (printing it,
/// or the message of `sys.exit("...")`).
pub(crate) fn exit_status(vm: &mut Vm, e: &PyErr) -> i32 {
    if e.is(&runtime::types::types().exc.system_exit) {
        let code = match e.args() {
            Value::Tuple(t) if t.len() == 1 => t.items[0].clone(),
            Value::Tuple(t) if t.is_empty() => Value::None,
            other => other,
        };
        return match code {
            Value::None => 0,
            Value::Int(n) => n as i32,
            Value::Bool(b) => b as i32,
            other => {
                let msg = vm.str(&other).unwrap_or_default();
                vm.flush_std();
                let _ = vm.shared.stderr.write(&format!("{msg}\n"));
                1
            }
        };
    }
    vm.print_exception(e);
    if let Some(s) = vm.shared.gil.scheduler() {
        let how = match s.rule() {
            vm::schedule::Rule::Seeded(seed) => format!("--schedule {seed}"),
            vm::schedule::Rule::Every(n) => format!("--switch-every {n}"),
        };
        let _ =
            vm.shared.stderr.write(&format!("pyl: this run was scheduled with {how}: the same command replays it\n"));
    }
    // CPython dies by SIGINT here; a shell reports that as 128 + 2.
    if e.is(&runtime::types::types().exc.keyboard_interrupt) {
        return 130;
    }
    1
}

/// Like CPython at exit: waits for every non-daemon thread `threading`
/// started (daemon threads die with the process), runs the `atexit`
/// handlers, then waits for the child
/// processes `multiprocessing` started (daemonic ones are terminated).
fn run_exit_waits(vm: &mut Vm) -> Result<(), PyErr> {
    // CPython's order: threads joined, then the atexit handlers (among
    // which CPython's multiprocessing registers its own exit function).
    for (module, hook) in
        [("threading", "_shutdown"), ("atexit", "_run_exitfuncs"), ("multiprocessing", "_exit_function")]
    {
        let Some(Value::Module(m)) = vm.shared.modules.get_item_str(module) else {
            continue;
        };
        if let Some(f) = m.get(hook) {
            vm.call(&f, &[])?;
        }
    }
    Ok(())
}

/// Flushes what the program left buffered.
/// Runs the exit hooks and flushes the standard streams; true if stdout
/// could not be written (the exit status becomes 120, as in CPython).
fn finish(vm: &Vm) -> bool {
    let hooks = std::mem::take(&mut *vm.shared.exit_hooks.lock());
    for h in hooks {
        h();
    }
    vm.flush_std_at_exit()
}

/// A Rust panic is a bug in pyl: say so in one line, exit 70.
fn internal_error(panic: &(dyn std::any::Any + Send)) -> i32 {
    let msg = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    eprintln!("pyl: internal error (sorry, this is a bug in pyl, not in your program): {msg}");
    70
}
