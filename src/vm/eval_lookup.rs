//! The lookups the evaluation loop's fast paths do inline: an instance
//! attribute or a plain method through the call site's cache (and the
//! thread's type cache behind it), a global through its LoadGlobal cache,
//! and the bounds of `seq[a:b]`. Each answers None when the full
//! implementation must run instead.

use crate::runtime::pyarc::PyArc;

use super::type_cache::TypeCache;
use crate::bytecode::Code;
use crate::bytecode::code::{GlobalSite, MethodCache, MethodSite};
use crate::runtime::class::{Class, ClassFlags, class_epoch};
use crate::runtime::dict::PyDict;
use crate::runtime::instance::Instance;
use crate::runtime::str::PyStr;
use crate::runtime::sync::{PyGuard, locking_enabled};
use crate::runtime::value::Value;
use crate::runtime::value_words::{UNDEF, Words};

/// `obj.name` for an instance whose attribute sits in its dict with no
/// `__getattribute__` or data descriptor in the way; None sends the
/// instruction to its full implementation.
#[inline(always)]
pub(super) fn instance_attr(obj: &Value, site: &MethodSite, name: &PyArc<PyStr>, tc: &mut TypeCache) -> Option<Value> {
    let Value::Instance(inst) = obj else { return None };
    let cls = inst.class_ref();
    if cls.has_flag(ClassFlags::GETATTRIBUTE) {
        return None;
    }
    if locking_enabled()
        && let Some(hit) = shared_class_lookup(site, cls)
    {
        let mut hint = hit.hint;
        return if hit.data_descriptor { None } else { inst.dict.get_str_at(name, &mut hint) };
    }
    let mut c = class_lookup(site, cls, name, tc);
    if c.data_descriptor {
        return None;
    }
    let found = inst.dict.get_str_at(name, &mut c.hint);
    publish_method(site, &c);
    found
}

/// Whether `inst.name = v` stores straight into the instance dict: no
/// `__setattr__`, no data descriptor of the name, not an exception.
#[inline(always)]
pub(super) fn plain_setattr(inst: &Instance, site: &MethodSite, name: &PyArc<PyStr>, tc: &mut TypeCache) -> bool {
    let cls = inst.class_ref();
    if cls.has_flag(ClassFlags::SETATTR) || inst.exc().is_some() {
        return false;
    }
    if locking_enabled()
        && let Some(hit) = shared_class_lookup(site, cls)
    {
        return !hit.data_descriptor;
    }
    let c = class_lookup(site, cls, name, tc);
    publish_method(site, &c);
    !c.data_descriptor
}

/// `dict[name] = v` for an instance of `cls` that `plain_setattr`
/// allowed, trying the entry the site remembers first.
#[inline(always)]
pub(super) fn store_attr(site: &MethodSite, dict: &PyDict, cls: &Class, name: &PyArc<PyStr>, v: Value) {
    let grew = if locking_enabled()
        && let Some([.., flags]) = site.shared.read()
    {
        // Only a hint: a stale one costs a search.
        let mut hint = flags_hint(flags);
        dict.set_str_at(name, v, &mut hint)
    } else {
        let mut c = site.cache.lock();
        dict.set_str_at(name, v, &mut c.hint)
    };
    if let Some(len) = grew {
        cls.note_attrs(len);
    }
}

/// The method `obj.name` calls when it is a plain Python function of an
/// instance's class (not shadowed by the instance dict) or a Rust method of
/// a builtin type; None sends the instruction to its full implementation.
#[inline(always)]
pub(super) fn plain_method(obj: &Value, site: &MethodSite, name: &PyArc<PyStr>, tc: &mut TypeCache) -> Option<Value> {
    match obj {
        Value::Instance(inst) => {
            let cls = inst.class_ref();
            if cls.has_flag(ClassFlags::GETATTRIBUTE) {
                return None;
            }
            let is_method = |m: &Value| matches!(m, Value::Function(_)) && inst.dict.get_str(name).is_none();
            site_method(site, cls, name, tc, is_method)
        }
        v => site_method(site, v.builtin_class()?, name, tc, |m| matches!(m, Value::Builtin(_))),
    }
}

/// What `cls.lookup(name)` finds through the site (its lock-free snapshot
/// without the GIL, else its cache), cloned if `wanted` accepts it.
#[inline(always)]
fn site_method(
    site: &MethodSite,
    cls: &PyArc<Class>,
    name: &PyArc<PyStr>,
    tc: &mut TypeCache,
    wanted: impl Fn(&Value) -> bool,
) -> Option<Value> {
    if locking_enabled()
        && let Some(hit) = shared_class_lookup(site, cls)
    {
        return hit.value_if(wanted);
    }
    let c = class_lookup(site, cls, name, tc);
    publish_method(site, &c);
    wanted(&c.value).then(|| c.value.clone())
}

/// `cls.lookup(name)` through the call site's cache: a hit costs two
/// compares while neither the class nor any other class changed; a miss
/// asks the thread's type cache before walking the MRO.
#[inline(always)]
pub(super) fn class_lookup<'a>(
    site: &'a MethodSite,
    cls: &PyArc<Class>,
    name: &PyArc<PyStr>,
    tc: &mut TypeCache,
) -> PyGuard<'a, MethodCache> {
    let epoch = class_epoch();
    let mut c = site.cache.lock();
    if c.class_uid != cls.uid() || c.epoch != epoch {
        let (found, data_descriptor) = tc.lookup(cls, name, epoch);
        c.data_descriptor = data_descriptor;
        c.class_uid = cls.uid();
        c.epoch = epoch;
        c.value = found;
    }
    c
}

/// What an attribute site's lock-free snapshot says (without the GIL).
struct SharedHit {
    /// The class attribute (a bit copy; `Undef`: none).
    value: Words,
    data_descriptor: bool,
    hint: u32,
}

impl SharedHit {
    /// A clone of the class attribute, if `wanted` accepts it.
    #[inline(always)]
    fn value_if(&self, wanted: impl Fn(&Value) -> bool) -> Option<Value> {
        // SAFETY: a published value is an immediate or immortal (alive);
        // the bit copy is never dropped, and a clone counts its own
        // reference.
        let borrowed = std::mem::ManuallyDrop::new(unsafe { self.value.into_value() });
        wanted(&borrowed).then(|| (*borrowed).clone())
    }
}

/// The snapshot of `site`, if it was published for `cls` in the current
/// class epoch.
#[inline(always)]
fn shared_class_lookup(site: &MethodSite, cls: &Class) -> Option<SharedHit> {
    let [uid, epoch, tag, payload, flags] = site.shared.read()?;
    if uid != cls.uid() || epoch != class_epoch() {
        return None;
    }
    Some(SharedHit {
        value: Words::from_shared([tag, payload]),
        data_descriptor: flags & 1 != 0,
        hint: flags_hint(flags),
    })
}

/// The last word of an attribute site's snapshot: `data_descriptor` in
/// bit 0, the instance-dict hint above it.
fn pack_flags(data_descriptor: bool, hint: u32) -> u64 {
    data_descriptor as u64 | (hint as u64) << 1
}

/// The hint `pack_flags` stored.
#[inline(always)]
fn flags_hint(flags: u64) -> u32 {
    (flags >> 1) as u32
}

/// Without the GIL: publishes what the site's cache holds, for
/// `shared_class_lookup` (if its value may be shared that way). The
/// caller holds the site's lock (`c`).
#[inline(always)]
fn publish_method(site: &MethodSite, c: &MethodCache) {
    if !locking_enabled() {
        return;
    }
    // SAFETY: the cached value is live.
    if let Some([tag, payload]) = unsafe { Words::read(&c.value) }.shareable() {
        site.shared.publish([c.class_uid, c.epoch, tag, payload, pack_flags(c.data_descriptor, c.hint)]);
    }
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
    let site = &code.global_cache[i as usize];
    if locking_enabled()
        && let Some(v) = shared_global(site, globals, builtins)
    {
        return Some(v);
    }
    let mut c = site.cache.lock();
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
        if let Some(v) = &v
            && locking_enabled()
        {
            publish_global(site, globals, mutations, builtins.mutations(), v);
        }
        v
    } else if c.builtins_version == builtins.mutations() && c.globals_keys == globals.version() && !c.value.is_undef() {
        // A builtin, and no global was added since.
        Some(c.value.clone())
    } else {
        None
    }
}

/// Without the GIL: the global of `site` from its lock-free snapshot, if
/// one was published for these globals and neither they nor the builtins
/// were written since.
#[inline(always)]
fn shared_global(site: &GlobalSite, globals: &PyArc<PyDict>, builtins: &PyDict) -> Option<Value> {
    let [g, gv, bv, tag, payload] = site.shared.read()?;
    if g != PyArc::as_ptr(globals) as u64 || gv != globals.mutations() || bv != builtins.mutations() || tag == UNDEF {
        return None;
    }
    let w = Words::from_shared([tag, payload]);
    // SAFETY: a published value is an immediate or immortal: alive, and
    // the copy's reference is `add_ref`'s (nothing for those).
    unsafe {
        w.add_ref();
        Some(w.into_value())
    }
}

/// Publishes `v`, what `site` resolved to while the globals' and builtins'
/// write counters were `gv` and `bv`, for `shared_global` (if it is a
/// value that may be shared that way). The caller holds the site's lock.
pub(super) fn publish_global(site: &GlobalSite, globals: &PyArc<PyDict>, gv: u64, bv: u64, v: &Value) {
    // SAFETY: `v` is live.
    if let Some([tag, payload]) = unsafe { Words::read(v) }.shareable() {
        site.shared.publish([PyArc::as_ptr(globals) as u64, gv, bv, tag, payload]);
    }
}
