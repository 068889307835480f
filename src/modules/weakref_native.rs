//! `_weakref`: the reference type behind the `weakref` module (pyl source).
//!
//! A `ref` holds a `PyWeak` handle of its object: calling it upgrades the
//! handle, so it answers the object while anything else holds it and None
//! from the moment the last reference goes. Instances of Python classes,
//! functions, bound methods, classes, sets and generators can be
//! referenced, as in CPython;
//! ints, strings, tuples, lists and dicts cannot.
//!
//! Callbacks. An instance that has references is flagged
//! (`Instance::mark_weakly_referenced`) and listed in [`REGISTRY`] under
//! its address, with weak handles of its `ref` objects. When it is freed,
//! its `Drop` calls [`referent_died`], which queues each live reference's
//! callback on the freeing thread's finalizer queue (`vm/finalize.rs`):
//! it runs at the next safe point, before the next statement, after the
//! object's `__del__` if it has one — CPython's order. Other referents
//! (functions, classes, sets, generators) have no such hook: their
//! references die, but their callbacks are not called; they are not
//! listed, so `getweakrefcount` counts only references to instances.
//!
//! The registry is process-wide because addresses are: an object freed on
//! any thread of any interpreter finds its entry by address alone, from a
//! `Drop` that has no interpreter at hand. It holds only weak handles,
//! and an entry goes when its object is freed, so it cannot keep anything
//! alive or outgrow the live objects that have references.

use crate::runtime::pyarc::{PyArc, PyWeak};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use crate::runtime::class::Class;
use crate::runtime::function::{Args, BoundMethod, Builtin, Function, NativeFn, Property};
use crate::runtime::generator::Generator;
use crate::runtime::instance::Instance;
use crate::runtime::module::Module;
use crate::runtime::set::PySet;
use crate::runtime::sync::PyLock;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeBox, NativeObject, Value};
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

/// The `ref` objects of each weakly referenced instance, by its address.
static REGISTRY: OnceLock<Mutex<HashMap<usize, Vec<PyWeak<NativeBox>>>>> = OnceLock::new();

fn registry() -> &'static Mutex<HashMap<usize, Vec<PyWeak<NativeBox>>>> {
    REGISTRY.get_or_init(|| Mutex::new(HashMap::new()))
}

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_weakref");
    m.set("ref", Value::Class(ref_class()));
    m.set("ReferenceType", Value::Class(ref_class()));
    let functions: Vec<(&'static str, NativeFn)> =
        vec![("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs), ("_alive", alive)];
    m.set_functions(&functions);
    Ok(PyArc::new(m))
}

/// What a reference refers to.
enum Target {
    Instance(PyWeak<Instance>),
    Function(PyWeak<Function>),
    Class(PyWeak<Class>),
    Set(PyWeak<PySet>),
    FrozenSet(PyWeak<PySet>),
    Generator(PyWeak<Generator>),
    Method(PyWeak<BoundMethod>),
}

impl Target {
    fn of(v: &Value) -> Option<Target> {
        Some(match v {
            Value::Instance(i) => Target::Instance(PyArc::downgrade(i)),
            Value::Function(f) => Target::Function(PyArc::downgrade(f)),
            Value::Class(c) => Target::Class(PyArc::downgrade(c)),
            Value::Set(s) => Target::Set(PyArc::downgrade(s)),
            Value::FrozenSet(s) => Target::FrozenSet(PyArc::downgrade(s)),
            Value::Generator(g) => Target::Generator(PyArc::downgrade(g)),
            Value::BoundMethod(m) => Target::Method(PyArc::downgrade(m)),
            _ => return None,
        })
    }

    fn get(&self) -> Option<Value> {
        match self {
            Target::Instance(w) => w.upgrade().map(Value::Instance),
            Target::Function(w) => w.upgrade().map(Value::Function),
            Target::Class(w) => w.upgrade().map(Value::Class),
            Target::Set(w) => w.upgrade().map(Value::Set),
            Target::FrozenSet(w) => w.upgrade().map(Value::FrozenSet),
            Target::Generator(w) => w.upgrade().map(Value::Generator),
            Target::Method(w) => w.upgrade().map(Value::BoundMethod),
        }
    }
}

/// A `weakref.ref`.
pub struct WeakRef {
    target: Target,
    /// Called with the reference when an instance referent is freed; None
    /// once called (or when there is none).
    callback: PyLock<Value>,
    /// The referent's hash, kept from the first `hash()` so a dead
    /// reference still hashes (as a dict key of a weak dictionary must).
    hash: PyLock<Option<i64>>,
}

impl NativeObject for WeakRef {
    fn class(&self) -> PyArc<Class> {
        ref_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn ref_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("__call__", ref_call),
                ("__hash__", ref_hash),
                ("__eq__", ref_eq),
                ("__ne__", ref_ne),
                ("__repr__", ref_repr),
            ];
            let cls = make("ReferenceType", &types().object_type, Some(ref_new), &methods);
            *cls.module.lock() = Value::str("weakref");
            let getter = Value::Builtin(PyArc::new(Builtin::new("__callback__", ref_callback)));
            let property = Property { fget: getter, fset: Value::None, fdel: Value::None, doc: Value::None };
            cls.dict.set_item_str("__callback__", Value::Property(PyArc::new(property)));
            cls.refresh_flags();
            cls
        })
        .clone()
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a WeakRef> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<WeakRef>())
        .ok_or_else(|| type_error("descriptor requires a 'weakref.ReferenceType' object"))
}

/// `ref(obj, callback=None)`. A reference without a callback to an object
/// that already has one is that same reference, as in CPython.
fn ref_new(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("ref")?;
    args.between("__new__", 1, 2, args.len())?;
    let obj = &args.pos[0];
    let callback = args.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(target) = Target::of(obj) else {
        return Err(type_error(format!("cannot create weak reference to '{}' object", obj.type_name())));
    };
    let Value::Instance(inst) = obj else {
        return Ok(Value::Native(new_ref(target, callback)));
    };
    let key = PyArc::as_ptr(inst) as usize;
    let mut reg = registry().lock();
    let refs = reg.entry(key).or_default();
    refs.retain(|w| w.strong_count() > 0);
    if callback.is_none()
        && let Some(existing) = refs.iter().filter_map(PyWeak::upgrade).find(plain_ref)
    {
        return Ok(Value::Native(existing));
    }
    let has_callback = !callback.is_none();
    let r = new_ref(target, callback);
    refs.push(PyArc::downgrade(&r));
    drop(reg);
    inst.mark_weakly_referenced();
    if has_callback {
        crate::vm::finalize::note_finalizers();
    }
    Ok(Value::Native(r))
}

fn new_ref(target: Target, callback: Value) -> PyArc<NativeBox> {
    let r = WeakRef { target, callback: PyLock::new(callback), hash: PyLock::new(None) };
    PyArc::new(NativeBox(Arc::new(r)))
}

/// A reference without a callback (the one `ref(obj)` shares).
fn plain_ref(r: &PyArc<NativeBox>) -> bool {
    r.0.as_any().downcast_ref::<WeakRef>().is_some_and(|w| w.callback.lock().is_none())
}

/// Called by the `Drop` of a weakly referenced instance at `addr`: queues
/// the callbacks of its live references on this thread.
pub fn referent_died(addr: usize) {
    let Some(refs) = REGISTRY.get().and_then(|r| r.lock().remove(&addr)) else {
        return;
    };
    // Newest first, as CPython calls them.
    for r in refs.iter().rev().filter_map(PyWeak::upgrade) {
        let callback = match r.0.as_any().downcast_ref::<WeakRef>() {
            Some(w) => std::mem::replace(&mut *w.callback.lock(), Value::None),
            None => continue,
        };
        if !callback.is_none() {
            crate::vm::finalize::defer_call(callback, Value::Native(r));
        }
    }
}

fn ref_call(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = this(args)?;
    args.exactly("weakref", 0, args.rest().len())?;
    Ok(r.target.get().unwrap_or(Value::None))
}

fn ref_callback(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(this(args)?.callback.lock().clone())
}

/// The referent's hash; a dead reference keeps the one it had.
fn ref_hash(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = this(args)?;
    if let Some(h) = *r.hash.lock() {
        return Ok(Value::Int(h));
    }
    let Some(obj) = r.target.get() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = vm.hash(&obj)?;
    *r.hash.lock() = Some(h);
    Ok(Value::Int(h))
}

/// Two live references are equal when their referents are; otherwise
/// only a reference is equal to itself.
fn ref_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = this(args)?;
    let (Some(other), Some(me)) = (args.pos.get(1), args.pos.first()) else {
        return Err(type_error("expected 1 argument"));
    };
    let Some(o) = other.as_native::<WeakRef>() else {
        return Ok(Value::NotImplemented);
    };
    match (r.target.get(), o.target.get()) {
        (Some(a), Some(b)) => Ok(Value::Bool(vm.eq(&a, &b)?)),
        _ => Ok(Value::Bool(me.id() == other.id())),
    }
}

fn ref_ne(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(match ref_eq(vm, args)? {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn ref_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let r = this(args)?;
    let me = args.pos[0].id();
    Ok(Value::str(match r.target.get() {
        None => format!("<weakref at {me:#x}; dead>"),
        Some(obj) => {
            let name = obj.type_name();
            match vm.get_attr_str(&obj, "__name__").ok().and_then(|n| n.as_str().map(|s| s.as_str().to_string())) {
                Some(n) if !matches!(obj, Value::Instance(_)) => {
                    format!("<weakref at {me:#x}; to '{name}' at {:#x} ({n})>", obj.id())
                }
                _ => format!("<weakref at {me:#x}; to '{name}' at {:#x}>", obj.id()),
            }
        }
    }))
}

/// The live references of an instance.
fn refs_of(obj: &Value) -> Vec<PyArc<NativeBox>> {
    let Value::Instance(inst) = obj else { return Vec::new() };
    let key = PyArc::as_ptr(inst) as usize;
    let Some(reg) = REGISTRY.get() else { return Vec::new() };
    reg.lock().get(&key).map(|refs| refs.iter().filter_map(PyWeak::upgrade).collect()).unwrap_or_default()
}

fn getweakrefcount(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("getweakrefcount", 1, args.len())?;
    Ok(Value::Int(refs_of(&args.pos[0]).len() as i64))
}

fn getweakrefs(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("getweakrefs", 1, args.len())?;
    Ok(Value::list(refs_of(&args.pos[0]).into_iter().map(Value::Native).collect()))
}

/// `_alive(r)`: whether reference `r`'s object still lives.
fn alive(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("_alive", 1, args.len())?;
    let r = args.pos[0].as_native::<WeakRef>().ok_or_else(|| type_error("_alive() expects a reference"))?;
    Ok(Value::Bool(r.target.get().is_some()))
}
