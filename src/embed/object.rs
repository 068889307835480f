//! `Object`: a host's handle on any Python object.
//!
//! Contract: an `Object` keeps its object alive and can be sent to and
//! shared between Rust threads; everything that looks inside it or runs
//! Python code (calling it, iterating it, `repr`) goes through the
//! [`Interpreter`](crate::Interpreter) that made it, which does the work
//! on its own thread with the interpreter lock held. Only its type name
//! and identity are read directly (they never change).

use crate::runtime::value::Value;

/// A Python object held by the host: a function to call later, an
/// iterable to walk, an exception's value, anything without a Rust
/// counterpart. Get one with [`Interpreter::eval`](crate::Interpreter::eval)
/// or [`Interpreter::global`](crate::Interpreter::global) asking for
/// `Object`; pass it back wherever a value is expected.
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// interp.exec("def square(x):\n    return x * x\n").unwrap();
/// let square: pyl::Object = interp.global("square").unwrap();
/// assert_eq!(square.type_name(), "function");
/// assert_eq!(interp.call::<i64>(&square, (7,)).unwrap(), 49);
/// ```
#[derive(Clone)]
pub struct Object(pub(crate) Value);

impl Object {
    /// The name of the object's type (`int`, `list`, `function`...).
    pub fn type_name(&self) -> String {
        self.0.class().name.as_str().to_string()
    }

    /// Whether it is `None`.
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// Whether both handles hold the same object (Python's `is`).
    pub fn is(&self, other: &Object) -> bool {
        self.0.id() == other.0.id()
    }
}

impl std::fmt::Debug for Object {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object>", self.type_name())
    }
}
