//! User subclasses of builtin value types: `class MyList(list)`,
//! `class Upper(str)`, `class Counter(dict)`, `class Pos(int)`...
//!
//! An instance of such a class is an ordinary `Value::Instance` (it has a
//! `__dict__`, its class's methods, `__init__`) that carries the builtin
//! value it extends (`Payload::Value`). Every builtin method of a builtin
//! type, called on such an instance, works on that value instead
//! (`call_builtin`): `m.append(4)`, `len(m)`, `m[0]`, `u.upper()`,
//! `p + 1`. As in CPython, methods that build new values build values of
//! the builtin type (`Upper('a') + 'b'` is a str).
//!
//! Mutable types (list, dict, set, bytearray) start empty and are filled
//! by their `__init__`, so a subclass's own `__init__` can call
//! `super().__init__(...)` with whatever it likes; immutable ones (int,
//! float, str, bytes, tuple, frozenset) take their value from the call's
//! arguments (or from `super().__new__(cls, ...)`).

use crate::runtime::pyarc::PyArc;

use super::class::Class;
use super::function::{Args, Builtin, NativeFn};
use super::instance::Instance;
use super::str::PyStr;
use super::types::types;
use super::value::Value;
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

/// The builtin types a class statement may extend.
const EXTENSIBLE: &[&str] =
    &["int", "float", "str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset", "complex"];

/// Those whose value `__init__` fills in.
const MUTABLE: &[&str] = &["list", "dict", "set", "bytearray"];

/// Can a class statement list `cls` among its bases?
pub fn is_extensible(cls: &PyArc<Class>) -> bool {
    EXTENSIBLE.contains(&cls.builtin_base().name.as_str())
}

/// A new instance of `cls`, a subclass of a builtin value type, for
/// `cls(*args)` or `base.__new__(cls, *args)`.
pub fn new_instance(
    vm: &mut Vm,
    cls: &PyArc<Class>,
    args: &[Value],
    kwargs: &[(PyArc<PyStr>, Value)],
) -> PyResult<Value> {
    let base = cls.builtin_base();
    let Some(ctor) = base.ctor else {
        return Err(type_error(format!("cannot create '{}' instances", cls.name.as_str())));
    };
    let value = if MUTABLE.contains(&base.name.as_str()) {
        ctor(vm, &base, &Args::new(&[]))?
    } else {
        ctor(vm, &base, &Args { pos: args, kw: kwargs })?
    };
    Ok(Value::new_instance(Instance::with_value(cls.clone(), value)))
}

/// Calls a Rust function; a method of a builtin type called on an instance
/// of a subclass of that type works on the value the instance carries.
/// A Rust callee may call back into Python: the call counts as a level of
/// recursion (`vm/recursion.rs`), as CPython's C functions do.
pub fn call_builtin(vm: &mut Vm, b: &Builtin, args: &[Value], kwargs: &[(PyArc<PyStr>, Value)]) -> PyResult<Value> {
    vm.nested(crate::vm::recursion::Recursing::Other, |vm| call_builtin_inner(vm, b, args, kwargs))
}

fn call_builtin_inner(vm: &mut Vm, b: &Builtin, args: &[Value], kwargs: &[(PyArc<PyStr>, Value)]) -> PyResult<Value> {
    if let Some(Value::Instance(inst)) = args.first()
        && let Some(value) = inst.base_value()
        && b.owner.is_some_and(|o| o != "object")
    {
        let mut full = args.to_vec();
        full[0] = value.clone();
        // The other operand of an operator method is seen as its value too,
        // as CPython's C code sees a str subclass as a str.
        if is_operator(b.name)
            && let Some(Value::Instance(other)) = full.get(1)
            && let Some(v) = other.base_value()
        {
            full[1] = v.clone();
        }
        let r = (b.func)(vm, &Args { pos: &full, kw: kwargs });
        // A method that answers the value it was given (`list.__iadd__`)
        // answers the instance: `m += [1]` keeps m a MyList.
        if let Ok(v) = &r
            && v.is(value)
            && matches!(value, Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Native(_))
        {
            return Ok(args[0].clone());
        }
        // A set shows its class: `MySet({1, 2})`, as CPython's set_repr.
        if b.name == "__repr__"
            && let (Ok(Value::Str(text)), Value::Set(s) | Value::FrozenSet(s)) = (&r, value)
        {
            let name = inst.class_ref().name.clone();
            let text = text.as_str();
            let inner = match (s.is_empty(), value) {
                (true, _) => "",
                (false, Value::FrozenSet(_)) => {
                    text.strip_prefix("frozenset(").and_then(|t| t.strip_suffix(')')).unwrap_or(text)
                }
                (false, _) => text,
            };
            return Ok(Value::str(format!("{}({inner})", name.as_str())));
        }
        // dict.__getitem__ asks a subclass's __missing__ for absent keys.
        if let Err(e) = &r
            && b.name == "__getitem__"
            && matches!(value, Value::Dict(_))
            && e.is(&types().exc.key_error)
            && let Some(missing) = inst.class_ref().lookup_str("__missing__")
        {
            return vm.call_value(&missing, args, &[]);
        }
        return r;
    }
    (b.func)(vm, &Args { pos: args, kw: kwargs })
}

/// Binary operator and comparison methods, whose second operand CPython's
/// builtin types accept when it is an instance of a subclass of theirs.
fn is_operator(name: &str) -> bool {
    matches!(
        name,
        "__add__"
            | "__radd__"
            | "__sub__"
            | "__rsub__"
            | "__mul__"
            | "__rmul__"
            | "__truediv__"
            | "__rtruediv__"
            | "__floordiv__"
            | "__rfloordiv__"
            | "__mod__"
            | "__rmod__"
            | "__pow__"
            | "__rpow__"
            | "__divmod__"
            | "__rdivmod__"
            | "__lshift__"
            | "__rlshift__"
            | "__rshift__"
            | "__rrshift__"
            | "__and__"
            | "__rand__"
            | "__or__"
            | "__ror__"
            | "__xor__"
            | "__rxor__"
            | "__eq__"
            | "__ne__"
            | "__lt__"
            | "__le__"
            | "__gt__"
            | "__ge__"
    )
}

/// Methods a subclass needs that the interpreter does not otherwise need
/// on the builtin type: the `__init__` of the mutable types (a subclass's
/// `super().__init__(...)` fills the value its instance carries) and the
/// in-place operators and item deletion of list.
pub fn init_methods(type_name: &str) -> Vec<(&'static str, NativeFn)> {
    match type_name {
        "list" => vec![
            ("__init__", list_init as NativeFn),
            ("__delitem__", del_item),
            ("__iadd__", list_iadd),
            ("__imul__", list_imul),
        ],
        "dict" => vec![("__init__", dict_init as NativeFn)],
        "set" => vec![("__init__", set_init as NativeFn)],
        _ => Vec::new(),
    }
}

fn del_item(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let [me, key] = args.pos else {
        return Err(type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1))));
    };
    vm.del_item(me, key)?;
    Ok(Value::None)
}

/// `list += iterable`: extends in place and answers the list.
fn list_iadd(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::List(l)), Some(src)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("descriptor '__iadd__' requires a 'list' object"));
    };
    let items = vm.iterate(src)?;
    l.lock().extend(items);
    Ok(args.pos[0].clone())
}

/// `list *= n`: repeats in place and answers the list.
fn list_imul(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::List(l)), Some(n)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("descriptor '__imul__' requires a 'list' object"));
    };
    let n = super::args::to_index(vm, n)?.max(0) as usize;
    let mut items = l.lock();
    let copy = items.clone();
    items.clear();
    for _ in 0..n {
        items.extend(copy.iter().cloned());
    }
    Ok(args.pos[0].clone())
}

fn at_most_one(args: &Args, name: &str) -> PyResult<()> {
    if args.pos.len() > 2 {
        return Err(type_error(format!("{name} expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    Ok(())
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn list_init(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    at_most_one(args, "list")?;
    args.no_kwargs("list")?;
    let Some(Value::List(l)) = args.pos.first() else {
        return Err(type_error("descriptor '__init__' requires a 'list' object"));
    };
    let items = match args.pos.get(1) {
        Some(src) => vm.iterate(src)?,
        None => Vec::new(),
    };
    *l.lock() = items;
    Ok(Value::None)
}

/// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`: adds the items.
fn dict_init(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(Value::Dict(d)) = args.pos.first() else {
        return Err(type_error("descriptor '__init__' requires a 'dict' object"));
    };
    let d = d.clone();
    // dict(...) builds the items with its own rules; they are copied in.
    let built = super::dict_methods::dict_ctor(vm, &types().dict_type, &Args { pos: &args.pos[1..], kw: args.kw })?;
    if let Value::Dict(src) = built {
        for (k, v) in src.items() {
            d.set(vm, k, v)?;
        }
    }
    Ok(Value::None)
}

/// `set.__init__(self, iterable=())`: replaces the contents.
fn set_init(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    at_most_one(args, "set")?;
    args.no_kwargs("set")?;
    let Some(Value::Set(s)) = args.pos.first() else {
        return Err(type_error("descriptor '__init__' requires a 'set' object"));
    };
    s.clear();
    if let Some(src) = args.pos.get(1) {
        for item in vm.iterate(src)? {
            s.add(vm, item)?;
        }
    }
    Ok(Value::None)
}
