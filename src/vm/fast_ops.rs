//! The arithmetic and comparisons of ints and floats that need no Python
//! code, shared by the evaluation loop's fast paths and the full
//! instruction bodies; and the errors for unset variables.

use super::PyErr;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};

pub(super) fn unbound_local(name: &PyStr) -> PyErr {
    PyErr::new(
        &types().exc.unbound_local_error,
        format!("cannot access local variable '{}' where it is not associated with a value", name.as_str()),
    )
}

pub(super) fn free_var_error(code: &crate::bytecode::Code, i: usize) -> PyErr {
    let name = code.cell_name(i).as_str();
    if i < code.cellvars.len() {
        return unbound_local(code.cell_name(i));
    }
    PyErr::new(
        &types().exc.name_error,
        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
    )
}

/// Integer arithmetic that cannot overflow or fail; `None` sends the
/// operation to the general path.
#[inline]
pub(super) fn int_fast(op: BinOp, a: i64, b: i64) -> Option<i64> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::FloorDiv if b != 0 => {
            let q = a.checked_div(b)?;
            Some(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
        }
        BinOp::Mod if b != 0 => {
            let r = a.checked_rem(b)?;
            Some(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
        }
        BinOp::BitAnd => Some(a & b),
        BinOp::BitOr => Some(a | b),
        BinOp::BitXor => Some(a ^ b),
        _ => None,
    }
}

#[inline]
pub(super) fn float_fast(op: BinOp, a: f64, b: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(a + b),
        BinOp::Sub => Some(a - b),
        BinOp::Mul => Some(a * b),
        BinOp::Div if b != 0.0 => Some(a / b),
        _ => None,
    }
}

/// `a <op> b` for two ints, two floats or an int and a float, decided
/// inline; None for anything else.
#[inline(always)]
pub(super) fn num_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, *x, *y)),
        (Value::Float(x), Value::Float(y)) => Some(cmp_ord(op, *x, *y)),
        // Exact for ints below 2**53, as num_cmp is.
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => Some(cmp_ord(op, *x, *y as f64)),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => Some(cmp_ord(op, *x as f64, *y)),
        _ => None,
    }
}

#[inline]
pub(super) fn cmp_ord<T: PartialOrd>(op: CmpOp, a: T, b: T) -> bool {
    match op {
        CmpOp::Eq => a == b,
        CmpOp::NotEq => a != b,
        CmpOp::Lt => a < b,
        CmpOp::LtE => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::GtE => a >= b,
        _ => false,
    }
}
