//! Set algebra (`|`, `&`, `-`, `^`) and comparisons (subset, superset),
//! building results in the same order as CPython's `setobject.c`.

use crate::runtime::pyarc::PyArc;

use super::set::PySet;
use super::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::vm::{PyResult, Vm};

fn inner(v: &Value) -> &PyArc<PySet> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => s,
        _ => unreachable!("set operations take sets"),
    }
}

/// Wraps a result in the type of the left operand.
fn like(a: &Value, s: PySet) -> Value {
    match a {
        Value::FrozenSet(_) => Value::FrozenSet(PyArc::new(s)),
        _ => Value::new_set(s),
    }
}

pub fn set_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (inner(a), inner(b));
    Ok(match op {
        BinOp::BitOr => {
            let r = x.copy();
            r.update_from_set(vm, y)?;
            like(a, r)
        }
        BinOp::BitAnd => like(a, intersection(vm, x, y)?),
        BinOp::Sub => like(a, difference(vm, x, y)?),
        _ => {
            // CPython copies the right operand and toggles the left's items in.
            let r = y.copy();
            for (h, k) in x.hashed_items() {
                if !r.discard_hashed(vm, &k, h)? {
                    r.add_hashed(vm, k, h)?;
                }
            }
            like(a, r)
        }
    })
}

pub fn intersection(vm: &mut Vm, x: &PySet, y: &PySet) -> PyResult<PySet> {
    let r = PySet::new();
    let (small, big) = if y.len() > x.len() { (x, y) } else { (y, x) };
    for (h, k) in small.hashed_items() {
        if big.contains_hashed(vm, &k, h)? {
            r.add_hashed(vm, k, h)?;
        }
    }
    Ok(r)
}

pub fn difference(vm: &mut Vm, x: &PySet, y: &PySet) -> PyResult<PySet> {
    if (x.len() >> 2) > y.len() {
        let r = x.copy();
        for (h, k) in y.hashed_items() {
            r.discard_hashed(vm, &k, h)?;
        }
        return Ok(r);
    }
    let r = PySet::new();
    for (h, k) in x.hashed_items() {
        if !y.contains_hashed(vm, &k, h)? {
            r.add_hashed(vm, k, h)?;
        }
    }
    Ok(r)
}

/// Is every element of `x` in `y`?
pub fn is_subset(vm: &mut Vm, x: &PySet, y: &PySet) -> PyResult<bool> {
    if x.len() > y.len() {
        return Ok(false);
    }
    for (h, k) in x.hashed_items() {
        if !y.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (inner(a), inner(b));
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && is_subset(vm, x, y)?,
        CmpOp::NotEq => !(x.len() == y.len() && is_subset(vm, x, y)?),
        CmpOp::LtE => is_subset(vm, x, y)?,
        CmpOp::Lt => x.len() < y.len() && is_subset(vm, x, y)?,
        CmpOp::GtE => is_subset(vm, y, x)?,
        CmpOp::Gt => y.len() < x.len() && is_subset(vm, y, x)?,
        _ => false,
    })
}
