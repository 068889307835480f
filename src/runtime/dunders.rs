//! The operator methods of builtin types as attributes: `int.__add__`,
//! `(10).__add__(5)`, `'a'.__lt__('b')`, `list.__eq__`...
//!
//! The interpreter never calls these for builtin values (operators go
//! straight to Rust); they exist for programs that name them, and each
//! one does what the operator does. As in CPython, a method answers
//! `NotImplemented` for an operand of a type it does not handle (for
//! numbers: `int.__add__` takes ints only, `float.__add__` ints and
//! floats; for sequences: comparisons with another type).

use super::function::{Args, NativeFn};
use super::value::Value;
use crate::bytecode::Op;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

/// Which builtin type a method belongs to: what `self` must be and which
/// operands it accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    /// set and frozenset.
    Set,
}

impl Owner {
    fn name(self) -> &'static str {
        match self {
            Owner::Int => "int",
            Owner::Float => "float",
            Owner::Str => "str",
            Owner::List => "list",
            Owner::Tuple => "tuple",
            Owner::Dict => "dict",
            Owner::Set => "set",
        }
    }

    fn is_self(self, v: &Value) -> bool {
        match self {
            Owner::Int => matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
            Owner::Float => matches!(v, Value::Float(_)),
            Owner::Str => matches!(v, Value::Str(_)),
            Owner::List => matches!(v, Value::List(_)),
            Owner::Tuple => matches!(v, Value::Tuple(_)),
            Owner::Dict => matches!(v, Value::Dict(_)),
            Owner::Set => matches!(v, Value::Set(_) | Value::FrozenSet(_)),
        }
    }

    /// Operands the arithmetic methods handle; others get NotImplemented.
    fn takes(self, v: &Value) -> bool {
        match self {
            Owner::Float => Owner::Int.is_self(v) || Owner::Float.is_self(v),
            // Sequence arithmetic raises its own TypeErrors, as the
            // operators do.
            Owner::Str | Owner::List | Owner::Tuple | Owner::Dict => true,
            Owner::Set => Owner::Set.is_self(v),
            Owner::Int => Owner::Int.is_self(v),
        }
    }

    /// Operands the comparison methods handle.
    fn compares(self, v: &Value) -> bool {
        match self {
            Owner::Int | Owner::Float => self.takes(v),
            _ => self.is_self(v),
        }
    }
}

/// `self` and the other operand, checked.
fn operands<'a>(args: &'a Args, owner: Owner, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let Some(me) = args.pos.first() else {
        return Err(type_error(format!("descriptor '{name}' of '{}' object needs an argument", owner.name())));
    };
    if !owner.is_self(me) {
        return Err(type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            owner.name(),
            me.type_name()
        )));
    }
    match args.pos.len() {
        2 => Ok((me, &args.pos[1])),
        n => Err(type_error(format!("expected 1 argument, got {}", n - 1))),
    }
}

fn only_self<'a>(args: &'a Args, owner: Owner, name: &str) -> PyResult<&'a Value> {
    match args.pos.first() {
        Some(me) if owner.is_self(me) && args.pos.len() == 1 => Ok(me),
        Some(me) if owner.is_self(me) => {
            Err(type_error(format!("{}.{name}() takes no arguments ({} given)", owner.name(), args.pos.len() - 1)))
        }
        Some(me) => Err(type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            owner.name(),
            me.type_name()
        ))),
        None => Err(type_error(format!("descriptor '{name}' of '{}' object needs an argument", owner.name()))),
    }
}

fn binary(vm: &mut Vm, args: &Args, owner: Owner, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let (me, other) = operands(args, owner, name)?;
    if !owner.takes(other) {
        return Ok(Value::NotImplemented);
    }
    if reflected {
        return vm.binary_op(op, other, me);
    }
    vm.binary_op(op, me, other)
}

fn divmod(vm: &mut Vm, args: &Args, owner: Owner, name: &str, reflected: bool) -> PyResult<Value> {
    let (me, other) = operands(args, owner, name)?;
    if !owner.takes(other) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if reflected { (other, me) } else { (me, other) };
    let q = vm.binary_op(BinOp::FloorDiv, a, b)?;
    let r = vm.binary_op(BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn compare(vm: &mut Vm, args: &Args, owner: Owner, name: &str, op: CmpOp) -> PyResult<Value> {
    let (me, other) = operands(args, owner, name)?;
    if !owner.compares(other) {
        return Ok(Value::NotImplemented);
    }
    vm.compare_op(op, me, other)
}

fn unary(vm: &mut Vm, args: &Args, owner: Owner, name: &str) -> PyResult<Value> {
    let me = only_self(args, owner, name)?;
    match name {
        "__neg__" => vm.unary_op(Op::UnaryNeg, me),
        "__pos__" => vm.unary_op(Op::UnaryPos, me),
        "__invert__" => vm.unary_op(Op::UnaryInvert, me),
        "__bool__" => Ok(Value::Bool(vm.truthy(me)?)),
        "__hash__" => Ok(Value::Int(vm.hash(me)?)),
        "__repr__" => Ok(Value::str(vm.repr(me)?)),
        "__str__" => Ok(Value::str(vm.str(me)?)),
        "__iter__" => vm.get_iter(me),
        _ => Err(type_error(format!("'{}' object has no method '{name}'", owner.name()))),
    }
}

/// `round(x[, ndigits])` for ints and floats, by the builtin.
fn round(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = vm.shared.builtins_module.dict.get_item_str("round").unwrap_or_default();
    vm.call_value(&f, args.pos, args.kw)
}

/// Defines one `NativeFn` per (owner, method) and a table builder per owner.
macro_rules! methods {
    ($table:ident, $owner:expr, { $($f:ident : $name:literal => $kind:ident $(($($arg:expr),*))?),* $(,)? }) => {
        $(fn $f(vm: &mut Vm, args: &Args) -> PyResult<Value> {
            methods!(@call $kind, vm, args, $owner, $name $(, $($arg),*)?)
        })*
        pub fn $table() -> Vec<(&'static str, NativeFn)> {
            vec![$(($name, $f as NativeFn)),*]
        }
    };
    (@call binary, $vm:ident, $args:ident, $owner:expr, $name:literal, $op:expr) => {
        binary($vm, $args, $owner, $name, $op, false)
    };
    (@call rbinary, $vm:ident, $args:ident, $owner:expr, $name:literal, $op:expr) => {
        binary($vm, $args, $owner, $name, $op, true)
    };
    (@call divmod, $vm:ident, $args:ident, $owner:expr, $name:literal, $r:expr) => {
        divmod($vm, $args, $owner, $name, $r)
    };
    (@call compare, $vm:ident, $args:ident, $owner:expr, $name:literal, $op:expr) => {
        compare($vm, $args, $owner, $name, $op)
    };
    (@call unary, $vm:ident, $args:ident, $owner:expr, $name:literal) => {
        unary($vm, $args, $owner, $name)
    };
}

methods!(int_dunders, Owner::Int, {
    int_add: "__add__" => binary(BinOp::Add),
    int_sub: "__sub__" => binary(BinOp::Sub),
    int_mul: "__mul__" => binary(BinOp::Mul),
    int_truediv: "__truediv__" => binary(BinOp::Div),
    int_floordiv: "__floordiv__" => binary(BinOp::FloorDiv),
    int_mod: "__mod__" => binary(BinOp::Mod),
    int_pow: "__pow__" => binary(BinOp::Pow),
    int_lshift: "__lshift__" => binary(BinOp::LShift),
    int_rshift: "__rshift__" => binary(BinOp::RShift),
    int_and: "__and__" => binary(BinOp::BitAnd),
    int_or: "__or__" => binary(BinOp::BitOr),
    int_xor: "__xor__" => binary(BinOp::BitXor),
    int_radd: "__radd__" => rbinary(BinOp::Add),
    int_rsub: "__rsub__" => rbinary(BinOp::Sub),
    int_rmul: "__rmul__" => rbinary(BinOp::Mul),
    int_rtruediv: "__rtruediv__" => rbinary(BinOp::Div),
    int_rfloordiv: "__rfloordiv__" => rbinary(BinOp::FloorDiv),
    int_rmod: "__rmod__" => rbinary(BinOp::Mod),
    int_rpow: "__rpow__" => rbinary(BinOp::Pow),
    int_rlshift: "__rlshift__" => rbinary(BinOp::LShift),
    int_rrshift: "__rrshift__" => rbinary(BinOp::RShift),
    int_rand: "__rand__" => rbinary(BinOp::BitAnd),
    int_ror: "__ror__" => rbinary(BinOp::BitOr),
    int_rxor: "__rxor__" => rbinary(BinOp::BitXor),
    int_divmod: "__divmod__" => divmod(false),
    int_rdivmod: "__rdivmod__" => divmod(true),
    int_eq: "__eq__" => compare(CmpOp::Eq),
    int_ne: "__ne__" => compare(CmpOp::NotEq),
    int_lt: "__lt__" => compare(CmpOp::Lt),
    int_le: "__le__" => compare(CmpOp::LtE),
    int_gt: "__gt__" => compare(CmpOp::Gt),
    int_ge: "__ge__" => compare(CmpOp::GtE),
    int_neg: "__neg__" => unary,
    int_pos: "__pos__" => unary,
    int_invert: "__invert__" => unary,
    int_bool: "__bool__" => unary,
    int_hash: "__hash__" => unary,
    int_repr: "__repr__" => unary,
});

/// Methods beyond the operators.
pub fn number_extras() -> Vec<(&'static str, NativeFn)> {
    vec![("__round__", round as NativeFn)]
}

methods!(float_dunders, Owner::Float, {
    float_add: "__add__" => binary(BinOp::Add),
    float_sub: "__sub__" => binary(BinOp::Sub),
    float_mul: "__mul__" => binary(BinOp::Mul),
    float_truediv: "__truediv__" => binary(BinOp::Div),
    float_floordiv: "__floordiv__" => binary(BinOp::FloorDiv),
    float_mod: "__mod__" => binary(BinOp::Mod),
    float_pow: "__pow__" => binary(BinOp::Pow),
    float_radd: "__radd__" => rbinary(BinOp::Add),
    float_rsub: "__rsub__" => rbinary(BinOp::Sub),
    float_rmul: "__rmul__" => rbinary(BinOp::Mul),
    float_rtruediv: "__rtruediv__" => rbinary(BinOp::Div),
    float_rfloordiv: "__rfloordiv__" => rbinary(BinOp::FloorDiv),
    float_rmod: "__rmod__" => rbinary(BinOp::Mod),
    float_rpow: "__rpow__" => rbinary(BinOp::Pow),
    float_divmod: "__divmod__" => divmod(false),
    float_rdivmod: "__rdivmod__" => divmod(true),
    float_eq: "__eq__" => compare(CmpOp::Eq),
    float_ne: "__ne__" => compare(CmpOp::NotEq),
    float_lt: "__lt__" => compare(CmpOp::Lt),
    float_le: "__le__" => compare(CmpOp::LtE),
    float_gt: "__gt__" => compare(CmpOp::Gt),
    float_ge: "__ge__" => compare(CmpOp::GtE),
    float_neg: "__neg__" => unary,
    float_pos: "__pos__" => unary,
    float_bool: "__bool__" => unary,
    float_hash: "__hash__" => unary,
    float_repr: "__repr__" => unary,
});

methods!(str_dunders, Owner::Str, {
    str_add: "__add__" => binary(BinOp::Add),
    str_mul: "__mul__" => binary(BinOp::Mul),
    str_rmul: "__rmul__" => rbinary(BinOp::Mul),
    str_mod: "__mod__" => binary(BinOp::Mod),
    str_eq: "__eq__" => compare(CmpOp::Eq),
    str_ne: "__ne__" => compare(CmpOp::NotEq),
    str_lt: "__lt__" => compare(CmpOp::Lt),
    str_le: "__le__" => compare(CmpOp::LtE),
    str_gt: "__gt__" => compare(CmpOp::Gt),
    str_ge: "__ge__" => compare(CmpOp::GtE),
    str_hash: "__hash__" => unary,
    str_repr: "__repr__" => unary,
    str_str: "__str__" => unary,
    str_iter: "__iter__" => unary,
});

methods!(list_dunders, Owner::List, {
    list_add: "__add__" => binary(BinOp::Add),
    list_mul: "__mul__" => binary(BinOp::Mul),
    list_rmul: "__rmul__" => rbinary(BinOp::Mul),
    list_eq: "__eq__" => compare(CmpOp::Eq),
    list_ne: "__ne__" => compare(CmpOp::NotEq),
    list_lt: "__lt__" => compare(CmpOp::Lt),
    list_le: "__le__" => compare(CmpOp::LtE),
    list_gt: "__gt__" => compare(CmpOp::Gt),
    list_ge: "__ge__" => compare(CmpOp::GtE),
    list_repr: "__repr__" => unary,
});

methods!(tuple_dunders, Owner::Tuple, {
    tuple_add: "__add__" => binary(BinOp::Add),
    tuple_mul: "__mul__" => binary(BinOp::Mul),
    tuple_rmul: "__rmul__" => rbinary(BinOp::Mul),
    tuple_eq: "__eq__" => compare(CmpOp::Eq),
    tuple_ne: "__ne__" => compare(CmpOp::NotEq),
    tuple_lt: "__lt__" => compare(CmpOp::Lt),
    tuple_le: "__le__" => compare(CmpOp::LtE),
    tuple_gt: "__gt__" => compare(CmpOp::Gt),
    tuple_ge: "__ge__" => compare(CmpOp::GtE),
    tuple_hash: "__hash__" => unary,
    tuple_repr: "__repr__" => unary,
});

methods!(dict_dunders, Owner::Dict, {
    dict_or: "__or__" => binary(BinOp::BitOr),
    dict_eq: "__eq__" => compare(CmpOp::Eq),
    dict_ne: "__ne__" => compare(CmpOp::NotEq),
    dict_repr: "__repr__" => unary,
});

methods!(set_dunders, Owner::Set, {
    set_or: "__or__" => binary(BinOp::BitOr),
    set_and: "__and__" => binary(BinOp::BitAnd),
    set_sub: "__sub__" => binary(BinOp::Sub),
    set_xor: "__xor__" => binary(BinOp::BitXor),
    set_eq: "__eq__" => compare(CmpOp::Eq),
    set_ne: "__ne__" => compare(CmpOp::NotEq),
    set_lt: "__lt__" => compare(CmpOp::Lt),
    set_le: "__le__" => compare(CmpOp::LtE),
    set_gt: "__gt__" => compare(CmpOp::Gt),
    set_ge: "__ge__" => compare(CmpOp::GtE),
    set_repr: "__repr__" => unary,
});

/// A type's own methods followed by those operator methods it lacks.
pub fn with_dunders(
    own: Vec<(&'static str, NativeFn)>,
    extra: Vec<(&'static str, NativeFn)>,
) -> Vec<(&'static str, NativeFn)> {
    let mut all = own;
    for (name, f) in extra {
        if !all.iter().any(|(n, _)| *n == name) {
            all.push((name, f));
        }
    }
    all
}
