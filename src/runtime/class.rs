//! Classes: builtin types and user classes alike.
//!
//! A class has a namespace dict, its bases and C3 linearisation, a `kind`
//! saying which builtin layout its instances have (plain instance,
//! exception, or a builtin value), and flags caching "does some class in
//! the MRO define `__eq__`/`__getattr__`/a property..." so the hot paths
//! skip lookups that would find nothing.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::{AtomicU32, Ordering};

use parking_lot::Mutex;

use super::dict::PyDict;
use super::function::{Args, NativeFn};
use super::str::PyStr;
use super::value::Value;
use crate::vm::{PyResult, Vm};

/// Which builtin layout instances of a class have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassKind {
    /// Instances are `Value::Instance` with a plain dict.
    Object,
    /// Instances are `Value::Instance` carrying exception data.
    Exception,
    /// A builtin type whose values are their own `Value` variant.
    Builtin,
    /// A user subclass of a builtin value type (`class MyList(list)`):
    /// instances are `Value::Instance` carrying a value of that type.
    BuiltinValue,
}

/// Bits cached on a class about what its MRO defines.
pub struct ClassFlags;

impl ClassFlags {
    /// A Python-level `__eq__` (or `__ne__`) is defined.
    pub const EQ: u32 = 1;
    /// A Python-level `__hash__` is defined.
    pub const HASH: u32 = 2;
    /// `__hash__ = None`, or `__eq__` defined without `__hash__`.
    pub const UNHASHABLE: u32 = 4;
    pub const GETATTR: u32 = 8;
    pub const SETATTR: u32 = 16;
    /// Some attribute is a property or another data descriptor.
    pub const DESCRIPTORS: u32 = 32;
    pub const DELATTR: u32 = 64;
    pub const GETATTRIBUTE: u32 = 128;
    /// A Python-level `__new__` is defined.
    pub const NEW: u32 = 256;
    /// `__del__` is defined: instances are finalized (`instance.rs`).
    pub const DEL: u32 = 512;
}

/// Counts changes to class namespaces made after the classes were built
/// (`Cls.attr = v`, `del Cls.attr`). Method caches remember the epoch of
/// their lookup: any change to any class makes every cached lookup stale,
/// which is simple and cheap because programs rarely change classes while
/// they run.
static CLASS_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The current class epoch (never 0, so a zeroed cache never matches).
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.load(Ordering::Acquire)
}

/// Invalidates every cached class lookup; call after changing a class dict.
pub fn bump_class_epoch() {
    CLASS_EPOCH.fetch_add(1, Ordering::AcqRel);
}

/// Builds a new instance for a call of the class (`int("3")`, `Foo()`).
pub type NativeCtor = fn(&mut Vm, &PyArc<Class>, &Args) -> PyResult<Value>;

pub struct Class {
    pub name: PyArc<PyStr>,
    pub qualname: Mutex<PyArc<PyStr>>,
    pub module: Mutex<Value>,
    pub bases: Vec<PyArc<Class>>,
    /// The MRO after the class itself.
    pub mro: Vec<PyArc<Class>>,
    pub dict: PyArc<PyDict>,
    pub kind: ClassKind,
    /// Builtin types refuse attribute assignment.
    pub builtin: bool,
    /// Makes instances; inherited from the first base that has one.
    pub ctor: Option<NativeCtor>,
    pub metaclass: Option<PyArc<Class>>,
    flags: AtomicU32,
    /// Names of data descriptors defined along the MRO.
    descriptor_names: super::sync::PyLock<Vec<PyArc<PyStr>>>,
    /// Bit `hash % 64` set for each name in `descriptor_names`.
    descriptor_bits: std::sync::atomic::AtomicU64,
    /// `lookup("__init__")` as of a class epoch (see `class_epoch`), for
    /// the instantiation fast path.
    init_cache: super::sync::PyLock<(u64, Option<Value>)>,
    /// How many attributes instances have been seen to get: new instances'
    /// dicts start with that much room.
    attr_hint: AtomicU32,
    /// Never shared with another class, even after this one is freed:
    /// the method caches key on it (`uid()`).
    uid: u64,
}

/// Hands out class uids (see `Class::uid`); 0 is never one.
static NEXT_CLASS_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_class_uid() -> u64 {
    NEXT_CLASS_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Class {
    /// The class's identity for caches: unlike its address, never reused,
    /// so a cache can hold it without keeping the class (or a weak handle
    /// to it, whose atomic count would cost each cache refill) alive.
    #[inline(always)]
    pub fn uid(&self) -> u64 {
        self.uid
    }

    /// A builtin type with its methods.
    pub fn builtin(
        name: &str,
        bases: Vec<PyArc<Class>>,
        kind: ClassKind,
        ctor: Option<NativeCtor>,
        methods: &[(&'static str, NativeFn)],
        owner: &'static str,
    ) -> PyArc<Class> {
        let dict = PyArc::new(PyDict::new());
        for (mname, f) in methods {
            let b = super::function::Builtin { name: mname, owner: Some(owner), module: None, func: *f };
            dict.set_item_str(mname, Value::Builtin(PyArc::new(b)));
        }
        // As in CPython, every builtin type has its own `__doc__`, None when
        // undocumented: none inherits `object`'s.
        let doc = crate::modules::builtins::docs::class(name).map_or(Value::None, |d| Value::str(d.doc));
        dict.set_item_str("__doc__", doc);
        let mro = linearize(&bases).unwrap_or_default();
        let ctor = ctor.or_else(|| mro.iter().find_map(|c| c.ctor));
        let c = Class {
            name: PyArc::new(PyStr::new(name.to_string())),
            qualname: Mutex::new(PyArc::new(PyStr::new(name.to_string()))),
            module: Mutex::new(Value::str("builtins")),
            bases,
            mro,
            dict,
            kind,
            builtin: true,
            ctor,
            metaclass: None,
            flags: AtomicU32::new(0),
            descriptor_names: super::sync::PyLock::new(Vec::new()),
            descriptor_bits: std::sync::atomic::AtomicU64::new(0),
            init_cache: super::sync::PyLock::new((0, None)),
            attr_hint: AtomicU32::new(0),
            uid: next_class_uid(),
        };
        PyArc::new(c)
    }

    /// A class made by a `class` statement (or `type(name, bases, dict)`).
    pub fn user(
        name: PyArc<PyStr>,
        qualname: PyArc<PyStr>,
        bases: Vec<PyArc<Class>>,
        dict: PyArc<PyDict>,
        metaclass: Option<PyArc<Class>>,
    ) -> Result<PyArc<Class>, String> {
        let mro = linearize(&bases)?;
        let kind = layout(&bases)?;
        let ctor = mro.iter().find_map(|c| c.ctor);
        let module = dict.get_item_str("__module__").unwrap_or(Value::None);
        let c = Class {
            name,
            qualname: Mutex::new(qualname),
            module: Mutex::new(module),
            bases,
            mro,
            dict,
            kind,
            builtin: false,
            ctor,
            metaclass,
            flags: AtomicU32::new(0),
            descriptor_names: super::sync::PyLock::new(Vec::new()),
            descriptor_bits: std::sync::atomic::AtomicU64::new(0),
            init_cache: super::sync::PyLock::new((0, None)),
            attr_hint: AtomicU32::new(0),
            uid: next_class_uid(),
        };
        let c = PyArc::new(c);
        c.refresh_flags();
        Ok(c)
    }

    pub fn qualname(&self) -> PyArc<PyStr> {
        self.qualname.lock().clone()
    }

    /// `type(cls)`.
    pub fn metaclass(&self) -> PyArc<Class> {
        self.metaclass.clone().unwrap_or_else(|| super::types::types().type_type.clone())
    }

    /// Finds an attribute along the MRO.
    pub fn lookup(&self, name: &PyStr) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        self.mro.iter().find_map(|c| c.dict.get_str(name))
    }

    /// Room to give a new instance's dict.
    pub fn attr_hint(&self) -> usize {
        self.attr_hint.load(Ordering::Relaxed) as usize
    }

    /// An instance of this class now has `n` attributes.
    pub fn note_attrs(&self, n: usize) {
        // Capped so one odd instance cannot make every later one large.
        let n = n.min(16) as u32;
        if n > self.attr_hint.load(Ordering::Relaxed) {
            self.attr_hint.fetch_max(n, Ordering::Relaxed);
        }
    }

    /// `lookup("__init__")`, remembered until some class changes.
    pub fn lookup_init(&self) -> Option<Value> {
        let epoch = class_epoch();
        let mut c = self.init_cache.lock();
        if c.0 != epoch {
            *c = (epoch, self.lookup(&super::names::names().init));
        }
        c.1.clone()
    }

    /// Like `lookup`, for a Rust string (hashed once, no allocation).
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        let hash = super::str::hash_bytes(name.as_bytes());
        if let Some(v) = self.dict.get_hashed_str(name, hash) {
            return Some(v);
        }
        self.mro.iter().find_map(|c| c.dict.get_hashed_str(name, hash))
    }

    /// Is `name` a data descriptor (a property...) somewhere in the MRO?
    /// Only those names must be looked up on the class before the
    /// instance dict.
    pub fn is_descriptor_name(&self, name: &PyStr) -> bool {
        if !self.has_flag(ClassFlags::DESCRIPTORS) {
            return false;
        }
        // A one-word filter on the name's hash avoids scanning the list for
        // almost every attribute that is not a descriptor.
        if self.descriptor_bits.load(Ordering::Relaxed) & (1u64 << (name.hash() as u64 % 64)) == 0 {
            return false;
        }
        self.descriptor_names.lock().iter().any(|n| n.as_str() == name.as_str())
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|c| std::ptr::eq(PyArc::as_ptr(c), other))
    }

    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.load(Ordering::Relaxed) & flag != 0
    }

    /// Recomputes the cached flags from this class's dict and its bases'.
    pub fn refresh_flags(&self) {
        let mut flags = self.bases.iter().fold(0, |f, b| f | b.flags.load(Ordering::Relaxed));
        let own = |n: &str| self.dict.get_item_str(n);
        let is_py = |v: &Option<Value>| matches!(v, Some(Value::Function(_)));
        if is_py(&own("__eq__")) || is_py(&own("__ne__")) {
            flags |= ClassFlags::EQ;
            if own("__hash__").is_none() {
                flags |= ClassFlags::UNHASHABLE;
            }
        }
        match own("__hash__") {
            Some(Value::None) => flags |= ClassFlags::UNHASHABLE,
            Some(_) => {
                flags |= ClassFlags::HASH;
                flags &= !ClassFlags::UNHASHABLE;
            }
            None => {}
        }
        if own("__getattr__").is_some() {
            flags |= ClassFlags::GETATTR;
        }
        if is_py(&own("__getattribute__")) {
            flags |= ClassFlags::GETATTRIBUTE;
        }
        if is_py(&own("__setattr__")) {
            flags |= ClassFlags::SETATTR;
        }
        if is_py(&own("__delattr__")) {
            flags |= ClassFlags::DELATTR;
        }
        if own("__del__").is_some() {
            flags |= ClassFlags::DEL;
            crate::vm::finalize::note_finalizers();
        }
        if matches!(own("__new__"), Some(Value::Function(_) | Value::StaticMethod(_))) {
            flags |= ClassFlags::NEW;
        }
        let mut names: Vec<PyArc<PyStr>> = Vec::new();
        for b in &self.bases {
            names.extend(b.descriptor_names.lock().iter().cloned());
        }
        for (k, v) in self.dict.items() {
            if let (Value::Str(k), true) = (k, is_data_descriptor(&v)) {
                names.push(k);
            }
        }
        if !names.is_empty() {
            flags |= ClassFlags::DESCRIPTORS;
        }
        let bits = names.iter().fold(0u64, |b, n| b | (1u64 << (n.hash() as u64 % 64)));
        self.descriptor_bits.store(bits, Ordering::Relaxed);
        *self.descriptor_names.lock() = names;
        self.flags.store(flags, Ordering::Relaxed);
    }
}

impl PyArc<Class> {
    /// The builtin type this class derives from (itself for builtins).
    pub fn builtin_base(&self) -> PyArc<Class> {
        if self.builtin {
            return self.clone();
        }
        self.mro.iter().find(|c| c.builtin).cloned().unwrap_or_else(|| self.clone())
    }
}

/// Properties and instances of classes defining `__set__` or `__delete__`.
pub fn is_data_descriptor(v: &Value) -> bool {
    match v {
        Value::Property(_) => true,
        Value::Instance(i) => {
            let c = i.class();
            c.lookup_str("__set__").is_some() || c.lookup_str("__delete__").is_some()
        }
        _ => false,
    }
}

/// C3 linearisation of the bases (the MRO without the class itself).
fn linearize(bases: &[PyArc<Class>]) -> Result<Vec<PyArc<Class>>, String> {
    if bases.len() == 1 {
        let mut v = vec![bases[0].clone()];
        v.extend(bases[0].mro.iter().cloned());
        return Ok(v);
    }
    let mut seqs: Vec<Vec<PyArc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.mro.iter().cloned());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<PyArc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| PyArc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
            return Err(format!(
                // CPython's message has this line break.
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in &mut seqs {
            if PyArc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The instance layout of a class with these bases.
fn layout(bases: &[PyArc<Class>]) -> Result<ClassKind, String> {
    const CONFLICT: &str = "multiple bases have instance lay-out conflict";
    let mut kind = ClassKind::Object;
    // The builtin value type the instances extend, if any.
    let mut value_base: Option<PyArc<Class>> = None;
    // A subclass of `type`: its instances are classes.
    let mut meta = false;
    for b in bases {
        if super::metaclass::is_metaclass(b) {
            if kind != ClassKind::Object {
                return Err(CONFLICT.into());
            }
            meta = true;
            continue;
        }
        match b.kind {
            _ if meta && b.kind != ClassKind::Object && b.name.as_str() != "object" => return Err(CONFLICT.into()),
            ClassKind::Object => {}
            ClassKind::Exception if value_base.is_some() => return Err(CONFLICT.into()),
            ClassKind::Exception => kind = ClassKind::Exception,
            ClassKind::Builtin if b.name.as_str() == "object" => {}
            ClassKind::Builtin | ClassKind::BuiltinValue if super::subclass::is_extensible(b) => {
                let base = b.builtin_base();
                if kind == ClassKind::Exception || value_base.as_ref().is_some_and(|v| !PyArc::ptr_eq(v, &base)) {
                    return Err(CONFLICT.into());
                }
                value_base = Some(base);
                kind = ClassKind::BuiltinValue;
            }
            ClassKind::Builtin | ClassKind::BuiltinValue => {
                return Err(format!("type '{}' is not an acceptable base type", b.name.as_str()));
            }
        }
    }
    Ok(if meta { ClassKind::Builtin } else { kind })
}
