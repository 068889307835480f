//! The arithmetic and comparisons of ints and floats that need no Python
//! code, shared by the evaluation loop's fast paths and the full
//! instruction bodies; str concatenation (in place when it can be),
//! `len` of builtin containers, the next item of iterators over Rust data,
//! and the errors for unset variables.

use crate::runtime::pyarc::PyArc;

use super::PyErr;
use crate::bytecode::Op;
use crate::runtime::iter::IterState;
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

/// `a + b` on two strs at the top of `stack`, leaving the result there.
/// For `s += t` whose next op stores back into the local `s`, the local's
/// reference is dropped first: if the operand on the stack is then the
/// only reference, nobody else (no other thread either: the count is
/// exact) can observe the string, so it is extended in place, which makes
/// the usual string-building loop linear (CPython's
/// BINARY_OP_INPLACE_ADD_UNICODE does the same). The local is left unbound
/// only until that next `StoreFast`.
pub(super) fn str_add(stack: &mut Vec<Value>, op: Op, next: Option<Op>, base: usize) {
    let len = stack.len();
    let Some(Value::Str(b)) = stack.pop() else { unreachable!("str_add on a non-str") };
    let store = match next {
        Some(Op::StoreFast(slot)) => Some(slot as usize),
        Some(Op::StoreFastLoadFast(slot, _)) => Some(slot as usize),
        _ => None,
    };
    if let (Op::Inplace(_), Some(slot)) = (op, store) {
        let slot = base + slot;
        let same = match (&stack[slot], &stack[len - 2]) {
            (Value::Str(l), Value::Str(a)) => PyArc::ptr_eq(l, a),
            _ => false,
        };
        if same {
            std::mem::replace(&mut stack[slot], Value::Undef).release();
            if let Value::Str(a) = &mut stack[len - 2]
                && let Some(a) = PyArc::get_mut(a)
            {
                a.append(&b);
                return;
            }
        }
    }
    let Value::Str(a) = &stack[len - 2] else { unreachable!("str_add on a non-str") };
    let r = Value::Str(PyArc::new(PyStr::concat(a, &b)));
    std::mem::replace(&mut stack[len - 2], r).release();
}

/// `a += b` for two lists (`Inplace(Add)` with both operands exact
/// lists: a subclass is an `Instance` and takes the general path): `b` is
/// appended to `a` in place and `a` stays on the stack as the result.
pub(super) fn list_iadd(stack: &mut Vec<Value>) -> super::PyResult<()> {
    let Some(Value::List(b)) = stack.pop() else { unreachable!("list_iadd on a non-list") };
    let Some(Value::List(a)) = stack.last() else { unreachable!("list_iadd on a non-list") };
    a.extend_from_list(&b)
}

/// `BuildList(n)`: the top `n` values become a new list.
#[inline(always)]
pub(super) fn build_list(stack: &mut Vec<Value>, n: u32) {
    let items = stack.split_off(stack.len() - n as usize);
    stack.push(Value::list(items));
}

/// `len(v)` when `callee` is the builtin `len` and `v` a builtin container
/// (no `__len__` to call); None otherwise.
#[inline(always)]
pub(super) fn builtin_len(callee: &Value, v: &Value) -> Option<usize> {
    let Value::Builtin(b) = callee else { return None };
    if !std::ptr::fn_addr_eq(b.func, crate::modules::builtins::len as crate::runtime::function::NativeFn) {
        return None;
    }
    container_len(v)
}

/// The length of a builtin container, None for anything else (whose
/// `len` needs `__len__` or is an error).
#[inline(always)]
pub(super) fn container_len(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.len(),
        Value::Set(s) | Value::FrozenSet(s) => s.len(),
        Value::Bytes(b) => b.data.len(),
        Value::Range(r) if !r.is_big() => r.len() as usize,
        _ => return None,
    })
}

/// The next value of an iterator over Rust data that needs no Python code
/// and no lock but its own (a range, a list, `enumerate` of a list), for
/// the loop's `ForIter` and `Send`: `Some(None)` when it is exhausted,
/// `None` when the iterator needs the general path.
#[inline(always)]
pub(super) fn rust_next(it: &Value) -> Option<Option<Value>> {
    let Value::Iter(it) = it else {
        return None;
    };
    match &mut *it.state.lock() {
        IterState::Range { next, left, step } => Some(if *left > 0 {
            let v = *next;
            *next = next.wrapping_add(*step);
            *left -= 1;
            Some(Value::Int(v))
        } else {
            None
        }),
        IterState::List { list, index } => Some(list_next(&list.lock(), index)),
        // `for i, x in enumerate(a_list)`.
        IterState::Enumerate { iter: Value::Iter(inner), count } => match &mut *inner.state.lock() {
            IterState::List { list, index } => Some(list_next(&list.lock(), index).map(|v| {
                let n = *count;
                *count += 1;
                Value::tuple(vec![Value::Int(n), v])
            })),
            _ => None,
        },
        _ => None,
    }
}

/// Item `index` of a list iterator's list, advancing it (for good once
/// it runs off the end, as CPython's list iterator).
#[inline(always)]
fn list_next(items: &[Value], index: &mut usize) -> Option<Value> {
    match items.get(*index) {
        Some(v) => {
            *index += 1;
            Some(v.clone())
        }
        None => {
            *index = usize::MAX;
            None
        }
    }
}
