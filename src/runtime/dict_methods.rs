//! The methods of `dict` and its constructor.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;

use super::class::Class;
use super::dict::PyDict;
use super::dict_view::{DictView, ViewKind};
use super::function::{Args, NativeFn};
use super::value::Value;
use crate::vm::error::{key_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

pub fn dict_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    let d = PyDict::new();
    if args.len() > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {}", args.len())));
    }
    if let Some(src) = args.pos.first() {
        fill_from(vm, &d, src)?;
    }
    for (k, v) in args.kw {
        d.set_str(k.clone(), v.clone());
    }
    Ok(Value::new_dict(d))
}

/// `dict(src)` / `d.update(src)`: a mapping, or an iterable of pairs.
fn fill_from(vm: &mut Vm, d: &PyDict, src: &Value) -> PyResult<()> {
    let is_mapping = match src {
        Value::Dict(_) => true,
        Value::Instance(_) | Value::Native(_) => src.class().lookup_str("keys").is_some(),
        _ => false,
    };
    if is_mapping {
        return vm.dict_update(d, src, false, None);
    }
    let items = vm.iterate(src)?;
    for (i, item) in items.into_iter().enumerate() {
        let pair = match &item {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            other => match vm.iterate(other) {
                Ok(v) => v,
                Err(_) => {
                    return Err(type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
            },
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let (k, v) = (it.next().unwrap_or_default(), it.next().unwrap_or_default());
        d.set(vm, k, v)?;
    }
    Ok(())
}

pub fn dict_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", dict_len as NativeFn),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
        ("fromkeys", dict_fromkeys),
    ]
}

fn this<'a>(args: &'a Args, name: &str) -> PyResult<&'a PyArc<PyDict>> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d),
        Some(other) => Err(type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
        None => Err(type_error(format!("unbound method dict.{name}() needs an argument"))),
    }
}

fn dict_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args, "__len__")?.len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = Value::Dict(this(args, "__getitem__")?.clone());
    vm.get_item(&d, args.pos.get(1).unwrap_or(&Value::None))
}

fn dict_setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "__setitem__")?.clone();
    args.exactly("__setitem__", 2, args.len() - 1)?;
    d.set(vm, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = Value::Dict(this(args, "__delitem__")?.clone());
    vm.del_item(&d, args.pos.get(1).unwrap_or(&Value::None))?;
    Ok(Value::None)
}

fn dict_contains(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "__contains__")?.clone();
    Ok(Value::Bool(d.contains(vm, args.pos.get(1).unwrap_or(&Value::None))?))
}

fn dict_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = Value::Dict(this(args, "__iter__")?.clone());
    vm.get_iter(&d)
}

fn view(args: &Args, name: &str, kind: ViewKind) -> PyResult<Value> {
    let d = this(args, name)?.clone();
    args.exactly(&format!("dict.{name}"), 0, args.len() - 1)?;
    Ok(Value::native(Arc::new(DictView { dict: d, kind })))
}

fn dict_keys(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    view(args, "keys", ViewKind::Keys)
}

fn dict_values(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    view(args, "values", ViewKind::Values)
}

fn dict_items(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    view(args, "items", ViewKind::Items)
}

fn dict_get(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "get")?.clone();
    args.between("get", 1, 2, args.len() - 1)?;
    Ok(d.get(vm, &args.pos[1])?.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "setdefault")?.clone();
    args.between("setdefault", 1, 2, args.len() - 1)?;
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    d.setdefault(vm, args.pos[1].clone(), default)
}

fn dict_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "pop")?.clone();
    args.between("pop", 1, 2, args.len() - 1)?;
    match d.remove(vm, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(key_error(args.pos[1].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "popitem")?;
    match d.pop_last() {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_update(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = this(args, "update")?.clone();
    args.between("update", 0, 1, args.len() - 1)?;
    if let Some(src) = args.pos.get(1) {
        fill_from(vm, &d, src)?;
    }
    for (k, v) in args.kw {
        d.set_str(k.clone(), v.clone());
    }
    Ok(Value::None)
}

fn dict_clear(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args, "clear")?.clear();
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::new_dict(this(args, "copy")?.copy()))
}

fn dict_fromkeys(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    // Called as dict.fromkeys(iterable, value): no self.
    let (keys, value) = match args.pos {
        [Value::Class(_), k, rest @ ..] | [k, rest @ ..] => (k.clone(), rest.first().cloned().unwrap_or(Value::None)),
        [] => return Err(type_error("fromkeys expected at least 1 argument, got 0")),
    };
    let d = PyDict::new();
    for k in vm.iterate(&keys)? {
        d.set(vm, k, value.clone())?;
    }
    Ok(Value::new_dict(d))
}
