//! Comparisons, membership and truth: `==`, `<` and friends with
//! `__eq__`/`__lt__` dispatch and reflection, `in`, and `bool(x)`.

use crate::runtime::pyarc::PyArc;
use std::cmp::Ordering;

use super::error::type_error;
use super::{PyResult, Vm};
use crate::runtime::compare::{fast_eq, num_cmp};
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::ast::CmpOp;

fn dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

fn symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Eq => "==",
        _ => "!=",
    }
}

fn from_ordering(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        CmpOp::Eq => o == Ordering::Equal,
        _ => o != Ordering::Equal,
    }
}

/// Values whose comparison never recurses.
fn is_flat(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::BigInt(_)
            | Value::Str(_)
            | Value::Bytes(_)
    )
}

fn user_defined(v: &Value) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_))
}

impl Vm {
    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare_op(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// `a op b` for ==, !=, <, <=, >, >=. A comparison that may recurse
    /// (containers, objects with dunders) is one level of recursion.
    pub fn compare_op(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if is_flat(a) && is_flat(b) {
            return self.compare_op_inner(op, a, b);
        }
        self.nested(super::recursion::Recursing::Compare, |vm| vm.compare_op_inner(op, a, b))
    }

    fn compare_op_inner(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if !user_defined(a) && !user_defined(b) {
            return self.builtin_compare(op, a, b).map(Value::Bool);
        }
        let (name, reflected) = dunder(op);
        let (acls, bcls) = (a.class(), b.class());
        let reflected_first = !PyArc::ptr_eq(&acls, &bcls) && bcls.is_subclass(&acls) && user_defined(b);
        if reflected_first
            && let Some(r) = self.call_dunder(b, reflected, std::slice::from_ref(a))?
            && !matches!(r, Value::NotImplemented)
        {
            return Ok(r);
        }
        if user_defined(a)
            && let Some(r) = self.user_compare(a, name, b)?
        {
            return Ok(r);
        }
        if !reflected_first
            && user_defined(b)
            && let Some(r) = self.user_compare(b, reflected, a)?
        {
            return Ok(r);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => {
                if !user_defined(a) && !user_defined(b) {
                    return self.builtin_compare(op, a, b).map(Value::Bool);
                }
                Err(not_supported(op, a, b))
            }
        }
    }

    /// Calls a comparison dunder defined in Python (not `object`'s).
    fn user_compare(&mut self, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
        let cls = obj.class();
        match cls.lookup_str(name) {
            Some(m @ (Value::Function(_) | Value::BoundMethod(_))) => {
                let r = self.call(&m, &[obj.clone(), other.clone()])?;
                Ok(if matches!(r, Value::NotImplemented) { None } else { Some(r) })
            }
            Some(Value::Builtin(b)) if b.owner != Some("object") => {
                let r = crate::runtime::subclass::call_builtin(self, &b, &[obj.clone(), other.clone()], &[])?;
                Ok(if matches!(r, Value::NotImplemented) { None } else { Some(r) })
            }
            _ => {
                // `!=` falls back to the inverse of a Python `__eq__`.
                if name == "__ne__"
                    && let Some(r) = self.user_compare(obj, "__eq__", other)?
                {
                    let t = self.truthy(&r)?;
                    return Ok(Some(Value::Bool(!t)));
                }
                Ok(None)
            }
        }
    }

    fn builtin_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(o) = num_cmp(a, b) {
            return Ok(from_ordering(op, o));
        }
        let is_num = |v: &Value| matches!(v, Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_));
        if is_num(a) && is_num(b) {
            // NaN: every comparison is false except !=.
            return Ok(op == CmpOp::NotEq);
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(from_ordering(op, x.as_str().cmp(y.as_str()))),
            (Value::Bytes(x), Value::Bytes(y)) => Ok(from_ordering(op, x.data.cmp(&y.data))),
            (Value::List(x), Value::List(y)) => {
                if PyArc::ptr_eq(x, y) {
                    return Ok(from_ordering(op, Ordering::Equal));
                }
                let (xs, ys) = (x.snapshot(), y.snapshot());
                self.sequence_compare(op, &xs, &ys)
            }
            // Tuples are immutable: compare them in place.
            (Value::Tuple(x), Value::Tuple(y)) => self.sequence_compare(op, &x.items, &y.items),
            (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let eq = self.dict_eq(x, y)?;
                Ok(eq == (op == CmpOp::Eq))
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                crate::runtime::set_ops::set_compare(self, op, a, b)
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                Ok(x.same_items(y) == (op == CmpOp::Eq))
            }
            // Equal when bound to the same object and their functions are equal.
            (Value::BoundMethod(x), Value::BoundMethod(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let eq = x.receiver.is(&y.receiver) && self.eq(&x.func, &y.func)?;
                Ok(eq == (op == CmpOp::Eq))
            }
            _ => match op {
                CmpOp::Eq => Ok(fast_eq(a, b).unwrap_or_else(|| a.is(b))),
                CmpOp::NotEq => Ok(!fast_eq(a, b).unwrap_or_else(|| a.is(b))),
                _ => Err(not_supported(op, a, b)),
            },
        }
    }

    /// Lexicographic comparison of two sequences.
    fn sequence_compare(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) && xs.len() != ys.len() {
            return Ok(op == CmpOp::NotEq);
        }
        for (x, y) in xs.iter().zip(ys) {
            if x.is(y) {
                continue;
            }
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => {
                        let r = self.compare_op(op, x, y)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(from_ordering(op, xs.len().cmp(&ys.len())))
    }

    fn dict_eq(&mut self, x: &crate::runtime::dict::PyDict, y: &crate::runtime::dict::PyDict) -> PyResult<bool> {
        if std::ptr::eq(x, y) {
            return Ok(true);
        }
        if x.len() != y.len() {
            return Ok(false);
        }
        for (k, v) in x.items() {
            match y.get(self, &k)? {
                Some(w) => {
                    if !v.is(&w) && !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => {
                    Err(type_error(format!("'in <string>' requires string as left operand, not {}", item.type_name())))
                }
            },
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let Some(x) = l.get(i) else { return Ok(false) };
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => d.contains(self, item),
            Value::Set(s) | Value::FrozenSet(s) => s.contains(self, item),
            Value::Range(r) => match item {
                Value::Int(i) => Ok(r.contains(*i)),
                Value::Bool(b) => Ok(r.contains(*b as i64)),
                Value::BigInt(b) => Ok(r.contains_big(b)),
                _ => self.contains_by_iteration(container, item),
            },
            Value::Bytes(b) => match item {
                // `353 in b'a'` is an error, not a test of 353 % 256.
                Value::Int(i) => match u8::try_from(*i) {
                    Ok(byte) => Ok(b.data.contains(&byte)),
                    Err(_) => Err(crate::vm::error::value_error("byte must be in range(0, 256)")),
                },
                Value::Bytes(sub) => {
                    Ok(sub.data.is_empty() || b.data.windows(sub.data.len()).any(|w| w == &sub.data[..]))
                }
                // Any other buffer (a bytearray, a memoryview) is a needle too.
                other => match crate::runtime::bytearray::bytes_like(other) {
                    Some(sub) => Ok(sub.is_empty() || b.data.windows(sub.len()).any(|w| w == &sub[..])),
                    None => Err(type_error(format!("a bytes-like object is required, not '{}'", other.type_name()))),
                },
            },
            _ => {
                if (user_defined(container) || super::attr::meta_hook(container, "__contains__").is_some())
                    && let Some(r) = self.call_dunder(container, "__contains__", std::slice::from_ref(item))?
                {
                    return self.truthy(&r);
                }
                self.contains_by_iteration(container, item)
            }
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if e.is(&types().exc.type_error) => {
                return Err(type_error(format!("argument of type '{}' is not iterable", container.type_name())));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.iter_next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.data.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Class(_)
                if super::attr::meta_hook(v, "__bool__").is_none()
                    && super::attr::meta_hook(v, "__len__").is_none() =>
            {
                true
            }
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => {
                if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => {
                            Err(type_error(format!("__bool__ should return bool, returned {}", other.type_name())))
                        }
                    };
                }
                if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                    return match r {
                        Value::Int(n) => Ok(n != 0),
                        Value::Bool(b) => Ok(b),
                        other => Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        ))),
                    };
                }
                true
            }
            _ => true,
        })
    }

    /// `except typ:` — typ is a class or a tuple of classes.
    pub fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(c) => {
                if !c.is_subclass(&types().exc.base_exception) {
                    return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
                }
                Ok(self.isinstance_class(exc, c))
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.exception_matches(exc, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }
}

fn not_supported(op: CmpOp, a: &Value, b: &Value) -> crate::vm::PyErr {
    type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        symbol(op),
        a.type_name(),
        b.type_name()
    ))
}
