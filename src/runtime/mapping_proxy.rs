//! `mappingproxy`: the read-only view of a class namespace that
//! `Cls.__dict__` returns. Reading goes to the dict's own methods;
//! there is no way to write through it, as in CPython.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::Arc;

use super::class::Class;
use super::dict::PyDict;
use super::function::{Args, NativeFn};
use super::types::types;
use super::value::{NativeObject, Value};
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

pub struct MappingProxy {
    pub dict: PyArc<PyDict>,
}

impl NativeObject for MappingProxy {
    fn class(&self) -> PyArc<Class> {
        types().mappingproxy_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `Cls.__dict__`.
pub fn mapping_proxy(dict: PyArc<PyDict>) -> Value {
    Value::native(Arc::new(MappingProxy { dict }))
}

/// Calls the `dict` method `name` with the proxied dict as `self`.
fn forward(vm: &mut Vm, name: &str, args: &Args) -> PyResult<Value> {
    let proxy = this(args, name)?;
    let mut pos = Vec::with_capacity(args.pos.len());
    pos.push(Value::Dict(proxy.dict.clone()));
    pos.extend(args.pos[1..].iter().cloned());
    match types().dict_type.lookup_str(name) {
        Some(Value::Builtin(b)) => (b.func)(vm, &Args { pos: &pos, kw: args.kw }),
        _ => Err(type_error(format!("'mappingproxy' object has no attribute '{name}'"))),
    }
}

macro_rules! forwarders {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, args: &Args) -> PyResult<Value> {
            forward(vm, $name, args)
        })*
        pub fn mapping_proxy_methods() -> Vec<(&'static str, NativeFn)> {
            let mut v: Vec<(&'static str, NativeFn)> = vec![$(($name, $f as NativeFn)),*];
            v.push(("__repr__", proxy_repr));
            v.push(("__str__", proxy_str));
            v.push(("__eq__", proxy_eq));
            v
        }
    };
}

forwarders! {
    proxy_len => "__len__",
    proxy_getitem => "__getitem__",
    proxy_contains => "__contains__",
    proxy_iter => "__iter__",
    proxy_keys => "keys",
    proxy_values => "values",
    proxy_items => "items",
    proxy_get => "get",
    proxy_copy => "copy",
}

fn this<'a>(args: &'a Args, name: &str) -> PyResult<&'a MappingProxy> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<MappingProxy>())
        .ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'mappingproxy' object")))
}

/// Equal to what the proxied dict is equal to.
fn proxy_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let proxy = this(args, "__eq__")?;
    let other = args.pos.get(1).cloned().unwrap_or_default();
    let other = match other.as_native::<MappingProxy>() {
        Some(o) => Value::Dict(o.dict.clone()),
        None => other,
    };
    Ok(Value::Bool(vm.eq(&Value::Dict(proxy.dict.clone()), &other)?))
}

fn proxy_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let proxy = this(args, "__repr__")?;
    let inner = vm.repr(&Value::Dict(proxy.dict.clone()))?;
    Ok(Value::str(format!("mappingproxy({inner})")))
}

/// As CPython's: `str()` of a proxy is that of the dict it shows.
fn proxy_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let proxy = this(args, "__str__")?;
    Ok(Value::str(vm.repr(&Value::Dict(proxy.dict.clone()))?))
}

/// `types.MappingProxyType(d)`: a read-only view of the dict `d` itself,
/// so later changes to `d` show through it.
pub fn mappingproxy_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.exactly("mappingproxy", 1, args.len())?;
    match &args.pos[0] {
        Value::Dict(d) => Ok(mapping_proxy(d.clone())),
        Value::Native(n) if n.as_any().downcast_ref::<MappingProxy>().is_some() => Ok(args.pos[0].clone()),
        other => Err(type_error(format!("mappingproxy() argument must be a mapping, not {}", other.type_name()))),
    }
}
