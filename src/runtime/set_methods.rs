//! The methods of `set` and `frozenset`, and their constructors.

use crate::runtime::pyarc::PyArc;

use super::class::Class;
use super::function::{Args, NativeFn};
use super::set::{Batch, PySet};
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

pub fn set_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("set")?;
    match args.pos {
        [] => Ok(Value::new_set(PySet::new())),
        [x] => Ok(Value::new_set(set_from(vm, x)?)),
        _ => Err(type_error(format!("set expected at most 1 argument, got {}", args.len()))),
    }
}

pub fn frozenset_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("frozenset")?;
    match args.pos {
        [] => Ok(Value::FrozenSet(PyArc::new(PySet::new()))),
        [x @ Value::FrozenSet(_)] => Ok(x.clone()),
        [x] => Ok(Value::FrozenSet(PyArc::new(set_from(vm, x)?))),
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

fn this<'a>(args: &'a Args) -> PyResult<&'a PyArc<PySet>> {
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
            let copy = PyArc::new(s.copy());
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
        update_in_place(vm, &s, BinOp::BitOr, other)?;
    }
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    for other in args.rest() {
        update_in_place(vm, &s, BinOp::BitAnd, other)?;
    }
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    for other in args.rest() {
        update_in_place(vm, &s, BinOp::Sub, other)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?.clone();
    args.exactly("symmetric_difference_update", 1, args.len() - 1)?;
    update_in_place(vm, &s, BinOp::BitXor, &args.pos[1])?;
    Ok(Value::None)
}

/// `s op= other` and the `*_update` methods: one atomic operation on `s`
/// (see `PySet::apply_all`), with CPython's special cases.
pub fn update_in_place(vm: &mut Vm, s: &PyArc<PySet>, op: BinOp, other: &Value) -> PyResult<()> {
    if let Value::Set(o) | Value::FrozenSet(o) = other {
        if PyArc::ptr_eq(s, o) {
            // `s -= s` and `s ^= s` empty it; `|` and `&` leave it.
            if matches!(op, BinOp::Sub | BinOp::BitXor) {
                s.clear();
            }
            return Ok(());
        }
        return match op {
            BinOp::BitOr => s.update_from_set(vm, o),
            BinOp::BitAnd => s.intersection_update_from(vm, o),
            BinOp::Sub => s.apply_all(vm, Batch::Discard, &o.hashed_items()),
            _ => s.apply_all(vm, Batch::Toggle, &o.hashed_items()),
        };
    }
    match op {
        BinOp::BitOr | BinOp::Sub => {
            let batch = if op == BinOp::BitOr { Batch::Add } else { Batch::Discard };
            let items = match other {
                Value::Dict(d) => {
                    let items: Vec<(i64, Value)> = d.hashed_items().into_iter().map(|(h, k, _)| (h, k)).collect();
                    if op == BinOp::BitOr {
                        // CPython sizes the table for a dict's keys first.
                        s.reserve_for(items.len());
                    }
                    items
                }
                _ => {
                    // Items hashed before a failing one are still applied,
                    // as CPython adds them one by one.
                    let mut items = Vec::new();
                    let mut failed = None;
                    for it in vm.iterate(other)? {
                        match vm.hash(&it) {
                            Ok(h) => items.push((h, it)),
                            Err(e) => {
                                failed = Some(e);
                                break;
                            }
                        }
                    }
                    s.apply_all(vm, batch, &items)?;
                    return failed.map_or(Ok(()), Err);
                }
            };
            s.apply_all(vm, batch, &items)
        }
        // A dict's keys are toggled in the dict's order, with its hashes.
        BinOp::BitXor if matches!(other, Value::Dict(_)) => {
            let Value::Dict(d) = other else { unreachable!("matched above") };
            let items: Vec<(i64, Value)> = d.hashed_items().into_iter().map(|(h, k, _)| (h, k)).collect();
            s.apply_all(vm, Batch::Toggle, &items)
        }
        // CPython makes a set of the iterable first.
        _ => {
            let o = as_set(vm, other)?;
            update_in_place(vm, s, op, &o)
        }
    }
}
