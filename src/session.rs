//! An interactive session: one persistent `__main__` module that
//! successive pieces of source run in, as a read-eval-print loop needs.
//!
//! Contract: a [`Session`] exists only on the interpreter's main thread,
//! inside [`Interpreter::interactive`](crate::Interpreter::interactive), so
//! Ctrl-C and signal handlers reach the code it runs. It holds the
//! interpreter lock only while one of its methods runs: between calls
//! (while a front end waits for the user) threads the user started keep
//! running. Every method prints what CPython's REPL prints for an error
//! (traceback or syntax error report on stderr) and reports the outcome;
//! none of them panics on bad input.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;

use crate::runtime::module::Module;
use crate::runtime::value::Value;
use crate::vm::{PyErr, Shared, Vm};
use crate::{compiler, vm};

/// The filename interactive input is compiled under, as in CPython.
pub const STDIN: &str = "<stdin>";

/// How one piece of input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It ran to the end; expression statements echoed their values.
    Done,
    /// It raised, or did not compile: the report was printed on stderr.
    Failed,
    /// It raised SystemExit (`exit()`, `sys.exit(n)`): the session should
    /// end with this status (after [`Session::finish`]).
    Exit(i32),
}

/// The main thread's interpreter state between inputs.
pub struct Session {
    shared: Arc<Shared>,
    /// Always `Some` until dropped: taken out so that the values it still
    /// holds are dropped under the interpreter lock.
    vm: Option<Vm>,
    main: PyArc<Module>,
}

impl Session {
    /// Must run on the thread that will call every other method (the
    /// interpreter's main thread); `stack_size` is that thread's stack.
    pub(crate) fn new(shared: Arc<Shared>, stack_size: usize) -> Session {
        let record = shared.observe.register(true);
        record.set_ids(vm::threads::current_ident(), vm::threads::native_id());
        shared.gil.acquire(&record);
        let vm = Vm::new(shared.clone(), stack_size, record.clone());
        let main = crate::main_module(&shared, None);
        shared.gil.release(&record, Default::default());
        record.begin_wait(prompt_wait());
        Session { shared, vm: Some(vm), main }
    }

    /// Whether the global interpreter lock is on (for the banner).
    pub fn gil_enabled(&self) -> bool {
        self.shared.config.gil
    }

    /// The prompts: `str()` of `sys.ps1` and `sys.ps2`, which are set to
    /// `>>> ` and `... ` when missing, as CPython's interactive mode does
    /// (programs test `hasattr(sys, 'ps1')` to know they are at a prompt).
    pub fn prompts(&mut self) -> (String, String) {
        self.locked(|vm, _| {
            let mut prompt = |name: &str, default: &str| match vm.shared.sys.get(name) {
                Some(v) => vm.str(&v).unwrap_or_else(|_| default.to_string()),
                None => {
                    vm.shared.sys.set(name, Value::str(default));
                    default.to_string()
                }
            };
            (prompt("ps1", ">>> "), prompt("ps2", "... "))
        })
    }

    /// Runs `f` holding the interpreter lock.
    fn locked<R>(&mut self, f: impl FnOnce(&mut Vm, &PyArc<Module>) -> R) -> R {
        let shared = self.shared.clone();
        let vm = self.vm.as_mut().expect("the session's VM lives until drop");
        let record = vm.thread.record.clone();
        // A prompt's wait record holds no Python object: it may go now.
        drop(record.end_wait());
        shared.gil.acquire(&record);
        let r = f(vm, &self.main);
        // Between inputs the prompt waits for the user: blocked, as in
        // input(), and the deadlock detector knows the user may act.
        shared.gil.release(&record, Default::default());
        record.begin_wait(prompt_wait());
        r
    }

    /// Runs a script file in `__main__` (`pyl -i FILE`): its globals stay
    /// for the input that follows, also when it raised (even SystemExit,
    /// as with CPython's -i). Exit(2) if the file cannot be read.
    pub fn run_file(&mut self, path: &str) -> Outcome {
        match std::fs::read(path) {
            Ok(bytes) => {
                self.main.set("__file__", Value::str(path));
                match crate::syntax::source::decode(&bytes, crate::syntax::source::Origin::File(path)) {
                    Ok(text) => self.run(&text, path, compiler::Mode::Exec),
                    Err(e) => self.locked(|vm, _| {
                        vm.print_exception(&vm::traceback::syntax_error_value(&e, path, ""));
                        Outcome::Failed
                    }),
                }
            }
            Err(e) => {
                crate::report_unreadable(path, &e);
                Outcome::Exit(2)
            }
        }
    }

    /// Runs a program given as text (`pyl -i -c CODE`) in `__main__`.
    pub fn run_source(&mut self, source: &str, filename: &str) -> Outcome {
        self.run(source, filename, compiler::Mode::Exec)
    }

    /// Runs one complete piece of interactive input (as CPython's
    /// "single" mode): each expression statement at its top level hands
    /// its value to the display hook, which prints its repr unless it is
    /// None and keeps it in `builtins._`.
    pub fn run_interactive(&mut self, source: &str) -> Outcome {
        self.run(source, STDIN, compiler::Mode::Interactive)
    }

    fn run(&mut self, source: &str, filename: &str, mode: compiler::Mode) -> Outcome {
        // CPython's -i reports even a SystemExit of the script and goes on
        // to the prompt; at the prompt it ends the session.
        let exit_ends = mode == compiler::Mode::Interactive;
        self.locked(|vm, main| {
            let code = match compiler::compile_source(source, filename, mode) {
                Ok(c) => c,
                Err(e) => {
                    let err = vm::traceback::syntax_error_value(&e, filename, source);
                    vm.print_exception(&err);
                    return Outcome::Failed;
                }
            };
            let frame = vm.frame_for_code(code, main.dict.clone());
            // What it printed stays buffered: the front end's next
            // `tap_output` writes it out and says if it ended mid-line.
            match vm.run_frame(frame) {
                Ok(_) => Outcome::Done,
                Err(e) => report(vm, &e, exit_ends),
            }
        })
    }

    /// The names visible at the top level: `__main__`'s globals, then the
    /// builtins, each once, sorted.
    pub fn global_names(&mut self) -> Vec<String> {
        self.locked(|vm, main| {
            let mut names: Vec<String> = main
                .dict
                .keys()
                .into_iter()
                .chain(vm.shared.builtins.keys())
                .filter_map(|k| k.as_str().map(|s| s.as_str().to_string()))
                .collect();
            names.sort();
            names.dedup();
            names
        })
    }

    /// `dir()` of the object a plain dotted name (`os.path`) denotes in
    /// `__main__`, or None if it is not such a name, is not bound, or
    /// looking it up raised. Only attribute lookups run: no calls, no
    /// subscripts, so completing a name cannot start arbitrary work.
    pub fn attribute_names(&mut self, dotted: &str) -> Option<Vec<String>> {
        let parts: Vec<&str> = dotted.split('.').collect();
        if parts.iter().any(|p| !is_identifier(p)) {
            return None;
        }
        self.locked(|vm, main| {
            let mut obj = main.dict.get_item_str(parts[0]).or_else(|| vm.shared.builtins.get_item_str(parts[0]))?;
            for p in &parts[1..] {
                obj = vm.get_attr_str(&obj, p).ok()?;
            }
            let dir = vm.shared.builtins.get_item_str("dir")?;
            let Value::List(list) = vm.call(&dir, &[obj]).ok()? else {
                return None;
            };
            let names = list.snapshot().iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect();
            Some(names)
        })
    }

    /// Whether `name` in `__main__` (or the attribute `name` of the object
    /// the dotted `owner` denotes) is callable; false when it cannot be
    /// looked up. Completion appends `(` to callables, as rlcompleter does.
    pub fn is_callable(&mut self, owner: Option<&str>, name: &str) -> bool {
        let path: Vec<&str> = owner.map(|o| o.split('.').collect()).unwrap_or_default();
        if path.iter().chain(std::iter::once(&name)).any(|p| !is_identifier(p)) {
            return false;
        }
        self.locked(|vm, main| {
            let lookup = |vm: &mut Vm, first: &str, rest: &[&str]| -> Option<Value> {
                let mut obj = main.dict.get_item_str(first).or_else(|| vm.shared.builtins.get_item_str(first))?;
                for p in rest {
                    obj = vm.get_attr_str(&obj, p).ok()?;
                }
                Some(obj)
            };
            let found = match path.split_first() {
                None => lookup(vm, name, &[]),
                Some((first, rest)) => {
                    let mut all: Vec<&str> = rest.to_vec();
                    all.push(name);
                    lookup(vm, first, &all)
                }
            };
            let Some(obj) = found else { return false };
            let Some(callable) = vm.shared.builtins.get_item_str("callable") else { return false };
            matches!(vm.call(&callable, &[obj]), Ok(Value::Bool(true)))
        })
    }

    /// While `tap` is set, whole lines written to stdout and stderr (by
    /// any thread) go to it instead of the terminal: a line editor shows
    /// them above its prompt. `None` writes directly again. The tap is
    /// called with a stream locked: it must not block or write to the
    /// streams itself. Returns whether the output written out before the
    /// tap ended in the middle of a line.
    pub fn tap_output(&self, tap: Option<Arc<dyn Fn(String) + Send + Sync>>) -> bool {
        let mut mid_line = false;
        for stream in [&self.shared.stdout, &self.shared.stderr] {
            let boxed = tap.clone().map(|t| Box::new(move |s: String| t(s)) as vm::stdio::Tap);
            // Writing out what was buffered before can only fail like any
            // other write to a closed terminal: nothing to report it to.
            mid_line |= stream.set_tap(boxed).unwrap_or(false);
        }
        mid_line
    }

    /// The exit steps of any pyl run (waits for non-daemon threads and
    /// child processes, flushes), then the status to exit with: `status`,
    /// or the one an exception during those steps calls for.
    pub fn finish(mut self, status: i32) -> i32 {
        self.locked(|vm, main| {
            let mut status = status;
            if let Err(e) = crate::run_exit_waits(vm) {
                status = crate::exit_status(vm, &e);
            }
            vm.finalize_main(&main.dict);
            if crate::finish(vm) {
                status = 120;
            }
            crate::exit_reports(vm);
            status
        })
    }
}

/// Prints an exception that ended a piece of input, as the REPL does;
/// SystemExit ends the session instead.
fn report(vm: &mut Vm, e: &PyErr, exit_ends: bool) -> Outcome {
    if exit_ends && e.is(&crate::runtime::types::types().exc.system_exit) {
        return Outcome::Exit(crate::exit_status(vm, e));
    }
    vm.print_exception(e);
    Outcome::Failed
}

/// The main thread's wait between inputs.
fn prompt_wait() -> crate::observe::wait::WaitInfo {
    use crate::observe::wait::{WaitInfo, Waiting};
    WaitInfo { what: Waiting::Prompt, timeout: false, ticket: 0, site: None, call: None }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric())
}

impl Drop for Session {
    fn drop(&mut self) {
        // Values the main thread still holds are dropped under the lock,
        // as at the end of any run.
        let Some(vm) = self.vm.take() else {
            return;
        };
        let record = vm.thread.record.clone();
        drop(record.end_wait());
        self.shared.gil.acquire(&record);
        drop(vm);
        // `__main__` too: its count may be a plain integer.
        self.main = PyArc::new(Module::new("__main__"));
        self.shared.gil.release_at_end(&record);
    }
}
