//! `Value`: what a Python variable holds.
//!
//! Immediates (`None`, bools, small ints, floats) live inline; everything
//! else is an `Arc` handle, so a `Value` is 16 bytes, cheap to clone and
//! `Send + Sync`. Mutable objects guard their contents with a
//! `parking_lot` lock inside the pointee; no lock is ever held while Python
//! code runs (see `runtime/mod.rs`).

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use super::class::Class;
use super::dict::PyDict;
use super::function::{BoundMethod, Builtin, Cell, Function, Property, WrappedMethod};
use super::generator::Generator;
use super::instance::Instance;
use super::iter::PyIter;
use super::list::PyList;
use super::module::Module;
use super::range::{PyRange, PySlice};
use super::set::PySet;
use super::str::{PyBytes, PyStr};
use super::tuple::PyTuple;
use super::types::types;
use super::value_words::Words;
use crate::bytecode::Code;

// `repr(u64)`: the tag is a whole word and every payload starts at offset
// 8, the layout `value_words` moves as two words. It also relies on the
// order of the variants: the immediates first, from `BigInt` on all `PyArc`s.
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    /// Not a Python value: an unbound local slot, or "no self" in a method
    /// call. Never escapes to Python code.
    #[default]
    Undef,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Always outside the `i64` range: smaller results are normalised to `Int`.
    BigInt(PyArc<BigInt>),
    Str(PyArc<PyStr>),
    Bytes(PyArc<PyBytes>),
    List(PyArc<PyList>),
    Tuple(PyArc<PyTuple>),
    Dict(PyArc<PyDict>),
    Set(PyArc<PySet>),
    FrozenSet(PyArc<PySet>),
    Range(PyArc<PyRange>),
    Slice(PyArc<PySlice>),
    Function(PyArc<Function>),
    Builtin(PyArc<Builtin>),
    BoundMethod(PyArc<BoundMethod>),
    Class(PyArc<Class>),
    Instance(PyArc<Instance>),
    Module(PyArc<Module>),
    Generator(PyArc<Generator>),
    Iter(PyArc<PyIter>),
    Property(PyArc<Property>),
    StaticMethod(PyArc<WrappedMethod>),
    ClassMethod(PyArc<WrappedMethod>),
    /// A closure cell, as found in a function's `__closure__`.
    Cell(PyArc<Cell>),
    /// A compiled code object (a constant of its enclosing code).
    Code(PyArc<Code>),
    /// Objects implemented in Rust by modules: files, locks, threads...
    /// Build with [`Value::native`].
    Native(PyArc<NativeBox>),
}

impl Clone for Value {
    /// A count increment for a heap value (the same for every payload
    /// type: see `value_words`), then a bitwise copy. Both words are copied
    /// at once: building the copy variant by variant stored the tag and the
    /// payload separately, and the 16-byte move that then takes the copy
    /// to the value stack stalled on them (see `value_words`).
    #[inline(always)]
    fn clone(&self) -> Value {
        // SAFETY: `self` is live; the copy owns the reference `add_ref`
        // adds (none for an immediate).
        unsafe {
            Words::add_ref_at(self);
            std::ptr::read(self)
        }
    }
}

impl Value {
    /// Whether the value is a reference to a heap object (dropping it may
    /// free something), not an immediate.
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        !matches!(self, Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Undef)
    }

    /// Drops a value, with the check for immediates inlined (they need no
    /// work) so hot paths do not call the drop glue for them.
    #[inline(always)]
    pub fn release(self) {
        if self.is_heap() {
            drop(self);
        } else {
            // An immediate owns nothing; letting it go out of scope would
            // still call the (out-of-line) drop glue.
            std::mem::forget(self);
        }
    }
}

/// A native object behind a thin pointer, so that `Value` stays 16 bytes
/// (an `Arc<dyn Trait>` is two words). Derefs to the object.
pub struct NativeBox(pub Arc<dyn NativeObject>);

impl std::ops::Deref for NativeBox {
    type Target = dyn NativeObject;

    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

/// An object implemented in Rust. Its methods are builtins in its class's
/// dict, called with the object as first argument.
pub trait NativeObject: Any + Send + Sync {
    fn class(&self) -> PyArc<Class>;
    fn as_any(&self) -> &dyn Any;
    /// `repr()`; `None` gives `<module.Class object at 0x...>`.
    fn repr(&self) -> Option<String> {
        None
    }
    /// For objects a thread can block on (locks): what the deadlock
    /// detector asks them.
    fn wait_target(&self) -> Option<&dyn crate::observe::wait::WaitTarget> {
        None
    }
}

impl Value {
    /// Wraps a Rust object (`Value::native(Arc::new(MyLock::new()))`).
    pub fn native<T: NativeObject>(obj: Arc<T>) -> Value {
        Value::Native(PyArc::new(NativeBox(obj)))
    }

    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(PyArc::new(PyStr::new(s.into())))
    }

    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b)
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(PyArc::new(b)),
        }
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        let t = PyArc::new(PyTuple::new(items));
        crate::vm::gc::track_tuple(&t);
        Value::Tuple(t)
    }

    /// A new list, tracked by the cycle collector (as every list is).
    pub fn list(items: Vec<Value>) -> Value {
        let list = PyArc::new(PyList::new(items));
        crate::vm::gc::track_list(&list);
        Value::List(list)
    }

    /// `func` bound to `receiver`, tracked by the cycle collector when a
    /// cycle can pass through it (`self.cb = self.method`).
    pub fn bound_method(receiver: Value, func: Value) -> Value {
        let m = PyArc::new(BoundMethod { receiver, func });
        crate::vm::gc::track_bound_method(&m);
        Value::BoundMethod(m)
    }

    /// A new dict made by a program, tracked by the cycle collector.
    pub fn new_dict(dict: PyDict) -> Value {
        let dict = PyArc::new(dict);
        crate::vm::gc::track_dict(&dict);
        Value::Dict(dict)
    }

    /// A new set made by a program, tracked by the cycle collector.
    pub fn new_set(set: PySet) -> Value {
        let set = PyArc::new(set);
        crate::vm::gc::track_set(&set);
        Value::Set(set)
    }

    /// A new instance, tracked (with its attribute dict) by the cycle
    /// collector.
    pub fn new_instance(inst: Instance) -> Value {
        let inst = PyArc::new(inst);
        crate::vm::gc::track_instance(&inst);
        Value::Instance(inst)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    /// The class of this value (`type(x)`).
    pub fn class(&self) -> PyArc<Class> {
        let t = types();
        match self {
            Value::Undef | Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool_type.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int_type.clone(),
            Value::Float(_) => t.float_type.clone(),
            Value::Str(_) => t.str_type.clone(),
            Value::Bytes(_) => t.bytes_type.clone(),
            Value::List(_) => t.list_type.clone(),
            Value::Tuple(_) => t.tuple_type.clone(),
            Value::Dict(_) => t.dict_type.clone(),
            Value::Set(_) => t.set_type.clone(),
            Value::FrozenSet(_) => t.frozenset_type.clone(),
            Value::Range(_) => t.range_type.clone(),
            Value::Slice(_) => t.slice_type.clone(),
            Value::Function(_) => t.function_type.clone(),
            Value::Builtin(_) => t.builtin_function_type.clone(),
            Value::BoundMethod(_) => t.method_type.clone(),
            Value::Class(c) => c.metaclass(),
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module_type.clone(),
            Value::Generator(g) if g.is_coroutine => t.coroutine_type.clone(),
            Value::Generator(g) if g.is_async_gen => t.async_generator_type.clone(),
            Value::Generator(_) => t.generator_type.clone(),
            Value::Iter(it) => it.class(),
            Value::Property(_) => t.property_type.clone(),
            Value::StaticMethod(_) => t.staticmethod_type.clone(),
            Value::ClassMethod(_) => t.classmethod_type.clone(),
            Value::Cell(_) => t.cell_type.clone(),
            Value::Code(_) => t.code_type.clone(),
            Value::Native(n) => n.class(),
        }
    }

    /// The class of a builtin value, without touching a reference count
    /// (`None` for instances and other values with their own class).
    #[inline]
    pub fn builtin_class(&self) -> Option<&'static PyArc<Class>> {
        let t = types();
        Some(match self {
            Value::Str(_) => &t.str_type,
            Value::List(_) => &t.list_type,
            Value::Dict(_) => &t.dict_type,
            Value::Set(_) => &t.set_type,
            Value::Tuple(_) => &t.tuple_type,
            Value::Int(_) | Value::BigInt(_) => &t.int_type,
            Value::Float(_) => &t.float_type,
            Value::Bytes(_) => &t.bytes_type,
            Value::FrozenSet(_) => &t.frozenset_type,
            Value::Generator(g) if g.is_coroutine => &t.coroutine_type,
            Value::Generator(g) if g.is_async_gen => &t.async_generator_type,
            Value::Generator(_) => &t.generator_type,
            _ => return None,
        })
    }

    /// `type(x).__name__`, for error messages.
    pub fn type_name(&self) -> String {
        match self {
            Value::None | Value::Undef => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) | Value::BigInt(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            _ => self.class().name.to_string(),
        }
    }

    /// Identity (`is`): same immediate, or same object.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::Undef, Value::Undef)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // CPython caches small ints, so `x is 5` holds for them.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// Address of the pointee for heap values (`id()` and identity).
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Str(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Bytes(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::List(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Tuple(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Dict(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Set(x) | Value::FrozenSet(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Range(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Slice(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Function(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Builtin(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::BoundMethod(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Class(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Instance(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Module(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Generator(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Iter(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Property(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::StaticMethod(x) | Value::ClassMethod(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Cell(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Code(x) => PyArc::as_ptr(x) as *const () as usize,
            Value::Native(x) => PyArc::as_ptr(x) as *const () as usize,
            _ => return None,
        })
    }

    /// `id(x)`: the address for objects, a stable made-up number otherwise.
    pub fn id(&self) -> i64 {
        match self.ptr() {
            Some(p) => p as i64,
            None => match self {
                Value::None | Value::Undef => 0x1000,
                Value::NotImplemented => 0x1010,
                Value::Ellipsis => 0x1020,
                Value::Bool(b) => 0x1030 + *b as i64 * 16,
                Value::Int(i) => 0x10_0000_0000_i64.wrapping_add(i.wrapping_mul(32)),
                Value::Float(f) => (f.to_bits() >> 4) as i64,
                _ => 0,
            },
        }
    }

    pub fn as_str(&self) -> Option<&PyArc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_native<T: NativeObject>(&self) -> Option<&T> {
        match self {
            Value::Native(n) => n.0.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undef => write!(f, "<undef>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", super::float::repr(*x)),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Code(c) => write!(f, "<code {}>", c.name),
            other => write!(f, "<{} object>", other.type_name()),
        }
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::Float(x)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::str(s)
    }
}

impl From<PyArc<PyStr>> for Value {
    fn from(s: PyArc<PyStr>) -> Value {
        Value::Str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
