//! Metaclasses: subclasses of `type` and the methods of `type` they reach
//! through `super()` (`type.__new__`, `type.__call__`, `type.__setattr__`).
//!
//! A class's metaclass is `Class::metaclass` (None means `type` itself).
//! Instances of a metaclass are classes (`Value::Class`), so a subclass of
//! `type` has the builtin layout `ClassKind::Builtin` and `type_ctor` as its
//! constructor. The metaclass of a new class is the most derived of the
//! requested one and the metaclasses of the bases (`most_derived`), with
//! CPython's "metaclass conflict" error when there is none.

use crate::runtime::pyarc::PyArc;

use super::class::Class;
use super::dict::PyDict;
use super::function::{Args, NativeFn};
use super::str::PyStr;
use super::types::types;
use super::value::Value;
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

/// Is `c` `type` or a subclass of it?
pub fn is_metaclass(c: &Class) -> bool {
    c.is_subclass(&types().type_type)
}

/// `None` for `type` itself, as `Class::metaclass` stores it.
pub fn stored(meta: PyArc<Class>) -> Option<PyArc<Class>> {
    if PyArc::ptr_eq(&meta, &types().type_type) { None } else { Some(meta) }
}

/// The metaclass of a class made by `meta` with these bases: the one of
/// them that is a subclass of all the others (CPython's
/// `_PyType_CalculateMetaclass`).
pub fn most_derived(meta: &PyArc<Class>, bases: &[Value]) -> PyResult<PyArc<Class>> {
    let mut winner = meta.clone();
    for b in bases {
        let Value::Class(b) = b else { continue };
        let m = b.metaclass();
        if winner.is_subclass(&m) {
            continue;
        }
        if m.is_subclass(&winner) {
            winner = m;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

pub fn metaclass_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__new__", type_new as NativeFn),
        ("__call__", type_call_method),
        ("__setattr__", type_setattr),
        ("__delattr__", type_delattr),
        ("__repr__", type_repr),
    ]
}

/// Makes a subclass of `type` callable: `M(name, bases, ns, **kw)` with no
/// Python `__new__` builds a class whose metaclass is (at least) `M`.
pub fn type_ctor(vm: &mut Vm, cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    make_class(vm, cls, args.pos, args.kw)
}

/// `type.__new__(mcls, name, bases, ns, **kw)`.
fn type_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(m)) if is_metaclass(m) => {
            let m = m.clone();
            make_class(vm, &m, &args.pos[1..], args.kw)
        }
        Some(Value::Class(m)) => {
            Err(type_error(format!("type.__new__({}): {} is not a subtype of type", m.name.as_str(), m.name.as_str())))
        }
        Some(other) => Err(type_error(format!("type.__new__(X): X is not a type object ({})", other.type_name()))),
        None => Err(type_error("type.__new__(): not enough arguments")),
    }
}

/// The class `mcls(name, bases, ns, **kw)` makes; the keywords go to
/// `__init_subclass__`.
fn make_class(vm: &mut Vm, mcls: &PyArc<Class>, pos: &[Value], kw: &[(PyArc<PyStr>, Value)]) -> PyResult<Value> {
    let [name, bases, ns] = pos else {
        return Err(type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", pos.len())));
    };
    let Value::Str(name) = name else {
        return Err(type_error(format!("type.__new__() argument 1 must be str, not {}", name.type_name())));
    };
    let Value::Tuple(bases) = bases else {
        return Err(type_error(format!("type.__new__() argument 2 must be tuple, not {}", bases.type_name())));
    };
    let Value::Dict(ns) = ns else {
        return Err(type_error(format!("type.__new__() argument 3 must be dict, not {}", ns.type_name())));
    };
    // The class owns a copy: the caller's namespace stays theirs.
    let ns = PyArc::new(ns.copy());
    if ns.get_item_str("__module__").is_none() {
        let module = vm.frames.last().and_then(|f| f.globals().get_item_str("__name__")).unwrap_or(Value::None);
        ns.set_item_str("__module__", module);
    }
    let winner = most_derived(mcls, &bases.items)?;
    super::object::new_class_in(vm, stored(winner), name.clone(), &bases.items, ns, kw)
}

/// `type.__call__(cls, *args, **kw)`: what calling a class does when its
/// metaclass's `__call__` is not in the way (`super().__call__(...)`).
fn type_call_method(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) if PyArc::ptr_eq(c, &types().type_type) => {
            super::object::type_call(vm, &args.pos[1..], args.kw)
        }
        Some(Value::Class(c)) => {
            let c = c.clone();
            vm.instantiate(&c, &args.pos[1..], args.kw)
        }
        _ => Err(type_error("descriptor '__call__' requires a 'type' object")),
    }
}

/// `type.__setattr__(cls, name, value)`: sets the class attribute without
/// consulting the metaclass again.
fn type_setattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::Class(c)), Some(Value::Str(name)), Some(value)) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Err(type_error("descriptor '__setattr__' requires a 'type' object"));
    };
    vm.set_class_attr(c, name, value.clone())?;
    Ok(Value::None)
}

fn type_delattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::Class(c)), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("descriptor '__delattr__' requires a 'type' object"));
    };
    vm.del_class_attr(c, name)?;
    Ok(Value::None)
}

fn type_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(c @ Value::Class(_)) => Ok(Value::str(super::special::repr_builtin(vm, c)?)),
        _ => Err(type_error("descriptor '__repr__' requires a 'type' object")),
    }
}

/// The namespace for a class body: `meta.__prepare__(name, bases, **kw)`
/// when the metaclass defines one in Python, else a fresh dict.
pub fn prepare(
    vm: &mut Vm,
    meta: &PyArc<Class>,
    name: &PyArc<PyStr>,
    bases: &[Value],
    kw: &[(PyArc<PyStr>, Value)],
) -> PyResult<PyArc<PyDict>> {
    if !matches!(
        meta.lookup_str("__prepare__"),
        Some(Value::ClassMethod(_) | Value::Function(_) | Value::StaticMethod(_))
    ) {
        return Ok(PyArc::new(PyDict::new()));
    }
    let hook = vm.get_attr_str(&Value::Class(meta.clone()), "__prepare__")?;
    let ns = vm.call_value(&hook, &[Value::Str(name.clone()), Value::tuple(bases.to_vec())], kw)?;
    match ns {
        Value::Dict(d) => Ok(d),
        // The body's stores go straight to a dict, so a mapping that is not
        // one (a dict subclass with its own __setitem__) is not supported.
        other => Err(type_error(format!(
            "{}.__prepare__() must return a dict, not {}",
            meta.name.as_str(),
            other.type_name()
        ))),
    }
}
