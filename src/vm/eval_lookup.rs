//! The lookups the evaluation loop's fast paths do inline: an instance
//! attribute or a plain method through the call site's cache (and the
//! thread's type cache behind it), a global through its LoadGlobal cache,
//! and the bounds of `seq[a:b]`. Each
//! answers None when the full implementation must run instead.

use crate::runtime::pyarc::PyArc;

use super::type_cache::TypeCache;
use crate::bytecode::Code;
use crate::bytecode::code::MethodCache;
use crate::runtime::class::{Class, ClassFlags, class_epoch};
use crate::runtime::dict::PyDict;
use crate::runtime::str::PyStr;
use crate::runtime::sync::{PyGuard, PyLock};
use crate::runtime::value::Value;

/// `obj.name` for an instance whose attribute sits in its dict with no
/// `__getattribute__` or data descriptor in the way; None sends the
/// instruction to its full implementation.
#[inline(always)]
pub(super) fn instance_attr(
    obj: &Value,
    cache: &PyLock<MethodCache>,
    name: &PyArc<PyStr>,
    tc: &mut TypeCache,
) -> Option<Value> {
    let Value::Instance(inst) = obj else { return None };
    let cls = inst.class_ref();
    if cls.has_flag(ClassFlags::GETATTRIBUTE) {
        return None;
    }
    let mut c = class_lookup(cache, cls, name, tc);
    if c.data_descriptor { None } else { inst.dict.get_str_at(name, &mut c.hint) }
}

/// The method `obj.name` calls when it is a plain Python function of an
/// instance's class (not shadowed by the instance dict) or a Rust method of
/// a builtin type; None sends the instruction to its full implementation.
#[inline(always)]
pub(super) fn plain_method(
    obj: &Value,
    cache: &PyLock<MethodCache>,
    name: &PyArc<PyStr>,
    tc: &mut TypeCache,
) -> Option<Value> {
    match obj {
        Value::Instance(inst) => {
            let cls = inst.class_ref();
            if cls.has_flag(ClassFlags::GETATTRIBUTE) {
                return None;
            }
            match &class_lookup(cache, cls, name, tc).value {
                m @ Value::Function(_) if inst.dict.get_str(name).is_none() => Some(m.clone()),
                _ => None,
            }
        }
        v => match &class_lookup(cache, v.builtin_class()?, name, tc).value {
            m @ Value::Builtin(_) => Some(m.clone()),
            _ => None,
        },
    }
}

/// `cls.lookup(name)` through the call site's cache: a hit costs two
/// compares while neither the class nor any other class changed; a miss
/// asks the thread's type cache before walking the MRO.
#[inline(always)]
pub(super) fn class_lookup<'a>(
    cache: &'a PyLock<MethodCache>,
    cls: &PyArc<Class>,
    name: &PyArc<PyStr>,
    tc: &mut TypeCache,
) -> PyGuard<'a, MethodCache> {
    let epoch = class_epoch();
    let mut c = cache.lock();
    if c.class_ptr != PyArc::as_ptr(cls) as usize || c.epoch != epoch {
        let (found, data_descriptor) = tc.lookup(cls, name, epoch);
        c.data_descriptor = data_descriptor;
        c.class = PyArc::downgrade(cls);
        c.class_ptr = PyArc::as_ptr(cls) as usize;
        c.epoch = epoch;
        c.value = found;
    }
    c
}

/// The character (or item) range of `[a:b]` on a sequence of `len`, for
/// int or omitted bounds, clamped as CPython does; None for other bounds.
#[inline]
pub(super) fn slice_bounds(a: &Value, b: &Value, len: usize) -> Option<(usize, usize)> {
    let n = len as i64;
    let clamp = |v: &Value, default: i64| match v {
        Value::None => Some(default),
        Value::Int(i) if *i < 0 => Some((*i + n).max(0)),
        Value::Int(i) => Some((*i).min(n)),
        _ => None,
    };
    let from = clamp(a, 0)?;
    let to = clamp(b, n)?.max(from);
    Some((from as usize, to as usize))
}

/// The value of global `code.names[i]` from the LoadGlobal cache of call
/// site `i`, when the cache proves it current: the globals dict unchanged
/// since the cache was filled, or the name still where it was, or a builtin
/// with no global of the name added since. None sends the instruction to
/// its full implementation, which refills the cache.
#[inline(always)]
pub(super) fn cached_global(globals: &PyArc<PyDict>, builtins: &PyDict, code: &Code, i: u32) -> Option<Value> {
    let slot = &code.global_cache[i as usize];
    let mut c = slot.lock();
    let mutations = globals.mutations();
    if let Some(v) = c.global(PyArc::as_ptr(globals) as usize, mutations) {
        // Unchanged globals: no dict read at all.
        Some(v)
    } else if c.globals != PyArc::as_ptr(globals) as usize {
        None
    } else if c.globals_version == globals.mutations()
        && c.builtins_version == builtins.mutations()
        && !c.value.is_undef()
    {
        Some(c.value.clone())
    } else if c.in_globals {
        // Some global changed: if the name is still
        // where it was, its value is read from there.
        let v = globals.value_at_key(c.index, &code.names[i as usize]);
        // (An entry `StoreGlobal` turned from a builtin
        // into a global keeps the builtin in `value`:
        // its version must not be refreshed.)
        if let Some(v) = &v
            && c.value.is_undef()
        {
            c.borrow_global(v, mutations);
        }
        v
    } else if c.builtins_version == builtins.mutations() && c.globals_keys == globals.version() && !c.value.is_undef() {
        // A builtin, and no global was added since.
        Some(c.value.clone())
    } else {
        None
    }
}
