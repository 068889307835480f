//! Operators: binary and unary arithmetic with `__add__`/`__radd__`
//! dispatch, and subscription (`obj[key]`, assignment, deletion) with
//! slices.

use crate::runtime::pyarc::PyArc;

use num_bigint::BigInt;

use super::error::{index_error, key_error, overflow_error, type_error, value_error};
use super::{PyResult, Vm};
use crate::bytecode::Op;
use crate::runtime::memory;
use crate::runtime::numeric;
use crate::runtime::range::PySlice;
use crate::runtime::slice::{SliceIndices, index_of};
use crate::runtime::str::PyBytes;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;

fn dunders(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

/// Values whose operators may be defined in Python.
fn has_dunders(v: &Value) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_))
}

impl Vm {
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if !has_dunders(a) && !has_dunders(b) {
            if let Some(r) = self.builtin_binary(op, a, b)? {
                return Ok(r);
            }
            if op == BinOp::BitOr
                && let Some(r) = self.type_union(a, b)?
            {
                return Ok(r);
            }
            return Err(unsupported(op, a, b));
        }
        let (lname, rname, _) = dunders(op);
        let (acls, bcls) = (a.class(), b.class());
        let same = PyArc::ptr_eq(&acls, &bcls);
        let reflected_first = !same && bcls.is_subclass(&acls) && bcls.dict.get_item_str(rname).is_some();
        if reflected_first
            && let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if has_dunders(a) {
            if let Some(r) = self.call_dunder(a, lname, std::slice::from_ref(b))?
                && !matches!(r, Value::NotImplemented)
            {
                return Ok(r);
            }
        } else if let Some(r) = self.builtin_binary(op, a, b)? {
            return Ok(r);
        }
        if !same
            && !reflected_first
            && has_dunders(b)
            && let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        Err(unsupported(op, a, b))
    }

    /// `a op= b`: in place for mutable builtins and `__iop__` methods.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                // As in CPython, a right operand's `__radd__` comes before
                // list concatenation (list has no `nb_add` of its own).
                if let Value::Instance(_) = b
                    && let Some(r) = self.call_dunder(b, "__radd__", std::slice::from_ref(&a))?
                    && !matches!(r, Value::NotImplemented)
                {
                    return Ok(r);
                }
                l.extend_from(self, b)?;
                return Ok(a);
            }
            (Value::List(l), BinOp::Mul) => {
                let n = self.repeat_count(b)?;
                let repeated = memory::repeat_slice(&l.snapshot(), n)?;
                *l.lock() = repeated;
                return Ok(a);
            }
            (Value::Set(s), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
            {
                crate::runtime::set_methods::update_in_place(self, s, op, b)?;
                return Ok(a);
            }
            (Value::Dict(d), BinOp::BitOr) => {
                self.dict_update(d, b, false, None)?;
                return Ok(a);
            }
            // Native objects (bytearray) mutate in place through their
            // `__iop__` methods like classes written in Python.
            (Value::Instance(_) | Value::Native(_), _) => {
                let (_, _, iname) = dunders(op);
                if let Some(r) = self.call_dunder(&a, iname, std::slice::from_ref(b))?
                    && !matches!(r, Value::NotImplemented)
                {
                    return Ok(r);
                }
            }
            _ => {}
        }
        self.binary_op(op, &a, b).map_err(|e| {
            if e.is(&crate::runtime::types::types().exc.type_error) && !has_dunders(&a) && !has_dunders(b) {
                unsupported_inplace(op, &a, b).unwrap_or(e)
            } else {
                e
            }
        })
    }

    /// Operators between builtin values; `None` if not defined for them.
    fn builtin_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = numeric::binary(op, a, b) {
            return r.map(Some);
        }
        // bytes + memoryview: bytes concatenates any buffer (a bytearray on
        // the right answers through its own `__radd__`).
        if let (BinOp::Add, Value::Bytes(x), Value::Native(n)) = (op, a, b)
            && n.0.as_any().downcast_ref::<crate::runtime::memoryview::PyMemoryView>().is_some_and(|m| !m.is_released())
            && let Some(d) = crate::runtime::memoryview::buffer_bytes(self, b)?
        {
            let mut v = x.data.to_vec();
            v.extend_from_slice(&d);
            return Ok(Some(Value::Bytes(PyArc::new(PyBytes::new(v)))));
        }
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::str(s)
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.snapshot();
                v.extend(y.snapshot());
                Value::list(v)
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.data.to_vec();
                v.extend_from_slice(&y.data);
                Value::Bytes(PyArc::new(PyBytes::new(v)))
            }
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), _) if is_index(b) => {
                return self.repeat(a, b).map(Some);
            }
            (BinOp::Mul, _, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)) if is_index(a) => {
                return self.repeat(b, a).map(Some);
            }
            (BinOp::Mod, Value::Str(fmt), _) => {
                return crate::runtime::format::percent_format(self, fmt.as_str(), b).map(|s| Some(Value::str(s)));
            }
            (BinOp::Mod, Value::Bytes(fmt), _) => {
                let out = crate::runtime::percent::percent_format_bytes(self, &fmt.data, b)?;
                return Ok(Some(Value::Bytes(PyArc::new(crate::runtime::str::PyBytes::new(out)))));
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let d = x.copy();
                self.dict_update(&d, &Value::Dict(y.clone()), false, None)?;
                Value::new_dict(d)
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
            ) => {
                return crate::runtime::set_ops::set_binary(self, op, a, b).map(Some);
            }
            _ => return Ok(None),
        }))
    }

    fn repeat_count(&mut self, n: &Value) -> PyResult<usize> {
        match n {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                Ok(crate::runtime::args::to_index_sized(self, n)?.max(0) as usize)
            }
            _ => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", n.type_name()))),
        }
    }

    /// `seq * n` for the immutable builtin sequences, with CPython's size
    /// checks: str and bytes refuse a length beyond `sys.maxsize` with an
    /// `OverflowError`; anything else that cannot be stored is `MemoryError`.
    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = self.repeat_count(n)?;
        let beyond_maxsize = |len: usize| len.checked_mul(n).is_none_or(|t| t > isize::MAX as usize);
        Ok(match seq {
            Value::Str(s) => {
                if beyond_maxsize(s.char_len()) {
                    return Err(overflow_error("repeated string is too long"));
                }
                Value::str(memory::repeat_str(s.as_str(), n)?)
            }
            Value::List(l) => Value::list(memory::repeat_slice(&l.snapshot(), n)?),
            Value::Tuple(t) => Value::tuple(memory::repeat_slice(&t.items, n)?),
            Value::Bytes(b) => {
                if beyond_maxsize(b.data.len()) {
                    return Err(overflow_error("repeated bytes are too long"));
                }
                Value::Bytes(PyArc::new(PyBytes::new(memory::repeat_slice(&b.data, n)?)))
            }
            _ => return Err(type_error("can't repeat this")),
        })
    }

    pub fn unary_op(&mut self, op: Op, a: &Value) -> PyResult<Value> {
        let (name, sym) = match op {
            Op::UnaryNeg => ("__neg__", "-"),
            Op::UnaryPos => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        match (op, a) {
            (Op::UnaryNeg, Value::Int(i)) => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
                });
            }
            (Op::UnaryNeg, Value::Bool(b)) => return Ok(Value::Int(-(*b as i64))),
            (Op::UnaryNeg, Value::BigInt(b)) => return Ok(Value::from_bigint(-(**b).clone())),
            (Op::UnaryNeg, Value::Float(f)) => return Ok(Value::Float(-f)),
            (Op::UnaryPos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => {
                return Ok(a.clone());
            }
            (Op::UnaryPos, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
            (Op::UnaryInvert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (Op::UnaryInvert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
            (Op::UnaryInvert, Value::BigInt(b)) => return Ok(Value::from_bigint(!(**b).clone())),
            _ => {}
        }
        if has_dunders(a)
            && let Some(r) = self.call_dunder(a, name, &[])?
        {
            return Ok(r);
        }
        Err(type_error(format!("bad operand type for unary {sym}: '{}'", a.type_name())))
    }

    // ------------------------------------------------------------ subscription

    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    // The bounds first (`__index__` may run Python code),
                    // then one copy of the selected items under the lock;
                    // `collect` skips positions a shrunken list lost.
                    let idx = self.slice_indices(s, l.len())?;
                    let picked = idx.collect(&l.lock());
                    Ok(Value::list(picked))
                }
                _ => {
                    let i = self.index_value(key, "list")?;
                    let items = l.lock();
                    match index_of(i, items.len()) {
                        Some(i) => Ok(items[i].clone()),
                        None => Err(index_error("list index out of range")),
                    }
                }
            },
            Value::Tuple(t) => match key {
                Value::Slice(s) => {
                    let idx = self.slice_indices(s, t.len())?;
                    Ok(Value::tuple(idx.collect(&t.items)))
                }
                _ => {
                    let i = self.index_value(key, "tuple")?;
                    match index_of(i, t.len()) {
                        Some(i) => Ok(t.items[i].clone()),
                        None => Err(index_error("tuple index out of range")),
                    }
                }
            },
            Value::Str(s) => match key {
                Value::Slice(sl) => {
                    let idx = self.slice_indices(sl, s.char_len())?;
                    Ok(Value::str(idx.collect_str(s)))
                }
                _ => {
                    let i = self.index_value(key, "string")?;
                    match index_of(i, s.char_len()) {
                        Some(i) => Ok(Value::str(s.char_at(i).to_string())),
                        None => Err(index_error("string index out of range")),
                    }
                }
            },
            Value::Bytes(b) => match key {
                Value::Slice(sl) => {
                    let idx = self.slice_indices(sl, b.data.len())?;
                    let bytes: Vec<Value> = b.data.iter().map(|x| Value::Int(*x as i64)).collect();
                    let picked: Vec<u8> =
                        idx.collect(&bytes).iter().map(|v| if let Value::Int(i) = v { *i as u8 } else { 0 }).collect();
                    Ok(Value::Bytes(PyArc::new(PyBytes::new(picked))))
                }
                _ => {
                    let i = self.index_value(key, "byte")?;
                    match index_of(i, b.data.len()) {
                        Some(i) => Ok(Value::Int(b.data[i] as i64)),
                        None => Err(index_error("index out of range")),
                    }
                }
            },
            Value::Dict(d) => match d.get(self, key)? {
                Some(v) => Ok(v),
                None => Err(key_error(key.clone())),
            },
            Value::Range(r) => match key {
                Value::Slice(sl) => {
                    let (start, stop, step) = self.slice_indices_big(sl, &r.big_len())?;
                    Ok(Value::Range(PyArc::new(r.slice(&start, &stop, &step))))
                }
                Value::Int(i) if !r.is_big() => match index_of(*i, r.len() as usize) {
                    Some(i) => Ok(Value::Int(r.get(i as i64))),
                    None => Err(index_error("range object index out of range")),
                },
                _ => {
                    let msg = format!("range indices must be integers or slices, not {}", key.type_name());
                    let i = crate::runtime::args::to_index_big(self, key, Some(&msg))?;
                    match r.item(&i) {
                        Some(v) => Ok(Value::from_bigint(v)),
                        None => Err(index_error("range object index out of range")),
                    }
                }
            },
            Value::Class(_) if super::attr::meta_hook(obj, "__getitem__").is_some() => {
                Ok(self.call_dunder(obj, "__getitem__", std::slice::from_ref(key))?.unwrap_or_default())
            }
            Value::Class(c) => {
                // An implicit classmethod (PEP 560), found on the class itself.
                if let Some(hook) = c.lookup_str("__class_getitem__") {
                    let func = match hook {
                        Value::ClassMethod(w) => w.func.clone(),
                        other => other,
                    };
                    return self.call(&func, &[obj.clone(), key.clone()]);
                }
                // `list[int]` and friends (types.GenericAlias).
                if c.builtin {
                    return self.generic_alias(obj, key);
                }
                Err(type_error(format!("type '{}' is not subscriptable", c.name.as_str())))
            }
            _ => {
                if has_dunders(obj)
                    && let Some(r) = self.call_dunder(obj, "__getitem__", std::slice::from_ref(key))?
                {
                    return Ok(r);
                }
                Err(type_error(format!("'{}' object is not subscriptable", obj.type_name())))
            }
        }
    }

    pub fn set_item(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match &key {
                Value::Slice(s) => {
                    let new = self.iterate(&value)?;
                    let len = l.len();
                    let idx = self.slice_indices(s, len)?;
                    let mut items = l.lock();
                    if idx.step == 1 {
                        let start = idx.start.min(items.len());
                        let stop = (idx.start + idx.len).max(start).min(items.len());
                        items.splice(start..stop, new);
                        return Ok(());
                    }
                    if new.len() != idx.len {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            idx.len
                        )));
                    }
                    for (k, v) in idx.positions().zip(new) {
                        if k < items.len() {
                            items[k] = v;
                        }
                    }
                    Ok(())
                }
                _ => {
                    let i = self.index_value(&key, "list")?;
                    let mut items = l.lock();
                    match index_of(i, items.len()) {
                        Some(i) => {
                            items[i] = value;
                            Ok(())
                        }
                        None => Err(index_error("list assignment index out of range")),
                    }
                }
            },
            Value::Dict(d) => d.set(self, key, value),
            _ => {
                if has_dunders(obj)
                    && let Some(_r) = self.call_dunder(obj, "__setitem__", &[key, value])?
                {
                    return Ok(());
                }
                Err(type_error(format!("'{}' object does not support item assignment", obj.type_name())))
            }
        }
    }

    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let len = l.len();
                    let idx = self.slice_indices(s, len)?;
                    let mut positions: Vec<usize> = idx.positions().collect();
                    positions.sort_unstable();
                    positions.dedup();
                    // One pass over the list (retain), not one shifting
                    // `remove` per deleted item: `del a[::k]` stays linear.
                    let mut items = l.lock();
                    let (mut i, mut k) = (0, 0);
                    items.retain(|_| {
                        let del = positions.get(k) == Some(&i);
                        k += usize::from(del);
                        i += 1;
                        !del
                    });
                    Ok(())
                }
                _ => {
                    let i = self.index_value(key, "list")?;
                    let mut items = l.lock();
                    match index_of(i, items.len()) {
                        Some(i) => {
                            items.remove(i);
                            Ok(())
                        }
                        None => Err(index_error("list assignment index out of range")),
                    }
                }
            },
            Value::Dict(d) => match d.remove(self, key)? {
                Some(_) => Ok(()),
                None => Err(key_error(key.clone())),
            },
            _ => {
                if has_dunders(obj)
                    && let Some(_r) = self.call_dunder(obj, "__delitem__", std::slice::from_ref(key))?
                {
                    return Ok(());
                }
                Err(type_error(format!("'{}' object doesn't support item deletion", obj.type_name())))
            }
        }
    }

    /// An index for `what[...]`: ints, bools, or objects with `__index__`.
    fn index_value(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        match key {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(index_error("cannot fit 'int' into an index-sized integer".to_string())),
            Value::Instance(_) => match self.call_dunder(key, "__index__", &[])? {
                Some(Value::Int(i)) => Ok(i),
                _ => Err(bad_index(what, key)),
            },
            _ => Err(bad_index(what, key)),
        }
    }

    /// `slice.indices(len)`, with CPython's clamping.
    pub fn slice_indices(&mut self, s: &PySlice, len: usize) -> PyResult<SliceIndices> {
        let step = match &s.step {
            Value::None => 1,
            v => self.slice_part(v)?,
        };
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let start = match &s.start {
            Value::None => None,
            v => Some(self.slice_part(v)?),
        };
        let stop = match &s.stop {
            Value::None => None,
            v => Some(self.slice_part(v)?),
        };
        Ok(SliceIndices::new(start, stop, step, len))
    }

    /// A slice's `(start, stop, step)` over `len` items, ints of any size
    /// (CPython's `_PySlice_GetLongIndices`, for `slice.indices` and range
    /// slicing).
    pub fn slice_indices_big(&mut self, s: &PySlice, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
        const MSG: &str = "slice indices must be integers or None or have an __index__ method";
        let part = |vm: &mut Vm, v: &Value| match v {
            Value::None => Ok(None),
            v => crate::runtime::args::to_index_big(vm, v, Some(MSG)).map(Some),
        };
        let step = part(self, &s.step)?.unwrap_or_else(|| BigInt::from(1));
        if num_traits::Zero::is_zero(&step) {
            return Err(value_error("slice step cannot be zero"));
        }
        let start = part(self, &s.start)?;
        let stop = part(self, &s.stop)?;
        Ok(crate::runtime::range::big_indices(start, stop, step, len))
    }

    fn slice_part(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(b) => Ok(if num_traits::Signed::is_negative(&**b) { i64::MIN / 2 } else { i64::MAX / 2 }),
            Value::Instance(_) => match self.call_dunder(v, "__index__", &[])? {
                Some(Value::Int(i)) => Ok(i),
                _ => Err(type_error("slice indices must be integers or None or have an __index__ method")),
            },
            _ => Err(type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }
}

fn is_index(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// CPython's message for an operator its operands do not support.
fn unsupported(op: BinOp, a: &Value, b: &Value) -> crate::vm::PyErr {
    match (op, a) {
        (BinOp::Add, Value::Str(_)) => {
            return type_error(format!("can only concatenate str (not \"{}\") to str", b.type_name()));
        }
        (BinOp::Add, Value::List(_)) => {
            return type_error(format!("can only concatenate list (not \"{}\") to list", b.type_name()));
        }
        (BinOp::Add, Value::Tuple(_)) => {
            return type_error(format!("can only concatenate tuple (not \"{}\") to tuple", b.type_name()));
        }
        (BinOp::Add, Value::Bytes(_)) => {
            return type_error(format!("can't concat {} to bytes", b.type_name()));
        }
        (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
            return type_error(format!("can't multiply sequence by non-int of type '{}'", b.type_name()));
        }
        (BinOp::Mul, _) if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
            return type_error(format!("can't multiply sequence by non-int of type '{}'", a.type_name()));
        }
        _ => {}
    }
    let sym = if op == BinOp::Pow { "** or pow()" } else { op.symbol() };
    type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", a.type_name(), b.type_name()))
}

fn unsupported_inplace(op: BinOp, a: &Value, b: &Value) -> Option<crate::vm::PyErr> {
    if matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
        return None;
    }
    let sym = if op == BinOp::Pow { "**=".to_string() } else { format!("{}=", op.symbol()) };
    Some(type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", a.type_name(), b.type_name())))
}

/// CPython words the str case differently from every other sequence.
fn bad_index(what: &str, key: &Value) -> super::PyErr {
    if what == "string" {
        return type_error(format!("string indices must be integers, not '{}'", key.type_name()));
    }
    type_error(format!("{what} indices must be integers or slices, not {}", key.type_name()))
}
