//! `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.

use crate::runtime::pyarc::PyArc;
use std::any::Any;

use super::class::Class;
use super::dict::PyDict;
use super::function::{Args, NativeFn};
use super::iter::{DictIterKind, IterState, PyIter};
use super::types::types;
use super::value::{NativeObject, Value};
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictView {
    pub dict: PyArc<PyDict>,
    pub kind: ViewKind,
}

impl NativeObject for DictView {
    fn class(&self) -> PyArc<Class> {
        let t = types();
        match self.kind {
            ViewKind::Keys => t.dict_keys_type.clone(),
            ViewKind::Values => t.dict_values_type.clone(),
            ViewKind::Items => t.dict_items_type.clone(),
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl DictView {
    fn iter(&self) -> Value {
        let kind = match self.kind {
            ViewKind::Keys => DictIterKind::Keys,
            ViewKind::Values => DictIterKind::Values,
            ViewKind::Items => DictIterKind::Items,
        };
        PyIter::value(IterState::dict(self.dict.clone(), kind))
    }

    /// The view's contents, read in one step (`list(d.items())` is atomic).
    pub fn items(&self) -> Vec<Value> {
        match self.kind {
            ViewKind::Keys => self.dict.keys(),
            ViewKind::Values => self.dict.values(),
            ViewKind::Items => self.dict.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
        }
    }
}

/// An iterator over a view (the fast path of `iter()`).
pub fn view_iter(v: &Value) -> Option<Value> {
    v.as_native::<DictView>().map(DictView::iter)
}

pub fn view_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", view_len as NativeFn),
        ("__iter__", view_iter_method),
        ("__reversed__", view_reversed),
        ("__contains__", view_contains),
        ("__repr__", view_repr),
        ("__eq__", view_eq),
        ("__and__", view_and),
        ("__or__", view_or),
        ("__sub__", view_sub),
        ("__xor__", view_xor),
        ("isdisjoint", view_isdisjoint),
    ]
}

fn this<'a>(args: &'a Args) -> PyResult<&'a DictView> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<DictView>())
        .ok_or_else(|| type_error("descriptor requires a dict view"))
}

fn view_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.dict.len() as i64))
}

fn view_iter_method(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(this(args)?.iter())
}

/// `reversed(view)`: a snapshot, newest entry first.
fn view_reversed(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut items = this(args)?.items();
    items.reverse();
    Ok(PyIter::value(IterState::Tuple { tuple: PyArc::new(super::tuple::PyTuple::new(items)), index: 0 }))
}

fn view_contains(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?;
    let item = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(match v.kind {
        ViewKind::Keys => v.dict.contains(vm, &item)?,
        _ => {
            let items = v.items();
            let mut found = false;
            for x in items {
                if vm.eq(&x, &item)? {
                    found = true;
                    break;
                }
            }
            found
        }
    }))
}

fn view_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?;
    let name = match v.kind {
        ViewKind::Keys => "dict_keys",
        ViewKind::Values => "dict_values",
        ViewKind::Items => "dict_items",
    };
    let list = Value::list(v.items());
    Ok(Value::str(format!("{name}({})", vm.repr(&list)?)))
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = match v.as_native::<DictView>() {
        Some(view) => view.items(),
        None => vm.iterate(v)?,
    };
    let s = super::set::PySet::new();
    for it in items {
        s.add(vm, it)?;
    }
    Ok(Value::new_set(s))
}

fn set_op(vm: &mut Vm, args: &Args, op: crate::syntax::ast::BinOp) -> PyResult<Value> {
    let a = as_set(vm, &args.pos[0])?;
    let b = as_set(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    vm.binary_op(op, &a, &b)
}

fn view_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?;
    if v.kind == ViewKind::Values {
        return Ok(Value::NotImplemented);
    }
    let a = as_set(vm, &args.pos[0])?;
    let b = match args.pos.get(1) {
        Some(o) if o.as_native::<DictView>().is_some() || matches!(o, Value::Set(_) | Value::FrozenSet(_)) => {
            as_set(vm, o)?
        }
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(vm.eq(&a, &b)?))
}

fn view_and(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    set_op(vm, args, crate::syntax::ast::BinOp::BitAnd)
}

fn view_or(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    set_op(vm, args, crate::syntax::ast::BinOp::BitOr)
}

fn view_sub(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    set_op(vm, args, crate::syntax::ast::BinOp::Sub)
}

fn view_xor(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    set_op(vm, args, crate::syntax::ast::BinOp::BitXor)
}

fn view_isdisjoint(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = set_op(vm, args, crate::syntax::ast::BinOp::BitAnd)?;
    Ok(Value::Bool(!vm.truthy(&r)?))
}
