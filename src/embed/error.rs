//! The errors a host receives: every way a call into pyl can fail, typed,
//! so a host can tell a script's bug from a limit it set or an exit the
//! script asked for.
//!
//! Contract: built on the interpreter's worker thread from the raised
//! exception (while the interpreter lock is held), so the text fields are
//! complete; nothing here touches the interpreter afterwards, except
//! through the `value` handle of an [`Exception`].

use std::time::Duration;

use super::object::Object;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::vm::{PyErr, Vm};

/// Why a call into an [`Interpreter`](crate::Interpreter) failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The source did not compile.
    #[error("{0}")]
    Syntax(SyntaxError),
    /// The script raised an exception that nothing caught.
    #[error("{0}")]
    Python(Exception),
    /// A resource limit set with the [`Builder`](crate::Builder) was exceeded.
    #[error("{0}")]
    Limit(Limit),
    /// The script called `sys.exit(code)` (or `exit()`): the host decides
    /// what that means; the host process goes on.
    #[error("the script exited with status {0}")]
    SystemExit(i32),
    /// Every thread of the script was waiting for another one, for ever
    /// (found by the deadlock detector, [`Builder::deadlock_check`](crate::Builder::deadlock_check)):
    /// the report says who waits for what. The stuck threads stay blocked.
    #[error("deadlock: {0}")]
    Deadlock(String),
    /// A value could not be converted to the Rust type asked for.
    #[error("conversion failed: {0}")]
    Conversion(String),
    /// A script file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The interpreter cannot take the call: called from inside one of
    /// its own native functions (which would wait for itself), or its
    /// thread could not start or died.
    #[error("the interpreter cannot run this call: {0}")]
    Unavailable(String),
}

/// A source that did not compile, with CPython's report of it.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// The exception type: `SyntaxError`, `IndentationError` or `TabError`.
    pub type_name: String,
    /// What is wrong (`invalid syntax`, `'(' was never closed`, ...).
    pub message: String,
    /// The 1-based line, 0 when unknown.
    pub line: usize,
    /// The 1-based column, 0 when unknown.
    pub column: usize,
    /// What CPython prints for it: the location, the line, the caret and
    /// `SyntaxError: ...`.
    pub report: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (line {})", self.type_name, self.message, self.line)
    }
}

/// A Python exception that reached the host.
#[derive(Debug, Clone)]
pub struct Exception {
    /// The exception's class name (`ZeroDivisionError`).
    pub type_name: String,
    /// `str()` of the exception (`division by zero`).
    pub message: String,
    /// The report CPython prints for it, `Traceback (most recent call
    /// last):` to the last line.
    pub traceback: String,
    /// The exception object itself.
    pub value: Object,
}

impl std::fmt::Display for Exception {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

/// Which resource limit stopped a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    /// More instruction ticks than `max_instructions` in one call.
    #[error("instruction limit of {0} exceeded")]
    Instructions(u64),
    /// The call ran longer than `max_duration`.
    #[error("time limit of {0:?} exceeded")]
    Time(Duration),
    /// Calls nested deeper than `max_recursion_depth`.
    #[error("recursion limit of {0} exceeded")]
    Recursion(usize),
    /// The script's objects held more than `max_memory` bytes, or asked
    /// for a buffer that would take them past it.
    #[error("memory limit of {0} bytes exceeded")]
    Memory(usize),
}

impl Error {
    /// The error for an exception that ended a host call.
    pub(crate) fn from_exception(vm: &mut Vm, e: &PyErr) -> Error {
        let t = &types().exc;
        if e.is(&t.system_exit) {
            return Error::SystemExit(exit_code(vm, e));
        }
        if e.is(&t.recursion_error)
            && let Some(limit) = vm.shared.host.max_recursion
        {
            return Error::Limit(Limit::Recursion(limit));
        }
        if e.is(&t.syntax_error) {
            return Error::Syntax(syntax_error(vm, e));
        }
        Error::Python(exception(vm, e))
    }
}

/// `sys.exit(code)`'s status, as the `pyl` command would exit with it.
fn exit_code(vm: &mut Vm, e: &PyErr) -> i32 {
    let code = match e.args() {
        Value::Tuple(t) if t.len() == 1 => t.items[0].clone(),
        _ => Value::None,
    };
    match code {
        Value::None => 0,
        Value::Int(n) => n as i32,
        Value::Bool(b) => b as i32,
        // `sys.exit("message")`: CPython prints the message and exits 1.
        other => {
            if let Ok(msg) = vm.str(&other) {
                let _ = vm.shared.stderr.write(&format!("{msg}\n"));
            }
            1
        }
    }
}

fn exception(vm: &mut Vm, e: &PyErr) -> Exception {
    let value = e.value();
    Exception {
        type_name: e.class().name.as_str().to_string(),
        message: vm.str(&value).unwrap_or_default(),
        traceback: vm.format_exception(e),
        value: Object(value),
    }
}

pub(crate) fn syntax_error(vm: &mut Vm, e: &PyErr) -> SyntaxError {
    let d = &e.0.dict;
    let int = |name: &str| match d.get_item_str(name) {
        Some(Value::Int(n)) if n > 0 => n as usize,
        _ => 0,
    };
    let message = match d.get_item_str("msg") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => vm.str(&e.value()).unwrap_or_default(),
    };
    SyntaxError {
        type_name: e.class().name.as_str().to_string(),
        message,
        line: int("lineno"),
        column: int("offset"),
        report: vm.format_exception(e),
    }
}
