//! `object`, `type` and the small descriptor types: `property`,
//! `staticmethod`, `classmethod`, `super`, `slice`; plus `type(...)` and
//! the class statement's `__build_class__`.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;

use super::class::Class;
use super::dict::PyDict;
use super::function::{Args, NativeFn, Property, WrappedMethod};
use super::range::PySlice;
use super::str::PyStr;
use super::super_obj::Super;
use super::types::types;
use super::value::Value;
use crate::vm::error::{runtime_error, type_error};
use crate::vm::{PyResult, Vm};

pub fn object_ctor(_vm: &mut Vm, cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    if !args.is_empty() || !args.kw.is_empty() {
        return Err(type_error("object() takes no arguments"));
    }
    if PyArc::ptr_eq(cls, &types().object_type) {
        return Ok(bare_object());
    }
    Ok(Value::new_instance(super::instance::Instance::new(cls.clone())))
}

/// `types.MethodType(function, instance)`: a bound method.
pub fn method_new(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("method")?;
    args.between("method", 2, 2, args.len())?;
    let (func, receiver) = (&args.pos[0], &args.pos[1]);
    if !crate::modules::builtins::functions::is_callable(func) {
        return Err(type_error("first argument must be callable"));
    }
    if receiver.is_none() {
        return Err(type_error("instance must not be None"));
    }
    let m = super::function::BoundMethod { receiver: receiver.clone(), func: func.clone() };
    Ok(Value::BoundMethod(PyArc::new(m)))
}

pub fn object_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__init__", object_init as NativeFn),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
        ("__delattr__", object_delattr),
        ("__format__", object_format),
        ("__dir__", object_dir),
        ("__init_subclass__", object_init_subclass),
        ("__new__", object_new),
    ]
}

/// An instance of `object` itself: identity only, no `__dict__`, so
/// `object().x = 1` fails as in CPython (the usual sentinel object).
struct BareObject;

impl super::value::NativeObject for BareObject {
    fn class(&self) -> PyArc<Class> {
        types().object_type.clone()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn bare_object() -> Value {
    Value::native(Arc::new(BareObject))
}

fn object_init(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => {
            let c = c.clone();
            match c.ctor {
                _ if PyArc::ptr_eq(&c, &types().object_type) => Ok(bare_object()),
                // `super().__new__(cls, v)` in a subclass of int, str...
                _ if c.kind == super::class::ClassKind::BuiltinValue => {
                    super::subclass::new_instance(vm, &c, &args.pos[1..], args.kw)
                }
                // The immutable types make their value in `__new__`:
                // `int.__new__(int, 5)` is 5. The others (list, dict...)
                // fill it in `__init__`: `list.__new__(list, [1])` is [].
                Some(ctor) if c.kind != super::class::ClassKind::Object => {
                    let t = types();
                    let immutable = [
                        &t.int_type,
                        &t.bool_type,
                        &t.float_type,
                        &t.str_type,
                        &t.bytes_type,
                        &t.tuple_type,
                        &t.frozenset_type,
                        &t.range_type,
                        &t.slice_type,
                    ]
                    .iter()
                    .any(|x| PyArc::ptr_eq(x, &c));
                    if immutable {
                        ctor(vm, &c, &Args { pos: &args.pos[1..], kw: args.kw })
                    } else {
                        ctor(vm, &c, &Args::new(&[]))
                    }
                }
                _ => Ok(Value::new_instance(super::instance::Instance::new(c))),
            }
        }
        _ => Err(type_error("object.__new__(X): X is not a type object")),
    }
}

fn this<'a>(args: &'a Args<'_>) -> PyResult<&'a Value> {
    args.pos.first().ok_or_else(|| type_error("descriptor needs an argument"))
}

fn object_repr(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(crate::vm::convert::default_repr(this(args)?)))
}

fn object_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?.clone();
    Ok(Value::str(vm.repr(&v)?))
}

fn object_eq(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = (this(args)?, args.pos.get(1).unwrap_or(&Value::None));
    Ok(if a.is(b) { Value::Bool(true) } else { Value::NotImplemented })
}

fn object_ne(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = (this(args)?, args.pos.get(1).unwrap_or(&Value::None));
    Ok(if a.is(b) { Value::Bool(false) } else { Value::NotImplemented })
}

fn object_hash(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?.clone();
    let id = v.id() as u64;
    let _ = vm;
    Ok(Value::Int(id.rotate_right(4) as i64))
}

fn object_setattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(obj), Some(Value::Str(name)), Some(value)) = (args.pos.first(), args.pos.get(1), args.pos.get(2)) else {
        return Err(type_error("__setattr__ expected 3 arguments"));
    };
    match obj {
        Value::Instance(inst) => vm.generic_setattr(obj, inst, name, value.clone())?,
        other => vm.set_attr(other, name, value.clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(obj), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("__getattribute__ expected 2 arguments"));
    };
    match obj {
        Value::Instance(inst) => match vm.generic_getattr(obj, inst, name)? {
            Some(v) => Ok(v),
            None => Err(crate::vm::attr_error_for(obj, name.as_str())),
        },
        other => vm.get_attr(other, name),
    }
}

fn object_delattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(obj), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("__delattr__ expected 2 arguments"));
    };
    match obj {
        Value::Instance(inst) => match inst.dict.remove_str(name.as_str()) {
            Some(_) => Ok(Value::None),
            None => Err(crate::vm::attr_error_for(obj, name.as_str())),
        },
        other => vm.del_attr(other, name).map(|_| Value::None),
    }
}

/// `__format__`: pyl's builtin types (str, int, float, ...) have no
/// `__format__` of their own, so this is theirs too — a builtin value, or
/// the one a subclass instance extends (`super().__format__(spec)` in a
/// subclass of str), formats as `format()` formats it; any other object
/// accepts only an empty spec, as `object.__format__`.
fn object_format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?.clone();
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!("__format__() argument must be str, not {}", other.type_name())));
        }
        None => return Err(type_error("__format__() takes exactly one argument (0 given)")),
    };
    if spec.as_str().is_empty() {
        return Ok(Value::str(vm.str(&v)?));
    }
    let builtin = match &v {
        Value::Instance(i) => i.base_value().cloned(),
        other => Some(other.clone()),
    };
    match builtin {
        Some(b) => Ok(Value::str(vm.format(&b, spec.as_str())?)),
        None => Err(type_error(format!("unsupported format string passed to {}.__format__", v.type_name()))),
    }
}

fn object_dir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = this(args)?.clone();
    Ok(Value::list(dir_of(vm, &v).into_iter().map(Value::str).collect()))
}

fn object_init_subclass(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `dir(obj)`: sorted attribute names of the object and its class chain.
pub fn dir_of(_vm: &mut Vm, v: &Value) -> Vec<String> {
    let mut names: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut add_dict = |d: &PyDict| {
        for k in d.keys() {
            if let Value::Str(s) = k {
                names.insert(s.as_str().to_string());
            }
        }
    };
    match v {
        Value::Module(m) => add_dict(&m.dict),
        Value::Class(c) => {
            add_dict(&c.dict);
            for b in &c.mro {
                add_dict(&b.dict);
            }
        }
        Value::Instance(i) => {
            add_dict(&i.dict);
            let c = i.class();
            add_dict(&c.dict);
            for b in &c.mro {
                add_dict(&b.dict);
            }
            names.insert("__class__".into());
            names.insert("__dict__".into());
        }
        other => {
            let c = other.class();
            add_dict(&c.dict);
            for b in &c.mro {
                add_dict(&b.dict);
            }
        }
    }
    names.into_iter().collect()
}

pub fn type_methods() -> Vec<(&'static str, NativeFn)> {
    let mut v = vec![("mro", type_mro as NativeFn), ("__subclasses__", type_subclasses)];
    v.extend(super::metaclass::metaclass_methods());
    v
}

fn type_mro(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => {
            let mut v = vec![Value::Class(c.clone())];
            v.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
            Ok(Value::list(v))
        }
        _ => Err(type_error("descriptor 'mro' requires a 'type' object")),
    }
}

fn type_subclasses(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::list(vec![]))
}

/// `type(x)` and `type(name, bases, namespace)`.
pub fn type_call(vm: &mut Vm, args: &[Value], kwargs: &[(PyArc<PyStr>, Value)]) -> PyResult<Value> {
    match args.len() {
        1 if kwargs.is_empty() => Ok(Value::Class(args[0].class())),
        3 => {
            let Value::Str(name) = &args[0] else {
                return Err(type_error(format!("type.__new__() argument 1 must be str, not {}", args[0].type_name())));
            };
            let Value::Tuple(bases) = &args[1] else {
                return Err(type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    args[1].type_name()
                )));
            };
            let Value::Dict(ns) = &args[2] else {
                return Err(type_error(format!("type.__new__() argument 3 must be dict, not {}", args[2].type_name())));
            };
            let ns = PyArc::new(ns.copy());
            if ns.get_item_str("__module__").is_none() {
                let module = vm.frames.last().and_then(|f| f.globals().get_item_str("__name__")).unwrap_or(Value::None);
                ns.set_item_str("__module__", module);
            }
            // `type(name, bases, ns)` with a base whose metaclass is a
            // subclass of type makes the class with that metaclass.
            let winner = super::metaclass::most_derived(&types().type_type, &bases.items)?;
            if !PyArc::ptr_eq(&winner, &types().type_type) {
                return vm.call_class(&winner, &[args[0].clone(), args[1].clone(), Value::Dict(ns)], kwargs);
            }
            new_class(vm, name.clone(), &bases.items, ns, &[])
        }
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

/// Creates a class object from its parts (the end of a class statement).
/// `keywords` are the class statement's keywords (`class C(B, flag=1)`),
/// passed on to `__init_subclass__`.
pub fn new_class(
    vm: &mut Vm,
    name: PyArc<PyStr>,
    bases: &[Value],
    ns: PyArc<PyDict>,
    keywords: &[(PyArc<PyStr>, Value)],
) -> PyResult<Value> {
    new_class_in(vm, None, name, bases, ns, keywords)
}

/// `new_class` for a class whose metaclass is `meta` (None: `type`).
pub fn new_class_in(
    vm: &mut Vm,
    meta: Option<PyArc<Class>>,
    name: PyArc<PyStr>,
    bases: &[Value],
    ns: PyArc<PyDict>,
    keywords: &[(PyArc<PyStr>, Value)],
) -> PyResult<Value> {
    let mut base_classes = Vec::new();
    for b in bases {
        match b {
            Value::Class(c) => base_classes.push(c.clone()),
            other => {
                return Err(type_error(format!("bases must be types, not {}", other.type_name())));
            }
        }
    }
    if base_classes.is_empty() {
        base_classes.push(types().object_type.clone());
    }
    let qualname = match ns.remove_str("__qualname__") {
        Some(Value::Str(q)) => q,
        _ => name.clone(),
    };
    if ns.get_item_str("__doc__").is_none() {
        ns.set_item_str("__doc__", Value::None);
    }
    // As CPython's type.__new__: a class that defines __eq__ but not
    // __hash__ gets `__hash__ = None`, so its instances are unhashable.
    if ns.get_item_str("__eq__").is_some() && ns.get_item_str("__hash__").is_none() {
        ns.set_item_str("__hash__", Value::None);
    }
    let cell = ns.remove_str("__classcell__");
    let cls = Class::user(name, qualname, base_classes, ns, meta).map_err(type_error)?;
    if let Some(Value::Cell(c)) = cell {
        c.set(Value::Class(cls.clone()));
    }
    // As CPython's type.__new__: each attribute whose type defines
    // __set_name__ learns its owner and name (cached_property needs it),
    // before __init_subclass__ runs.
    for (key, value) in cls.dict.items() {
        if matches!(value, Value::Instance(_)) && value.class().lookup_str("__set_name__").is_some() {
            vm.call_dunder(&value, "__set_name__", &[Value::Class(cls.clone()), key])?;
        }
    }
    // __init_subclass__ of the nearest base that defines one in Python.
    if let Some(Value::Function(f)) =
        cls.mro.iter().find_map(|c| c.dict.get_item_str("__init_subclass__")).map(|v| match v {
            Value::ClassMethod(w) => w.func.clone(),
            other => other,
        })
    {
        vm.call_function(&f, Some(&Value::Class(cls.clone())), &[], keywords)?;
    } else if !keywords.is_empty() {
        // object.__init_subclass__ takes none.
        return Err(type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls.name.as_str())));
    }
    Ok(Value::Class(cls))
}

/// The bases a class statement lists, with each base that is not a class
/// replaced by what its `__mro_entries__(bases)` returns (PEP 560:
/// `class Stack(Generic[T])`, `class C(list[int])`). `None` when every
/// base was a class already.
fn resolve_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
    if bases.iter().all(|b| matches!(b, Value::Class(_))) {
        return Ok(None);
    }
    let original = Value::tuple(bases.to_vec());
    let mut out = Vec::with_capacity(bases.len());
    for b in bases {
        if !matches!(b, Value::Class(_))
            && let Some(entries) = vm.call_dunder(b, "__mro_entries__", std::slice::from_ref(&original))?
        {
            let Value::Tuple(t) = entries else {
                return Err(type_error("__mro_entries__ must return a tuple"));
            };
            out.extend(t.items.iter().cloned());
        } else {
            out.push(b.clone());
        }
    }
    Ok(Some(out))
}

/// `__build_class__(body, name, *bases, **keywords)`.
pub fn build_class(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("__build_class__: func and name required"));
    };
    let original = &args.pos[2..];
    let resolved = resolve_bases(vm, original)?;
    let bases = resolved.as_deref().unwrap_or(original);
    let explicit = args.kwarg("metaclass").cloned();
    let keywords: Vec<(PyArc<PyStr>, Value)> =
        args.kw.iter().filter(|(k, _)| k.as_str() != "metaclass").cloned().collect();
    // As CPython's __build_class__: a metaclass that is a class gives way to
    // a more derived one among the bases' metaclasses; any other callable
    // is called as it is.
    let meta = match &explicit {
        None => Some(super::metaclass::most_derived(&types().type_type, bases)?),
        Some(Value::Class(m)) => Some(super::metaclass::most_derived(m, bases)?),
        Some(_) => None,
    };
    let ns = match &meta {
        Some(m) if !PyArc::ptr_eq(m, &types().type_type) => super::metaclass::prepare(vm, m, name, bases, &keywords)?,
        _ => PyArc::new(PyDict::new()),
    };
    if resolved.is_some() {
        ns.set_item_str("__orig_bases__", Value::tuple(original.to_vec()));
    }
    let frame = vm.frame_for_body(body.clone(), Some(ns.clone()));
    vm.run_frame(frame)?;
    let call_args = || [Value::Str(name.clone()), Value::tuple(bases.to_vec()), Value::Dict(ns.clone())];
    match (meta, explicit) {
        (Some(m), _) if PyArc::ptr_eq(&m, &types().type_type) => new_class(vm, name.clone(), bases, ns, &keywords),
        (Some(m), _) => vm.call_class(&m, &call_args(), &keywords),
        (None, Some(f)) => vm.call_value(&f, &call_args(), &keywords),
        (None, None) => new_class(vm, name.clone(), bases, ns, &keywords),
    }
}

pub fn none_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

pub fn slice_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    let p = args.pos;
    let (start, stop, step) = match p.len() {
        1 => (Value::None, p[0].clone(), Value::None),
        2 => (p[0].clone(), p[1].clone(), Value::None),
        3 => (p[0].clone(), p[1].clone(), p[2].clone()),
        n => {
            return Err(type_error(format!("slice expected at least 1 argument, got {n}")));
        }
    };
    Ok(Value::Slice(PyArc::new(PySlice { start, stop, step })))
}

pub fn slice_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("indices", slice_indices as NativeFn)]
}

fn slice_indices(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::Slice(s)), Some(n)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("slice.indices() takes exactly one argument"));
    };
    let n = super::args::to_index_big(vm, n, None)?;
    if num_traits::Signed::is_negative(&n) {
        return Err(crate::vm::error::value_error("length should not be negative"));
    }
    let (start, stop, step) = vm.slice_indices_big(s, &n)?;
    Ok(Value::tuple(vec![Value::from_bigint(start), Value::from_bigint(stop), Value::from_bigint(step)]))
}

pub fn function_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__get__", function_get as NativeFn)]
}

fn function_get(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?.clone();
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(f),
        Some(obj) => Ok(Value::bound_method(obj.clone(), f)),
    }
}

pub fn property_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    let get = |i: usize, n: &str| args.get(i, n).cloned().unwrap_or(Value::None);
    let fget = get(0, "fget");
    let doc = match get(3, "doc") {
        Value::None => match &fget {
            Value::Function(f) => f.doc.lock().clone(),
            _ => Value::None,
        },
        d => d,
    };
    Ok(Value::Property(PyArc::new(Property { fget, fset: get(1, "fset"), fdel: get(2, "fdel"), doc })))
}

pub fn property_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("getter", property_getter as NativeFn),
        ("setter", property_setter),
        ("deleter", property_deleter),
        ("__get__", property_get),
        ("__set__", property_set),
    ]
}

fn with_property(args: &Args, f: impl FnOnce(&Property, Value) -> Property) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Property(p)), Some(func)) => Ok(Value::Property(PyArc::new(f(p, func.clone())))),
        _ => Err(type_error("property method needs a function")),
    }
}

fn property_getter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    with_property(args, |p, f| Property { fget: f, fset: p.fset.clone(), fdel: p.fdel.clone(), doc: p.doc.clone() })
}

fn property_setter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    with_property(args, |p, f| Property { fget: p.fget.clone(), fset: f, fdel: p.fdel.clone(), doc: p.doc.clone() })
}

fn property_deleter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    with_property(args, |p, f| Property { fget: p.fget.clone(), fset: p.fset.clone(), fdel: f, doc: p.doc.clone() })
}

fn property_get(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Property(p)), Some(obj)) if !obj.is_none() => {
            let g = p.fget.clone();
            vm.call(&g, std::slice::from_ref(obj))
        }
        (Some(p), _) => Ok(p.clone()),
        _ => Err(type_error("__get__ needs arguments")),
    }
}

fn property_set(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1), args.pos.get(2)) {
        (Some(Value::Property(p)), Some(obj), Some(v)) => {
            let s = p.fset.clone();
            vm.call(&s, &[obj.clone(), v.clone()])?;
            Ok(Value::None)
        }
        _ => Err(type_error("__set__ needs arguments")),
    }
}

pub fn staticmethod_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.exactly("staticmethod", 1, args.len())?;
    Ok(Value::StaticMethod(PyArc::new(WrappedMethod { func: args.pos[0].clone() })))
}

pub fn classmethod_ctor(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.exactly("classmethod", 1, args.len())?;
    Ok(Value::ClassMethod(PyArc::new(WrappedMethod { func: args.pos[0].clone() })))
}

/// `super()` (finding the class and instance in the calling frame) and
/// `super(cls, obj)`.
pub fn super_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    let (cls, obj) = match args.pos {
        [] => {
            let frame = vm.frames.last().ok_or_else(|| runtime_error("super(): no current frame"))?;
            let code = frame.code();
            if code.argcount == 0 {
                return Err(runtime_error("super(): no arguments"));
            }
            let cell_index = code
                .freevars
                .iter()
                .position(|n| n.as_str() == "__class__")
                .map(|i| i + code.cellvars.len())
                .ok_or_else(|| runtime_error("super(): __class__ cell not found"))?;
            let cls = match frame.cell(cell_index).get() {
                Value::Class(c) => c,
                _ => return Err(runtime_error("super(): empty __class__ cell")),
            };
            // The first argument may have moved into a cell.
            let first = match code.cell_params.iter().find(|(_, p)| *p == 0) {
                Some((c, _)) => frame.cell(*c as usize).get(),
                None => vm.stack[frame.base].clone(),
            };
            if first.is_undef() {
                return Err(runtime_error("super(): arg[0] deleted"));
            }
            (cls, first)
        }
        [Value::Class(c), obj] => (c.clone(), obj.clone()),
        [Value::Class(c)] => (c.clone(), Value::None),
        [other, ..] => {
            return Err(type_error(format!("super() argument 1 must be a type, not {}", other.type_name())));
        }
    };
    let ok = match &obj {
        // A class is also an instance of its metaclass (`super()` in a
        // metaclass method).
        Value::Class(c) => c.is_subclass(&cls) || c.metaclass().is_subclass(&cls),
        Value::None => true,
        o => vm.isinstance_class(o, &cls),
    };
    if !ok {
        return Err(type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::native(Arc::new(Super { cls, obj })))
}
