//! `bytearray`: a mutable sequence of bytes.
//!
//! It is a native object (not a `Value` variant of its own): the
//! interpreter reaches its operators through its methods, like a class
//! written in Python, which keeps the evaluation loop unaware of it. The
//! methods it shares with `bytes` (find, split, upper...) live in
//! `bytes_methods.rs` and answer a bytearray for a bytearray receiver.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::args::{to_index, to_index_sized};
use super::class::Class;
use super::function::{Args, NativeFn};
use super::memory;
use super::memoryview::PyMemoryView;
use super::range::PySlice;
use super::slice::index_of;
use super::str::PyBytes;
use super::sync::PyLock;
use super::types::types;
use super::value::{NativeObject, Value};
use crate::syntax::ast::CmpOp;
use crate::vm::error::{index_error, overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

pub struct PyByteArray {
    pub data: PyLock<Vec<u8>>,
    /// How many memoryviews export the data (see `memoryview.rs`): while
    /// any do, the size is fixed. Changed and checked under `data`'s lock.
    exports: AtomicUsize,
}

impl PyByteArray {
    pub fn export(&self) {
        let _data = self.data.lock();
        self.exports.fetch_add(1, Ordering::AcqRel);
    }

    pub fn unexport(&self) {
        let _data = self.data.lock();
        self.exports.fetch_sub(1, Ordering::AcqRel);
    }

    /// Whether the data may go from `old` to `new` bytes (call with the
    /// lock held): a view would point past it otherwise.
    pub fn check_resize(&self, old: usize, new: usize) -> PyResult<()> {
        if old != new && self.exports.load(Ordering::Acquire) > 0 {
            return Err(super::memoryview::buffer_error("Existing exports of data: object cannot be re-sized"));
        }
        Ok(())
    }
}

impl NativeObject for PyByteArray {
    fn class(&self) -> PyArc<Class> {
        types().bytearray_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::native(Arc::new(PyByteArray { data: PyLock::new(data), exports: AtomicUsize::new(0) }))
}

/// The bytes of a bytes or bytearray value (the buffer protocol's role).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Bytes(b) => Some(b.data.to_vec()),
        Value::Native(n) => match n.0.as_any().downcast_ref::<PyByteArray>() {
            Some(a) => Some(a.data.lock().clone()),
            None => n.0.as_any().downcast_ref::<PyMemoryView>().and_then(super::memoryview::view_bytes_plain),
        },
        _ => None,
    }
}

/// The bytes for `bytes(x)` / `bytearray(x)` (not a str, which needs an
/// encoding): a count of zero bytes, a bytes-like value, or an iterable of
/// ints in range(256).
pub fn bytes_from(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = super::memoryview::buffer_bytes(vm, x)? {
        return Ok(d);
    }
    if let Some(d) = bytes_like(x) {
        return Ok(d);
    }
    match x {
        Value::Int(n) if *n < 0 => Err(value_error("negative count")),
        Value::Int(n) => memory::filled(0u8, *n as usize),
        Value::Bool(b) => Ok(vec![0u8; *b as usize]),
        Value::BigInt(_) => Err(overflow_error("cannot fit 'int' into an index-sized integer")),
        Value::Str(_) => Err(type_error("string argument without an encoding")),
        other => {
            if let Some(Value::Bytes(b)) = vm.call_dunder(other, "__bytes__", &[])? {
                return Ok(b.data.to_vec());
            }
            let items = vm
                .iterate(other)
                .map_err(|_| type_error(format!("cannot convert '{}' object to bytearray", other.type_name())))?;
            items.iter().map(|it| byte_value(vm, it)).collect()
        }
    }
}

/// An int in range(256), as bytes items must be.
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = to_index(vm, v)?;
    u8::try_from(n).map_err(|_| value_error("byte must be in range(0, 256)"))
}

pub fn bytearray_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("bytearray", &["source", "encoding", "errors"])?;
    let data = match (args.get(0, "source"), args.get(1, "encoding")) {
        (None, _) => Vec::new(),
        (Some(Value::Str(s)), Some(_)) => {
            let (enc, errors) = super::codec::names(args.get(1, "encoding"), args.get(2, "errors"))?;
            super::codec::encode(s.as_str(), &enc, &errors)?
        }
        (Some(_), Some(_)) => return Err(type_error("encoding without a string argument")),
        (Some(x), None) => bytes_from(vm, x)?,
    };
    Ok(new_bytearray(data))
}

fn this<'a>(args: &'a Args, name: &str) -> PyResult<&'a PyByteArray> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<PyByteArray>())
        .ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'bytearray' object")))
}

fn arg<'a>(args: &'a Args, i: usize, name: &str) -> PyResult<&'a Value> {
    args.pos.get(i).ok_or_else(|| type_error(format!("{name}() takes exactly one argument (0 given)")))
}

/// A bytearray is mutable, so unhashable (hashing a Rust object calls its
/// class's `__hash__`).
fn ba_hash(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Err(type_error("unhashable type: 'bytearray'"))
}

pub fn bytearray_methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("__len__", ba_len as NativeFn),
        ("__hash__", ba_hash),
        ("__getitem__", ba_getitem),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__contains__", ba_contains),
        ("__iter__", ba_iter),
        ("__repr__", ba_repr),
        ("__str__", ba_repr),
        ("__eq__", ba_eq),
        ("__ne__", ba_ne),
        ("__lt__", ba_lt),
        ("__le__", ba_le),
        ("__gt__", ba_gt),
        ("__ge__", ba_ge),
        ("__add__", ba_add),
        ("__radd__", ba_radd),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
        ("__mul__", ba_mul),
        ("__rmul__", ba_mul),
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("clear", ba_clear),
        ("reverse", ba_reverse),
        ("copy", ba_copy),
    ];
    v.extend(super::bytes_methods::shared_methods());
    v
}

fn ba_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args, "__len__")?.data.lock().len() as i64))
}

fn ba_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__getitem__")?;
    let key = arg(args, 1, "__getitem__")?;
    if let Value::Slice(s) = key {
        let data = me.data.lock().clone();
        let ix = vm.slice_indices(s, data.len())?;
        let out = (0..ix.len).map(|k| data[(ix.start as i64 + k as i64 * ix.step) as usize]).collect();
        return Ok(new_bytearray(out));
    }
    let i = index_arg(vm, key)?;
    let data = me.data.lock();
    match index_of(i, data.len()) {
        Some(i) => Ok(Value::Int(data[i] as i64)),
        None => Err(index_error("bytearray index out of range")),
    }
}

fn index_arg(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match key {
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => to_index(vm, key),
        other => Err(type_error(format!("bytearray indices must be integers or slices, not {}", other.type_name()))),
    }
}

/// The positions a slice covers in a sequence of `len`, its start and step.
fn slice_positions(vm: &mut Vm, s: &PySlice, len: usize) -> PyResult<(Vec<usize>, usize, i64)> {
    let ix = vm.slice_indices(s, len)?;
    let pos = (0..ix.len).map(|k| (ix.start as i64 + k as i64 * ix.step) as usize).collect();
    Ok((pos, ix.start.min(len), ix.step))
}

fn ba_setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__setitem__")?;
    let (key, value) = (arg(args, 1, "__setitem__")?, arg(args, 2, "__setitem__")?);
    if let Value::Slice(s) = key {
        let new = match value {
            Value::Int(_) => {
                return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
            }
            v => bytes_from(vm, v)?,
        };
        let len = me.data.lock().len();
        let (pos, start, step) = slice_positions(vm, s, len)?;
        let mut data = me.data.lock();
        if step == 1 {
            me.check_resize(data.len(), data.len() - pos.len() + new.len())?;
            data.splice(start..start + pos.len(), new);
            return Ok(Value::None);
        }
        if pos.len() != new.len() {
            return Err(value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        for (p, b) in pos.into_iter().zip(new) {
            data[p] = b;
        }
        return Ok(Value::None);
    }
    let i = index_arg(vm, key)?;
    let b = byte_value(vm, value)?;
    let mut data = me.data.lock();
    let len = data.len();
    match index_of(i, len) {
        Some(i) => {
            data[i] = b;
            Ok(Value::None)
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

fn ba_delitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__delitem__")?;
    let key = arg(args, 1, "__delitem__")?;
    if let Value::Slice(s) = key {
        let len = me.data.lock().len();
        let (pos, _, _) = slice_positions(vm, s, len)?;
        let mut data = me.data.lock();
        me.check_resize(data.len(), data.len() - pos.len())?;
        let mut k = 0;
        data.retain(|_| {
            k += 1;
            !pos.contains(&(k - 1))
        });
        return Ok(Value::None);
    }
    let i = index_arg(vm, key)?;
    let mut data = me.data.lock();
    let len = data.len();
    match index_of(i, len) {
        Some(i) => {
            me.check_resize(len, len - 1)?;
            data.remove(i);
            Ok(Value::None)
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

fn ba_contains(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = this(args, "__contains__")?.data.lock().clone();
    let item = arg(args, 1, "__contains__")?;
    if let Some(needle) = bytes_like(item) {
        return Ok(Value::Bool(super::bytes_methods::find(&data, &needle, 0).is_some()));
    }
    let b = byte_value(vm, item)?;
    Ok(Value::Bool(data.contains(&b)))
}

fn ba_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = this(args, "__iter__")?.data.lock().clone();
    vm.get_iter(&Value::Bytes(PyArc::new(PyBytes::new(data))))
}

fn ba_repr(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = this(args, "__repr__")?.data.lock().clone();
    Ok(Value::str(format!("bytearray({})", super::special::repr_bytes(&data))))
}

fn compare(args: &Args, op: CmpOp) -> PyResult<Value> {
    let me = this(args, "__eq__")?.data.lock().clone();
    let Some(other) = args.pos.get(1).and_then(bytes_like) else {
        return Ok(Value::NotImplemented);
    };
    let o = me.cmp(&other);
    use std::cmp::Ordering::*;
    Ok(Value::Bool(match op {
        CmpOp::Eq => o == Equal,
        CmpOp::NotEq => o != Equal,
        CmpOp::Lt => o == Less,
        CmpOp::LtE => o != Greater,
        CmpOp::Gt => o == Greater,
        _ => o != Less,
    }))
}

fn ba_eq(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    compare(args, CmpOp::Eq)
}

fn ba_ne(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    compare(args, CmpOp::NotEq)
}

fn ba_lt(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    compare(args, CmpOp::Lt)
}

fn ba_le(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    compare(args, CmpOp::LtE)
}

fn ba_gt(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    compare(args, CmpOp::Gt)
}

fn ba_ge(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    compare(args, CmpOp::GtE)
}

fn concat_arg(v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| type_error(format!("can't concat {} to bytearray", v.type_name())))
}

fn ba_add(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut data = this(args, "__add__")?.data.lock().clone();
    data.extend(concat_arg(arg(args, 1, "__add__")?)?);
    Ok(new_bytearray(data))
}

/// `b'x' + bytearray(...)`: bytes, as CPython's bytes.__add__ makes.
fn ba_radd(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__radd__")?.data.lock().clone();
    let other = arg(args, 1, "__radd__")?;
    let Some(mut data) = bytes_like(other) else {
        return Ok(Value::NotImplemented);
    };
    data.extend(me);
    Ok(Value::Bytes(PyArc::new(PyBytes::new(data))))
}

/// `b += x` extends `b` itself (other names for it see the change).
fn ba_iadd(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__iadd__")?;
    let more = concat_arg(arg(args, 1, "__iadd__")?)?;
    let mut data = me.data.lock();
    me.check_resize(data.len(), data.len() + more.len())?;
    memory::reserve_growth(&mut data, more.len())?;
    data.extend(more);
    drop(data);
    Ok(args.pos[0].clone())
}

fn repeat_count(vm: &mut Vm, args: &Args, name: &str) -> PyResult<usize> {
    match arg(args, 1, name)? {
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => Ok(to_index_sized(vm, v)?.max(0) as usize),
        other => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", other.type_name()))),
    }
}

fn ba_mul(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = this(args, "__mul__")?.data.lock().clone();
    let n = repeat_count(vm, args, "__mul__")?;
    Ok(new_bytearray(memory::repeat_slice(&data, n)?))
}

/// `b *= n` repeats `b` itself.
fn ba_imul(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__imul__")?;
    let n = repeat_count(vm, args, "__imul__")?;
    let data = me.data.lock().clone();
    let repeated = memory::repeat_slice(&data, n)?;
    let mut data = me.data.lock();
    me.check_resize(data.len(), repeated.len())?;
    *data = repeated;
    Ok(args.pos[0].clone())
}

fn ba_append(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "append")?;
    let b = byte_value(vm, arg(args, 1, "append")?)?;
    let mut data = me.data.lock();
    me.check_resize(data.len(), data.len() + 1)?;
    data.push(b);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "extend")?;
    let v = arg(args, 1, "extend")?;
    if let Value::Str(_) = v {
        return Err(type_error("expected iterable of integers; got: 'str'"));
    }
    let more = bytes_from(vm, v)?;
    let mut data = me.data.lock();
    me.check_resize(data.len(), data.len() + more.len())?;
    data.extend(more);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "insert")?;
    let i = to_index(vm, arg(args, 1, "insert")?)?;
    let b = byte_value(vm, arg(args, 2, "insert")?)?;
    let mut data = me.data.lock();
    let n = data.len() as i64;
    me.check_resize(data.len(), data.len() + 1)?;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    data.insert(at as usize, b);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "pop")?;
    let i = match args.pos.get(1) {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    let mut data = me.data.lock();
    if data.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    let len = data.len();
    match index_of(i, len) {
        Some(i) => {
            me.check_resize(len, len - 1)?;
            Ok(Value::Int(data.remove(i) as i64))
        }
        None => Err(index_error("pop index out of range")),
    }
}

fn ba_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "remove")?;
    let b = byte_value(vm, arg(args, 1, "remove")?)?;
    let mut data = me.data.lock();
    match data.iter().position(|&x| x == b) {
        Some(i) => {
            me.check_resize(data.len(), data.len() - 1)?;
            data.remove(i);
            Ok(Value::None)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn ba_clear(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "clear")?;
    let mut data = me.data.lock();
    me.check_resize(data.len(), 0)?;
    data.clear();
    Ok(Value::None)
}

fn ba_reverse(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args, "reverse")?.data.lock().reverse();
    Ok(Value::None)
}

fn ba_copy(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(new_bytearray(this(args, "copy")?.data.lock().clone()))
}
