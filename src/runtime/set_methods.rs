//! The methods of `set` and `frozenset`, and their constructors.

use std::sync::Arc;

use super::class::Class;
use super::function::{Args, NativeFn};
use super::set::PySet;
use super::set_ops;
use super::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::error::{key_error, type_error};
use crate::vm::{PyResult, Vm};

/// A new set holding the items of `src`, built the way CPython does.
pub fn set_from(vm: &mut Vm, src: &Value) -> PyResult<PySet> {
    let s = PySet::new();
    match src {
        Value::Set(o) | Value::FrozenSet(o) => s.update_from_set(vm, o)?,
        Value::Dict(d) => {
            let items = d.hashed_items();
            s.reserve_for(items.len());
            for (h, k, _) in items {
                s.add_hashed(vm, k, h)?;
            }
        }
        other => {
            for it in vm.iterate(other)? {
                s.add(vm, it)?;
            }
        }
    }
    Ok(s)
}

pub fn set_ctor(vm: &mut Vm, _cls: &Arc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("set")?;
    match args.pos {
        [] => Ok(Value::new_set(PySet::new())),
        [x] => Ok(Value::new_set(set_from(vm, x)?)),
        _ => Err(type_error(format!("set expected at most 1 argument, got {}", args.len()))),
    }
}

pub fn frozenset_ctor(vm: &mut Vm, _cls: &Arc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("frozenset")?;
    match args.pos {
        [] => Ok(Value::FrozenSet(Arc::new(PySet::new()))),
        [x @ Value::FrozenSet(_)] => Ok(x.clone()),
        [x] => Ok(Value::FrozenSet(Arc::new(set_from(vm, x)?))),
        _ => Err(type_error(format!("frozenset expected at most 1 argument, got {}", args.len()))),
    }
}

fn common() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", set_len as NativeFn),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("copy", set_copy),
    ]
}

pub fn set_methods() -> Vec<(&'static str, NativeFn)> {
    let mut m = common();
    m.extend([
        ("add", set_add as NativeFn),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
    ]);
    m
}

pub fn frozenset_methods() -> Vec<(&'static str, NativeFn)> {
    common()
}

fn this<'a>(args: &'a Args) -> PyResult<&'a Arc<PySet>> {
    match args.pos.first() {
        Some(Value::Set(s)) | Some(Value::FrozenSet(s)) => Ok(s),
        _ => Err(type_error("descriptor requires a 'set' object")),
    }
}

/// The argument as a set value (converting other iterables).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        other => Ok(Value::new_set(set_from(vm, other)?)),
    }
}

fn set_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.len() as i64))
}

fn set_contains(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    Ok(Value::Bool(s.contains(vm, args.pos.get(1).unwrap_or(&Value::None))?))
}

fn set_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    vm.get_iter(&args.pos[0])
}

/// Applies a binary set operation over all the arguments in turn.
fn fold(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<Value> {
    this(args)?;
    let mut acc = match &args.pos[0] {
        Value::Set(s) | Value::FrozenSet(s) => {
            let copy = Arc::new(s.copy());
            if matches!(args.pos[0], Value::FrozenSet(_)) { Value::FrozenSet(copy) } else { Value::Set(copy) }
        }
        _ => unreachable!("checked by this()"),
    };
    for other in args.rest() {
        let o = as_set(vm, other)?;
        acc = set_ops::set_binary(vm, op, &acc, &o)?;
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    fold(vm, args, BinOp::BitOr)
}

fn set_intersection(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    fold(vm, args, BinOp::BitAnd)
}

fn set_difference(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    fold(vm, args, BinOp::Sub)
}

fn set_symmetric_difference(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("symmetric_difference", 1, args.len() - 1)?;
    fold(vm, args, BinOp::BitXor)
}

fn set_issubset(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    let o = as_set(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    let (Value::Set(o) | Value::FrozenSet(o)) = &o else { unreachable!("as_set makes sets") };
    Ok(Value::Bool(set_ops::is_subset(vm, &s, o)?))
}

fn set_issuperset(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    let o = as_set(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    let (Value::Set(o) | Value::FrozenSet(o)) = &o else { unreachable!("as_set makes sets") };
    Ok(Value::Bool(set_ops::is_subset(vm, o, &s)?))
}

fn set_isdisjoint(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    for it in vm.iterate(args.pos.get(1).unwrap_or(&Value::None))? {
        if s.contains(vm, &it)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_copy(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?;
    Ok(match &args.pos[0] {
        Value::FrozenSet(_) => args.pos[0].clone(),
        _ => Value::new_set(s.copy()),
    })
}

fn set_add(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    args.exactly("set.add", 1, args.len() - 1)?;
    s.add(vm, args.pos[1].clone())?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    args.exactly("set.remove", 1, args.len() - 1)?;
    if !s.discard(vm, &args.pos[1])? {
        return Err(key_error(args.pos[1].clone()));
    }
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    args.exactly("set.discard", 1, args.len() - 1)?;
    s.discard(vm, &args.pos[1])?;
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args)?.pop().ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

fn set_clear(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args)?.clear();
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    for other in args.rest() {
        match other {
            Value::Set(o) | Value::FrozenSet(o) => s.update_from_set(vm, o)?,
            o => {
                for it in vm.iterate(o)? {
                    s.add(vm, it)?;
                }
            }
        }
    }
    Ok(Value::None)
}

/// Replaces the contents of `self` with the result of `op`.
fn update_with(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<Value> {
    let s = this(args)?.clone();
    let r = fold(vm, args, op)?;
    if let Value::Set(r) | Value::FrozenSet(r) = &r {
        s.clear();
        s.update_from_set(vm, r)?;
    }
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    update_with(vm, args, BinOp::BitAnd)
}

fn set_difference_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    for other in args.rest() {
        for it in vm.iterate(other)? {
            s.discard(vm, &it)?;
        }
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    let o = as_set(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    let (Value::Set(o) | Value::FrozenSet(o)) = &o else { unreachable!("as_set makes sets") };
    for (h, k) in o.hashed_items() {
        if !s.discard_hashed(vm, &k, h)? {
            s.add_hashed(vm, k, h)?;
        }
    }
    Ok(Value::None)
}
