//! Raised exceptions: `PyErr` wraps the exception instance, and helpers
//! build CPython's common errors.

use crate::runtime::pyarc::PyArc;

use crate::runtime::class::Class;
use crate::runtime::dict::PyDict;
use crate::runtime::exception::{TraceEntry, new_exception};
use crate::runtime::instance::Instance;
use crate::runtime::types::types;
use crate::runtime::value::Value;

/// An exception on its way up the stack.
#[derive(Clone)]
pub struct PyErr(pub PyArc<Instance>);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// An exception of `class` with one string argument.
    pub fn new(class: &PyArc<Class>, msg: impl Into<String>) -> PyErr {
        PyErr(new_exception(class, vec![Value::str(msg.into())]))
    }

    /// An exception of `class` with the given arguments.
    pub fn with_args(class: &PyArc<Class>, args: Vec<Value>) -> PyErr {
        PyErr(new_exception(class, args))
    }

    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }

    pub fn class(&self) -> PyArc<Class> {
        self.0.class()
    }

    /// Is this exception an instance of `class` (or a subclass)?
    pub fn is(&self, class: &PyArc<Class>) -> bool {
        self.0.class_ref().is_subclass(class)
    }

    pub fn add_traceback(&self, entry: TraceEntry) {
        if let Some(d) = self.0.exc() {
            d.lock().traceback.push(entry);
        }
    }

    pub fn args(&self) -> Value {
        self.0.exc().map(|d| d.lock().args.clone()).unwrap_or(Value::None)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} {:?}>", self.0.class().name.as_str(), self.args())
    }
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.type_error, msg)
}

pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.value_error, msg)
}

pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.index_error, msg)
}

pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&types().exc.key_error, vec![key])
}

pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.attribute_error, msg)
}

pub fn name_error(name: &str) -> PyErr {
    let err = PyErr::new(&types().exc.name_error, format!("name '{name}' is not defined"));
    err.0.dict.set_item_str("name", Value::str(name));
    err
}

/// A NameError for a name missing from `scopes` (innermost first) and the
/// builtins; the scopes are kept for the suggestion printed at top level.
pub fn name_error_in(name: &str, scopes: &[&PyArc<PyDict>]) -> PyErr {
    let err = name_error(name);
    if let Some(d) = err.0.exc() {
        d.lock().scopes = scopes.iter().map(|s| (*s).clone()).collect();
    }
    err
}

pub fn zero_division(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.zero_division_error, msg)
}

pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.overflow_error, msg)
}

pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.runtime_error, msg)
}

pub fn recursion_error() -> PyErr {
    PyErr::new(&types().exc.recursion_error, "maximum recursion depth exceeded")
}

pub fn stop_iteration(value: Value) -> PyErr {
    if value.is_none() {
        return PyErr::with_args(&types().exc.stop_iteration, vec![]);
    }
    PyErr::with_args(&types().exc.stop_iteration, vec![value])
}

/// The value a StopIteration carries (`e.value`: its first argument).
pub fn stop_value(e: &PyErr) -> Value {
    match &e.args() {
        Value::Tuple(t) if !t.is_empty() => t.items[0].clone(),
        _ => Value::None,
    }
}

pub fn os_error(class: &PyArc<Class>, errno: i32, msg: &str, filename: Option<&str>) -> PyErr {
    let mut args = vec![Value::Int(errno as i64), Value::str(msg)];
    if let Some(f) = filename {
        args.push(Value::str(f));
    }
    PyErr::with_args(class, args)
}

/// The OSError subclass CPython picks for an errno.
pub fn os_error_from_io(e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let t = &types().exc;
    let errno = e.raw_os_error().unwrap_or(0);
    let class = match errno {
        libc::ENOENT => &t.file_not_found_error,
        libc::EEXIST => &t.file_exists_error,
        libc::EACCES | libc::EPERM => &t.permission_error,
        libc::EISDIR => &t.is_a_directory_error,
        libc::ENOTDIR => &t.not_a_directory_error,
        libc::EPIPE => &t.broken_pipe_error,
        libc::ECHILD => &t.child_process_error,
        libc::ESRCH => &t.process_lookup_error,
        libc::ETIMEDOUT => &t.timeout_error,
        libc::EINTR => &t.interrupted_error,
        libc::ECONNREFUSED => &t.connection_refused_error,
        libc::ECONNRESET => &t.connection_reset_error,
        _ => &t.os_error,
    };
    let msg = strerror(errno).unwrap_or_else(|| e.to_string());
    os_error(class, errno, &msg, filename)
}

/// The C library's message for an errno (what CPython shows).
pub fn strerror(errno: i32) -> Option<String> {
    if errno == 0 {
        return None;
    }
    // SAFETY: strerror returns a pointer to a NUL-terminated static or
    // thread-local string, read at once before any other libc call.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned())
    }
}

impl super::Vm {
    /// What `raise x` raises: an exception instance, or a new instance of
    /// an exception class.
    pub fn make_raisable(&mut self, v: &Value) -> PyResult<PyErr> {
        match v {
            Value::Instance(i) if i.exc().is_some() => Ok(PyErr(i.clone())),
            Value::Class(c) if c.is_subclass(&types().exc.base_exception) => {
                let inst = self.call_class(c, &[], &[])?;
                match inst {
                    Value::Instance(i) if i.exc().is_some() => Ok(PyErr(i)),
                    other => Err(type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        c.name.as_str(),
                        other.type_name()
                    ))),
                }
            }
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }
}

pub fn recursion_error_with(msg: impl Into<String>) -> PyErr {
    PyErr::new(&types().exc.recursion_error, msg)
}
