//! Rust functions scripts can call: builtins and native modules.
//!
//! Contract: a host's closure becomes a Python callable object (type
//! `native_function`). A call converts the arguments with [`FromPy`]
//! (a mismatch is a `TypeError` naming the function and the argument),
//! runs the closure with the interpreter lock held, and turns its
//! `Ok` into a Python object and its `Err(NativeError)` into a Python
//! exception of the type the closure chose. The closure is `Fn + Send +
//! Sync`: several script threads may run it at once (without the GIL,
//! truly at once). Inside it, [`allow_threads`] releases the lock around
//! blocking work so other script threads run meanwhile; a panic in the
//! closure becomes a `SystemError` in the script, never a host crash.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use super::convert::{Data, FromPy, IntoPy};
use crate::observe::record::ThreadRecord;
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::type_error;
use crate::vm::{PyErr, PyResult, Shared, Vm};

/// An error a native function returns: it is raised in the script as an
/// exception of the builtin type named `type_name` (`ValueError`,
/// `KeyError`, `OSError`...; an unknown name gives `RuntimeError`).
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// interp
///     .register_builtin("half", |n: i64| {
///         if n % 2 != 0 {
///             return Err(pyl::NativeError::new("ValueError", format!("{n} is odd")));
///         }
///         Ok(n / 2)
///     })
///     .unwrap();
/// assert_eq!(interp.eval::<i64>("half(10)").unwrap(), 5);
/// interp.exec("try:\n    half(3)\nexcept ValueError as e:\n    msg = str(e)\n").unwrap();
/// assert_eq!(interp.global::<String>("msg").unwrap(), "3 is odd");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NativeError {
    /// The name of the builtin exception type to raise.
    pub type_name: String,
    /// The exception's message.
    pub message: String,
}

impl NativeError {
    /// An exception of the builtin type `type_name` with `message`.
    pub fn new(type_name: &str, message: impl Into<String>) -> NativeError {
        NativeError { type_name: type_name.to_string(), message: message.into() }
    }

    /// A `ValueError`.
    pub fn value_error(message: impl Into<String>) -> NativeError {
        NativeError::new("ValueError", message)
    }

    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> NativeError {
        NativeError::new("TypeError", message)
    }

    /// A `RuntimeError`.
    pub fn runtime_error(message: impl Into<String>) -> NativeError {
        NativeError::new("RuntimeError", message)
    }

    pub(crate) fn into_pyerr(self, vm: &Vm) -> PyErr {
        let class = match vm.shared.builtins.get_item_str(&self.type_name) {
            Some(Value::Class(c)) if c.is_subclass(&types().exc.base_exception) => c,
            _ => types().exc.runtime_error.clone(),
        };
        PyErr::new(&class, self.message)
    }
}

impl std::fmt::Display for NativeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.type_name, self.message)
    }
}

impl std::error::Error for NativeError {}

/// The closure behind a native function, with its argument conversion.
type Erased = Arc<dyn Fn(&mut Vm, &[Value]) -> PyResult<Value> + Send + Sync>;

/// A Rust closure usable as a native function: `Fn(A, B, ...) ->
/// Result<R, NativeError>` with up to six arguments, each [`FromPy`],
/// and `R:` [`IntoPy`]. `Marker` only tells the arities apart.
pub trait NativeFunction<Marker>: Send + Sync + 'static {
    /// The closure behind one Python callable named `name`.
    #[doc(hidden)]
    fn erase(self, name: &str) -> Erased;
}

macro_rules! native_arity {
    ($n:literal: $($a:ident $i:tt),*) => {
        impl<Func, Ret, $($a),*> NativeFunction<($($a,)*)> for Func
        where
            Func: Fn($($a),*) -> Result<Ret, NativeError> + Send + Sync + 'static,
            Ret: IntoPy,
            $($a: FromPy,)*
        {
            #[allow(unused_variables)]
            fn erase(self, name: &str) -> Erased {
                let name = name.to_string();
                Arc::new(move |vm: &mut Vm, args: &[Value]| {
                    if args.len() != $n {
                        return Err(type_error(format!(
                            "{name}() takes {} argument{} ({} given)",
                            $n,
                            if $n == 1 { "" } else { "s" },
                            args.len()
                        )));
                    }
                    $(
                        #[allow(non_snake_case)]
                        let $a = $a::from_py(&args[$i], vm)
                            .map_err(|e| argument_error(vm, &name, $i, e))?;
                    )*
                    let shared = vm.shared.clone();
                    let record = vm.thread.record.clone();
                    let r = run_closure(&name, &shared, &record, || (self)($($a),*));
                    match r {
                        Ok(Ok(v)) => v.into_data().into_value(vm),
                        Ok(Err(e)) => Err(e.into_pyerr(vm)),
                        Err(e) => Err(e),
                    }
                })
            }
        }
    };
}

native_arity!(0:);
native_arity!(1: A 0);
native_arity!(2: A 0, B 1);
native_arity!(3: A 0, B 1, C 2);
native_arity!(4: A 0, B 1, C 2, D 3);
native_arity!(5: A 0, B 1, C 2, D 3, E 4);
native_arity!(6: A 0, B 1, C 2, D 3, E 4, F 5);

/// A conversion failure of argument `i`, said as CPython's builtins do.
fn argument_error(vm: &mut Vm, name: &str, i: usize, e: PyErr) -> PyErr {
    if !e.is(&types().exc.type_error) {
        return e;
    }
    let msg = vm.str(&e.value()).unwrap_or_default();
    type_error(format!("{name}() argument {}: {msg}", i + 1))
}

/// An interpreter and the record of the thread holding its lock.
type Holder = (Arc<Shared>, Arc<ThreadRecord>);

thread_local! {
    /// The interpreter lock this thread holds for the native function it
    /// is running, innermost last: what [`allow_threads`] releases. A
    /// thread-local, because the closure gets only its arguments; `None`
    /// while `allow_threads` has it released.
    static RUNNING: RefCell<Vec<Option<Holder>>> = const { RefCell::new(Vec::new()) };
}

/// Runs the closure with the lock noted for `allow_threads`; a panic is
/// a `SystemError`.
fn run_closure<R>(name: &str, shared: &Arc<Shared>, record: &Arc<ThreadRecord>, f: impl FnOnce() -> R) -> PyResult<R> {
    RUNNING.with(|r| r.borrow_mut().push(Some((shared.clone(), record.clone()))));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    RUNNING.with(|r| r.borrow_mut().pop());
    r.map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PyErr::new(&types().exc.system_error, format!("native function {name}() panicked: {what}"))
    })
}

/// Runs `f` with the interpreter lock released, so other script threads
/// run while it blocks (sleeps, waits for I/O or for a lock of the
/// host's). Call it inside a native function; `f` must not use the
/// interpreter. Elsewhere (or nested) it just runs `f`.
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// interp
///     .register_builtin("nap", |ms: u64| {
///         pyl::allow_threads(|| std::thread::sleep(std::time::Duration::from_millis(ms)));
///         Ok(())
///     })
///     .unwrap();
/// interp.exec("nap(1)").unwrap();
/// ```
pub fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    let held = RUNNING.with(|r| r.borrow_mut().last_mut().and_then(Option::take));
    let Some((shared, record)) = held else {
        return f();
    };
    /// Takes the lock back also when `f` panics.
    struct Reacquire(Option<(Arc<Shared>, Arc<ThreadRecord>)>);
    impl Drop for Reacquire {
        fn drop(&mut self) {
            if let Some((shared, record)) = self.0.take() {
                shared.gil.acquire(&record);
                RUNNING.with(|r| {
                    if let Some(top) = r.borrow_mut().last_mut() {
                        *top = Some((shared, record));
                    }
                });
            }
        }
    }
    shared.gil.release(&record, Default::default());
    let _back = Reacquire(Some((shared, record)));
    f()
}

/// A native function as a Python object.
struct HostFunction {
    name: String,
    call: Erased,
}

impl NativeObject for HostFunction {
    fn class(&self) -> PyArc<Class> {
        function_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        Some(format!("<native function {}>", self.name))
    }
}

fn function_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![("__call__", host_call)];
            make("native_function", &types().object_type, None, &methods)
        })
        .clone()
}

fn host_call(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(f) = args.pos.first().and_then(|v| v.as_native::<HostFunction>()) else {
        return Err(type_error("native_function.__call__ needs a native function"));
    };
    if !args.kw.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", f.name)));
    }
    let call = f.call.clone();
    call(vm, &args.pos[1..])
}

/// The Python object for a native function.
pub(crate) fn function_value<M>(name: &str, f: impl NativeFunction<M>) -> Value {
    Value::native(Arc::new(HostFunction { name: name.to_string(), call: f.erase(name) }))
}

/// A module of native functions and constants that scripts `import`.
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// let host = pyl::NativeModule::new("host")
///     .function("add", |a: i64, b: i64| Ok(a + b))
///     .constant("VERSION", "1.0");
/// interp.register_module(host).unwrap();
/// interp.exec("import host\nx = host.add(2, 3)\nv = host.VERSION\n").unwrap();
/// assert_eq!(interp.global::<i64>("x").unwrap(), 5);
/// assert_eq!(interp.global::<String>("v").unwrap(), "1.0");
/// ```
pub struct NativeModule {
    pub(crate) name: String,
    functions: Vec<(String, Value)>,
    constants: Vec<(String, Data)>,
}

impl NativeModule {
    /// An empty module called `name` (a plain name: `import name`).
    pub fn new(name: &str) -> NativeModule {
        NativeModule { name: name.to_string(), functions: Vec::new(), constants: Vec::new() }
    }

    /// Adds the native function `name`.
    pub fn function<M>(mut self, name: &str, f: impl NativeFunction<M>) -> NativeModule {
        self.functions.push((name.to_string(), function_value(name, f)));
        self
    }

    /// Adds a module attribute with a constant value.
    pub fn constant(mut self, name: &str, value: impl IntoPy) -> NativeModule {
        self.constants.push((name.to_string(), value.into_data()));
        self
    }

    /// The module object (on the interpreter's thread).
    pub(crate) fn build(self, vm: &mut Vm) -> PyResult<PyArc<Module>> {
        let m = PyArc::new(Module::new(&self.name));
        for (name, f) in self.functions {
            m.set(&name, f);
        }
        for (name, c) in self.constants {
            let v = c.into_value(vm)?;
            m.set(&name, v);
        }
        Ok(m)
    }
}
