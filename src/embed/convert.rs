//! Values both ways between Rust and Python: [`IntoPy`] and [`FromPy`].
//!
//! Contract: `IntoPy` turns a Rust value into plain data (`Data`) on the
//! host's own thread, so anything convertible can be passed by reference
//! or borrowed; the interpreter's thread makes Python objects of it.
//! `FromPy` runs on the interpreter's thread with the lock held and reads
//! the object directly (a `Vec<T>` accepts any iterable, so iterating a
//! generator runs its code); a mismatch is a `TypeError` (to a script
//! calling a native function) or [`Error::Conversion`](crate::Error) (to
//! a host asking for a result). Integers of any size convert through
//! `num_bigint::BigInt`.

use crate::runtime::pyarc::PyArc;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::object::Object;
use crate::runtime::dict::PyDict;
use crate::runtime::value::Value;
use crate::vm::error::{overflow_error, type_error};
use crate::vm::{PyResult, Vm};

/// A Rust value on its way into the interpreter. Made by [`IntoPy`]; a
/// host needs it only to implement `IntoPy` for a type of its own.
#[doc(hidden)]
pub enum Data {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Data>),
    Tuple(Vec<Data>),
    Dict(Vec<(Data, Data)>),
    Object(Object),
}

impl Data {
    /// The Python object (on the interpreter's thread: dict keys hash).
    pub(crate) fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(match self {
            Data::None => Value::None,
            Data::Bool(b) => Value::Bool(b),
            Data::Int(i) => Value::from_bigint(i),
            Data::Float(f) => Value::Float(f),
            Data::Str(s) => Value::str(s),
            Data::Bytes(b) => Value::Bytes(PyArc::new(crate::runtime::str::PyBytes::new(b))),
            Data::List(items) => Value::list(values(items, vm)?),
            Data::Tuple(items) => Value::tuple(values(items, vm)?),
            Data::Dict(pairs) => {
                let d = PyDict::new();
                for (k, v) in pairs {
                    let k = k.into_value(vm)?;
                    let v = v.into_value(vm)?;
                    d.set(vm, k, v)?;
                }
                Value::Dict(PyArc::new(d))
            }
            Data::Object(o) => o.0,
        })
    }
}

fn values(items: Vec<Data>, vm: &mut Vm) -> PyResult<Vec<Value>> {
    items.into_iter().map(|d| d.into_value(vm)).collect()
}

/// A Rust value that can become a Python object: integers (any size),
/// floats, `bool`, strings, [`Bytes`], `Vec<T>` and arrays (lists), tuples, maps (dicts), `Option<T>` (`None` or the
/// value), `()` (`None`) and [`Object`].
///
/// ```
/// use std::collections::HashMap;
/// let interp = pyl::Interpreter::builder().build();
/// let scores = HashMap::from([("ann".to_string(), vec![3, 4]), ("bob".to_string(), vec![5])]);
/// interp.set_global("scores", scores).unwrap();
/// assert_eq!(interp.eval::<i64>("sum(scores['ann']) + len(scores)").unwrap(), 9);
/// ```
pub trait IntoPy {
    /// The value as plain data, converted on the interpreter's thread.
    #[doc(hidden)]
    fn into_data(self) -> Data;
}

/// A Rust type a Python object can be converted to: the types of
/// [`IntoPy`], `HashMap`/`BTreeMap` from dicts, `Vec<T>` from any
/// iterable, and [`Object`] for any object at all.
///
/// ```
/// let interp = pyl::Interpreter::builder().build();
/// let (name, sizes): (String, Vec<u64>) = interp.eval("('pyl', [1, 2 ** 40])").unwrap();
/// assert_eq!(name, "pyl");
/// assert_eq!(sizes, vec![1, 1 << 40]);
/// let big: num_bigint::BigInt = interp.eval("2 ** 100").unwrap();
/// assert_eq!(big.to_string(), "1267650600228229401496703205376");
/// ```
pub trait FromPy: Sized + Send + 'static {
    /// Reads `v` (on the interpreter's thread, with the lock held).
    #[doc(hidden)]
    fn from_py(v: &Value, vm: &mut Vm) -> PyResult<Self>;
}

fn mismatch(expected: &str, v: &Value) -> crate::vm::PyErr {
    type_error(format!("expected {expected}, got {}", v.type_name()))
}

impl IntoPy for Data {
    fn into_data(self) -> Data {
        self
    }
}

impl IntoPy for Object {
    fn into_data(self) -> Data {
        Data::Object(self)
    }
}

impl IntoPy for &Object {
    fn into_data(self) -> Data {
        Data::Object(self.clone())
    }
}

impl FromPy for Object {
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<Object> {
        Ok(Object(v.clone()))
    }
}

impl IntoPy for () {
    fn into_data(self) -> Data {
        Data::None
    }
}

impl FromPy for () {
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<()> {
        if v.is_none() { Ok(()) } else { Err(mismatch("None", v)) }
    }
}

impl IntoPy for bool {
    fn into_data(self) -> Data {
        Data::Bool(self)
    }
}

impl FromPy for bool {
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => Err(mismatch("bool", v)),
        }
    }
}

impl IntoPy for BigInt {
    fn into_data(self) -> Data {
        Data::Int(self)
    }
}

impl IntoPy for &BigInt {
    fn into_data(self) -> Data {
        Data::Int(self.clone())
    }
}

impl FromPy for BigInt {
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<BigInt> {
        crate::runtime::numeric::to_big(v).ok_or_else(|| mismatch("int", v))
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl IntoPy for $t {
            fn into_data(self) -> Data {
                Data::Int(BigInt::from(self))
            }
        }

        impl FromPy for $t {
            fn from_py(v: &Value, vm: &mut Vm) -> PyResult<$t> {
                let big = BigInt::from_py(v, vm)?;
                big.to_i128()
                    .and_then(|i| <$t>::try_from(i).ok())
                    .ok_or_else(|| overflow_error(format!("int {} does not fit in {}", big, stringify!($t))))
            }
        }
    )*};
}

int_conversions!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl IntoPy for f64 {
    fn into_data(self) -> Data {
        Data::Float(self)
    }
}

impl IntoPy for f32 {
    fn into_data(self) -> Data {
        Data::Float(self as f64)
    }
}

impl FromPy for f64 {
    /// A float, or an int (as Python's `float()` would take it).
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(b) => {
                b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| overflow_error("int too large to convert to float"))
            }
            _ => Err(mismatch("float", v)),
        }
    }
}

impl IntoPy for &str {
    fn into_data(self) -> Data {
        Data::Str(self.to_string())
    }
}

impl IntoPy for String {
    fn into_data(self) -> Data {
        Data::Str(self)
    }
}

impl IntoPy for &String {
    fn into_data(self) -> Data {
        Data::Str(self.clone())
    }
}

impl FromPy for String {
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            _ => Err(mismatch("str", v)),
        }
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_data(self) -> Data {
        match self {
            Some(v) => v.into_data(),
            None => Data::None,
        }
    }
}

impl<T: FromPy> FromPy for Option<T> {
    fn from_py(v: &Value, vm: &mut Vm) -> PyResult<Option<T>> {
        if v.is_none() { Ok(None) } else { T::from_py(v, vm).map(Some) }
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    /// A list (bytes are [`Bytes`]).
    fn into_data(self) -> Data {
        Data::List(self.into_iter().map(IntoPy::into_data).collect())
    }
}

impl<T: IntoPy, const N: usize> IntoPy for [T; N] {
    fn into_data(self) -> Data {
        Data::List(self.into_iter().map(IntoPy::into_data).collect())
    }
}

impl<K: IntoPy, V: IntoPy, S> IntoPy for HashMap<K, V, S> {
    fn into_data(self) -> Data {
        Data::Dict(self.into_iter().map(|(k, v)| (k.into_data(), v.into_data())).collect())
    }
}

impl<K: IntoPy, V: IntoPy> IntoPy for BTreeMap<K, V> {
    fn into_data(self) -> Data {
        Data::Dict(self.into_iter().map(|(k, v)| (k.into_data(), v.into_data())).collect())
    }
}

impl<T: FromPy> FromPy for Vec<T> {
    /// The items of any iterable, bytes and bytearrays as their bytes'
    /// values (so `Vec<u8>` reads `bytes`).
    fn from_py(v: &Value, vm: &mut Vm) -> PyResult<Vec<T>> {
        let items: Vec<Value> = match v {
            Value::List(l) => l.snapshot(),
            Value::Tuple(t) => t.items.to_vec(),
            Value::Bytes(b) => b.data.iter().map(|&x| Value::Int(x as i64)).collect(),
            Value::Str(_) => return Err(mismatch("a sequence", v)),
            _ => vm.iterate(v)?,
        };
        items.iter().map(|x| T::from_py(x, vm)).collect()
    }
}

fn dict_items(v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::Dict(d) => Ok(d.items()),
        _ => Err(mismatch("dict", v)),
    }
}

impl<K: FromPy + Eq + Hash, V: FromPy> FromPy for HashMap<K, V> {
    fn from_py(v: &Value, vm: &mut Vm) -> PyResult<HashMap<K, V>> {
        let mut out = HashMap::new();
        for (k, x) in dict_items(v)? {
            out.insert(K::from_py(&k, vm)?, V::from_py(&x, vm)?);
        }
        Ok(out)
    }
}

impl<K: FromPy + Ord, V: FromPy> FromPy for BTreeMap<K, V> {
    fn from_py(v: &Value, vm: &mut Vm) -> PyResult<BTreeMap<K, V>> {
        let mut out = BTreeMap::new();
        for (k, x) in dict_items(v)? {
            out.insert(K::from_py(&k, vm)?, V::from_py(&x, vm)?);
        }
        Ok(out)
    }
}

macro_rules! tuple_conversions {
    ($n:literal: $($t:ident $i:tt),*) => {
        impl<$($t: IntoPy),*> IntoPy for ($($t,)*) {
            fn into_data(self) -> Data {
                Data::Tuple(vec![$(self.$i.into_data()),*])
            }
        }

        impl<$($t: FromPy),*> FromPy for ($($t,)*) {
            /// A tuple or list of exactly this many items.
            fn from_py(v: &Value, vm: &mut Vm) -> PyResult<Self> {
                let items: Vec<Value> = match v {
                    Value::Tuple(t) => t.items.to_vec(),
                    Value::List(l) => l.snapshot(),
                    _ => return Err(mismatch(concat!("a tuple of ", $n), v)),
                };
                if items.len() != $n {
                    return Err(type_error(format!("expected a tuple of {}, got {} items", $n, items.len())));
                }
                Ok(($($t::from_py(&items[$i], vm)?,)*))
            }
        }
    };
}

tuple_conversions!(1: A 0);
tuple_conversions!(2: A 0, B 1);
tuple_conversions!(3: A 0, B 1, C 2);
tuple_conversions!(4: A 0, B 1, C 2, D 3);
tuple_conversions!(5: A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6: A 0, B 1, C 2, D 3, E 4, F 5);

/// Bytes or a bytearray as a Rust byte vector (a host asks for
/// `Bytes` to read `bytes` without going through `Vec<u8>`'s iteration).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bytes(pub Vec<u8>);

impl IntoPy for Bytes {
    fn into_data(self) -> Data {
        Data::Bytes(self.0)
    }
}

impl FromPy for Bytes {
    fn from_py(v: &Value, _: &mut Vm) -> PyResult<Bytes> {
        match v {
            Value::Bytes(b) => Ok(Bytes(b.data.to_vec())),
            _ => match v.as_native::<crate::runtime::bytearray::PyByteArray>() {
                Some(b) => Ok(Bytes(b.data.lock().clone())),
                None => Err(mismatch("bytes", v)),
            },
        }
    }
}
