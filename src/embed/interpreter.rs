//! The host's calls on an [`Interpreter`]: run code, move values, call
//! Python, extend it with Rust, stop it.
//!
//! Contract: every call runs on the interpreter's worker thread
//! (`worker.rs`) in its persistent `__main__`, one call at a time, with
//! the limits of the builder counted afresh for each call; the result is
//! converted there and handed back. Any Rust thread may call; two
//! interpreters never share state.

use crate::runtime::pyarc::PyArc;

use super::convert::{Data, FromPy, IntoPy};
use super::error::{Error, syntax_error};
use super::host::{Trip, Watchdog};
use super::native::{NativeFunction, NativeModule, function_value};
use super::object::Object;
use super::worker::Worker;
use crate::Interpreter;
use crate::bytecode::Code;
use crate::compiler::{self, Mode};
use crate::runtime::module::Module;
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Code compiled once by [`Interpreter::compile`], to run many times.
#[derive(Clone)]
pub struct Program {
    code: PyArc<Code>,
}

/// The arguments of a call from Rust: positional, then keyword.
/// A tuple converts into positional arguments.
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// interp.exec("def greet(name, punct='.'):\n    return 'hi ' + name + punct").unwrap();
/// let greet: pyl::Object = interp.global("greet").unwrap();
/// let args = pyl::Args::new().arg("ann").kwarg("punct", "!");
/// assert_eq!(interp.call::<String>(&greet, args).unwrap(), "hi ann!");
/// assert_eq!(interp.call::<String>(&greet, ("bob",)).unwrap(), "hi bob.");
/// ```
#[derive(Default)]
pub struct Args {
    pos: Vec<Data>,
    kw: Vec<(String, Data)>,
}

impl Args {
    /// No arguments.
    pub fn new() -> Args {
        Args::default()
    }

    /// Appends a positional argument.
    pub fn arg(mut self, value: impl IntoPy) -> Args {
        self.pos.push(value.into_data());
        self
    }

    /// Appends a keyword argument.
    pub fn kwarg(mut self, name: &str, value: impl IntoPy) -> Args {
        self.kw.push((name.to_string(), value.into_data()));
        self
    }
}

macro_rules! args_from_tuple {
    ($($t:ident $i:tt),*) => {
        impl<$($t: IntoPy),*> From<($($t,)*)> for Args {
            #[allow(unused_variables)]
            fn from(t: ($($t,)*)) -> Args {
                Args { pos: vec![$(t.$i.into_data()),*], kw: Vec::new() }
            }
        }
    };
}

args_from_tuple!();
args_from_tuple!(A 0);
args_from_tuple!(A 0, B 1);
args_from_tuple!(A 0, B 1, C 2);
args_from_tuple!(A 0, B 1, C 2, D 3);
args_from_tuple!(A 0, B 1, C 2, D 3, E 4);
args_from_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);

/// The items of a Python iterable, converted to `T` one by one as the
/// Rust iterator is advanced (each step runs the iterable's Python code
/// on the interpreter's thread). Made by [`Interpreter::iter`].
pub struct PyIter<'a, T> {
    interp: &'a Interpreter,
    iterator: Object,
    done: bool,
    _item: std::marker::PhantomData<fn() -> T>,
}

impl<T: FromPy> Iterator for PyIter<'_, T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Result<T, Error>> {
        if self.done {
            return None;
        }
        let it = self.iterator.0.clone();
        let r = self.interp.job(move |vm, _| match vm.iter_next(&it) {
            Ok(Some(v)) => convert::<T>(vm, &v).map(Some),
            Ok(None) => Ok(None),
            Err(e) => Err(e.into()),
        });
        match r {
            Ok(Some(v)) => Some(Ok(v)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// A failure inside a job: a Python exception still to be turned into
/// an [`Error`] (with the lock held), or an error already made.
pub(crate) enum JobError {
    Py(PyErr),
    Done(Error),
}

impl From<PyErr> for JobError {
    fn from(e: PyErr) -> JobError {
        JobError::Py(e)
    }
}

impl From<Error> for JobError {
    fn from(e: Error) -> JobError {
        JobError::Done(e)
    }
}

/// `v` as a `T`; a mismatch is `Error::Conversion`.
fn convert<T: FromPy>(vm: &mut Vm, v: &Value) -> Result<T, JobError> {
    T::from_py(v, vm).map_err(|e| {
        let msg = vm.str(&e.value()).unwrap_or_default();
        JobError::Done(Error::Conversion(msg))
    })
}

impl Interpreter {
    /// A [`Builder`](crate::Builder) for an interpreter a host embeds.
    pub fn builder() -> crate::Builder {
        crate::Builder::new()
    }

    /// Runs `f` on the worker as one host call: limits counted afresh,
    /// errors converted under the lock.
    pub(crate) fn job<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Vm, &PyArc<Module>) -> Result<R, JobError> + Send + 'static,
    ) -> Result<R, Error> {
        let worker = match self.worker.get() {
            Some(w) => w,
            None => {
                let w = Worker::start(&self.shared)?;
                // Two first calls may race to start it; the loser's
                // worker ends at once when dropped here.
                let _ = self.worker.set(w);
                self.worker.get().ok_or_else(|| Error::Unavailable("no interpreter thread".into()))?
            }
        };
        let shared = self.shared.clone();
        worker.run(move |vm, main| {
            shared.host.begin(&shared);
            let watchdog = Watchdog::start(&shared);
            let r = f(vm, main);
            drop(watchdog);
            let tripped = shared.host.end(&shared);
            let limit = match tripped {
                Trip::Instructions => Some(crate::Limit::Instructions(shared.host.max_instructions)),
                Trip::Time => shared.host.max_duration.map(crate::Limit::Time),
                Trip::Memory => Some(crate::Limit::Memory(shared.host.max_memory)),
                Trip::Deadlock => {
                    let report = shared.host.deadlock_report.lock().take().unwrap_or_default();
                    return Err(Error::Deadlock(report));
                }
                Trip::None | Trip::Closing => None,
            };
            if let Some(limit) = limit {
                return Err(Error::Limit(limit));
            }
            r.map_err(|e| match e {
                JobError::Py(e) => Error::from_exception(vm, &e),
                JobError::Done(e) => e,
            })
        })
    }

    /// Runs statements in the interpreter's `__main__`: what they define
    /// stays for the next call.
    ///
    /// ```
    /// let interp = pyl::Interpreter::builder().build();
    /// interp.exec("total = 0").unwrap();
    /// interp.exec("for i in range(5):\n    total += i").unwrap();
    /// assert_eq!(interp.global::<i64>("total").unwrap(), 10);
    /// ```
    pub fn exec(&self, source: &str) -> Result<(), Error> {
        let program = self.compile_as(source, "<string>", Mode::Exec)?;
        self.run(&program)
    }

    /// Evaluates one expression in `__main__` and converts its value.
    ///
    /// ```
    /// let interp = pyl::Interpreter::builder().build();
    /// let v: Vec<(String, i64)> = interp.eval("[(c, ord(c)) for c in 'ab']").unwrap();
    /// assert_eq!(v, vec![("a".to_string(), 97), ("b".to_string(), 98)]);
    /// ```
    pub fn eval<T: FromPy>(&self, expr: &str) -> Result<T, Error> {
        let text = expr.trim_start_matches([' ', '\t']).to_string();
        let Program { code } = self.compile_as(&text, "<string>", Mode::Eval)?;
        self.job(move |vm, main| {
            let frame = vm.frame_for_code(code, main.dict.clone());
            let v = vm.run_frame(frame)?;
            convert::<T>(vm, &v)
        })
    }

    /// Runs a script file in `__main__` (its `__file__` set), decoded as
    /// CPython decodes one.
    pub fn run_file(&self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let name = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(path).map_err(|source| Error::Io { path: name.clone(), source })?;
        let origin = crate::syntax::source::Origin::File(&name);
        let text = match crate::syntax::source::decode(&bytes, origin) {
            Ok(t) => t,
            Err(e) => {
                let name2 = name.clone();
                return Err(self.job(move |vm, _| {
                    let err = crate::vm::traceback::syntax_error_value(&e, &name2, "");
                    Ok(Error::Syntax(syntax_error(vm, &err)))
                })?);
            }
        };
        let program = self.compile_as(&text, &name, Mode::Exec)?;
        let file = name.clone();
        self.job(move |_, main| {
            main.set("__file__", Value::str(file));
            Ok(())
        })?;
        self.run(&program)
    }

    /// Compiles statements once; [`run`](Interpreter::run) them as often
    /// as needed (in any interpreter).
    ///
    /// ```
    /// let interp = pyl::Interpreter::builder().build();
    /// let step = interp.compile("n = n * 2").unwrap();
    /// interp.exec("n = 1").unwrap();
    /// for _ in 0..10 {
    ///     interp.run(&step).unwrap();
    /// }
    /// assert_eq!(interp.global::<i64>("n").unwrap(), 1024);
    /// ```
    pub fn compile(&self, source: &str) -> Result<Program, Error> {
        self.compile_as(source, "<string>", Mode::Exec)
    }

    fn compile_as(&self, source: &str, filename: &str, mode: Mode) -> Result<Program, Error> {
        match compiler::compile_source(source, filename, mode) {
            Ok(code) => Ok(Program { code }),
            Err(e) => {
                let (source, filename) = (source.to_string(), filename.to_string());
                Err(self.job(move |vm, _| {
                    let err = crate::vm::traceback::syntax_error_value(&e, &filename, &source);
                    Ok(Error::Syntax(syntax_error(vm, &err)))
                })?)
            }
        }
    }

    /// Runs a compiled program in `__main__`.
    pub fn run(&self, program: &Program) -> Result<(), Error> {
        let code = program.code.clone();
        self.job(move |vm, main| {
            let frame = vm.frame_for_code(code, main.dict.clone());
            vm.run_frame(frame)?;
            Ok(())
        })
    }

    /// The global `name` of `__main__`, converted; a missing name is the
    /// script's NameError.
    pub fn global<T: FromPy>(&self, name: &str) -> Result<T, Error> {
        let name = name.to_string();
        self.job(move |vm, main| {
            let v = main.dict.get_item_str(&name).ok_or_else(|| crate::vm::error::name_error(&name))?;
            convert::<T>(vm, &v)
        })
    }

    /// Sets the global `name` of `__main__`.
    pub fn set_global(&self, name: &str, value: impl IntoPy) -> Result<(), Error> {
        let (name, data) = (name.to_string(), value.into_data());
        self.job(move |vm, main| {
            let v = data.into_value(vm)?;
            main.set(&name, v);
            Ok(())
        })
    }

    /// Calls a Python callable with positional (a tuple) or positional
    /// and keyword ([`Args`]) arguments, and converts its result.
    pub fn call<T: FromPy>(&self, callable: &Object, args: impl Into<Args>) -> Result<T, Error> {
        let f = callable.0.clone();
        let Args { pos, kw } = args.into();
        self.job(move |vm, _| {
            let pos = pos.into_iter().map(|d| d.into_value(vm)).collect::<PyResult<Vec<_>>>()?;
            let mut kwargs = Vec::with_capacity(kw.len());
            for (k, d) in kw {
                kwargs.push((PyArc::new(PyStr::new(k)), d.into_value(vm)?));
            }
            let v = vm.call_value(&f, &pos, &kwargs)?;
            convert::<T>(vm, &v)
        })
    }

    /// Iterates a Python iterable from Rust, item by item.
    ///
    /// ```
    /// # fn main() {
    /// let interp = pyl::Interpreter::builder().build();
    /// interp.exec("def evens():\n    for i in range(0, 7, 2):\n        yield i").unwrap();
    /// let evens: pyl::Object = interp.eval("evens()").unwrap();
    /// let items: Vec<i64> = interp.iter(&evens).unwrap().collect::<Result<_, _>>().unwrap();
    /// assert_eq!(items, vec![0, 2, 4, 6]);
    /// # }
    /// ```
    pub fn iter<T: FromPy>(&self, iterable: &Object) -> Result<PyIter<'_, T>, Error> {
        let v = iterable.0.clone();
        let iterator = self.job(move |vm, _| Ok(Object(vm.get_iter(&v)?)))?;
        Ok(PyIter { interp: self, iterator, done: false, _item: std::marker::PhantomData })
    }

    /// `repr()` of an object.
    pub fn repr(&self, object: &Object) -> Result<String, Error> {
        let v = object.0.clone();
        self.job(move |vm, _| Ok(vm.repr(&v)?))
    }

    /// Makes a Rust closure a builtin function every script sees.
    pub fn register_builtin<M>(&self, name: &str, f: impl NativeFunction<M>) -> Result<(), Error> {
        let f = function_value(name, f);
        let name = name.to_string();
        self.job(move |vm, _| {
            vm.shared.builtins.set_item_str(&name, f);
            Ok(())
        })
    }

    /// Makes a native module importable (also in a sandbox).
    pub fn register_module(&self, module: NativeModule) -> Result<(), Error> {
        self.job(move |vm, _| {
            let name = module.name.clone();
            let m = module.build(vm)?;
            vm.shared.modules.set_item_str(&name, Value::Module(m));
            Ok(())
        })
    }

    /// Raises KeyboardInterrupt in the script's main thread at its next
    /// instruction tick, or at once if it waits in `sleep`, `join` or a
    /// lock. Callable from any thread while another runs a call.
    pub fn interrupt(&self) {
        self.shared.host.interrupt(&self.shared, None);
    }

    /// As [`interrupt`](Interpreter::interrupt), raising the exception
    /// the host chooses instead (a builtin type, by name, as a native
    /// function's error is).
    ///
    /// ```
    /// let interp = std::sync::Arc::new(pyl::Interpreter::builder().build());
    /// let host = interp.clone();
    /// let stopper = std::thread::spawn(move || {
    ///     std::thread::sleep(std::time::Duration::from_millis(50));
    ///     host.interrupt_with(pyl::NativeError::new("TimeoutError", "the host gave up"));
    /// });
    /// let r = interp.exec("try:\n    while True: pass\nexcept TimeoutError as e:\n    why = str(e)");
    /// stopper.join().unwrap();
    /// r.unwrap();
    /// assert_eq!(interp.global::<String>("why").unwrap(), "the host gave up");
    /// ```
    pub fn interrupt_with(&self, exception: super::native::NativeError) {
        self.shared.host.interrupt(&self.shared, Some(exception));
    }

    /// Whether the global interpreter lock is on.
    pub fn gil_enabled(&self) -> bool {
        self.shared.gil.is_enabled()
    }
}
