//! The iteration protocol: `iter()`, `next()`, collecting iterables,
//! unpacking, and merging mappings.

use crate::runtime::pyarc::PyArc;

use super::error::{stop_iteration, type_error, value_error};
use super::{PyResult, Vm};
use crate::runtime::dict::PyDict;
use crate::runtime::iter::{DictIterKind, IterState, PyIter};
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v {
            Value::List(l) => IterState::List { list: l.clone(), index: 0 },
            Value::Tuple(t) => IterState::Tuple { tuple: t.clone(), index: 0 },
            Value::Range(r) if r.is_big() => {
                let (start, _, step) = r.bounds();
                return Ok(crate::runtime::iter::range_iter(start, r.big_len(), step));
            }
            Value::Range(r) => IterState::Range { next: r.start, left: r.len(), step: r.step },
            Value::Str(s) => IterState::Str { s: s.clone(), byte: 0 },
            Value::Bytes(b) => IterState::Bytes { b: b.clone(), index: 0 },
            Value::Dict(d) => IterState::dict(d.clone(), DictIterKind::Keys),
            Value::Set(s) | Value::FrozenSet(s) => IterState::Set { set: s.clone(), pos: 0, len: s.len() },
            // Coroutines and async generators are awaited, never iterated.
            Value::Generator(g) if g.is_coroutine || g.is_async_gen => {
                return Err(type_error(format!("'{}' object is not iterable", v.type_name())));
            }
            Value::Iter(_) | Value::Generator(_) => return Ok(v.clone()),
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => {
                if let Some(view) = crate::runtime::dict_view::view_iter(v) {
                    return Ok(view);
                }
                if !matches!(v, Value::Class(_)) || super::attr::meta_hook(v, "__iter__").is_some() {
                    if let Some(it) = self.call_dunder(v, "__iter__", &[])? {
                        if !self.is_iterator(&it) {
                            return Err(type_error(format!(
                                "iter() returned non-iterator of type '{}'",
                                it.type_name()
                            )));
                        }
                        return Ok(it);
                    }
                    if v.class().lookup_str("__getitem__").is_some() {
                        return Ok(PyIter::value(IterState::Sequence { obj: v.clone(), index: 0 }));
                    }
                }
                return Err(type_error(format!("'{}' object is not iterable", v.type_name())));
            }
            _ => {
                return Err(type_error(format!("'{}' object is not iterable", v.type_name())));
            }
        };
        Ok(PyIter::value(state))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Generator(g) => !g.is_coroutine && !g.is_async_gen,
            Value::Iter(_) => true,
            _ => v.class().lookup_str("__next__").is_some(),
        }
    }

    /// `next(it)`: `None` when exhausted.
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => self.builtin_next(i),
            Value::Generator(g) => match self.resume_generator(g, Value::None)? {
                Ok(v) => Ok(Some(v)),
                Err(_) => Ok(None),
            },
            _ => match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(type_error(format!("'{}' object is not an iterator", it.type_name()))),
                Err(e) if e.is(&types().exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    fn builtin_next(&mut self, it: &PyArc<PyIter>) -> PyResult<Option<Value>> {
        // Iterators over Rust data advance under the lock.
        {
            let mut st = it.state.lock();
            let r: Option<Option<Value>> = match &mut *st {
                IterState::List { list, index } => {
                    let items = list.lock();
                    let v = items.get(*index).cloned();
                    *index = if v.is_some() { *index + 1 } else { usize::MAX };
                    Some(v)
                }
                IterState::ListReverse { list, index } => {
                    let items = list.lock();
                    if *index > 0 && *index <= items.len() {
                        *index -= 1;
                        Some(Some(items[*index].clone()))
                    } else {
                        *index = 0;
                        Some(None)
                    }
                }
                IterState::Tuple { tuple, index } => {
                    let v = tuple.items.get(*index).cloned();
                    *index += 1;
                    Some(v)
                }
                IterState::Range { next, left, step } => {
                    if *left > 0 {
                        let v = *next;
                        *next = next.wrapping_add(*step);
                        *left -= 1;
                        Some(Some(Value::Int(v)))
                    } else {
                        Some(None)
                    }
                }
                IterState::BigRange(it) => {
                    if num_traits::Signed::is_positive(&it.left) {
                        let v = it.next.clone();
                        it.next += &it.step;
                        it.left -= 1u32;
                        Some(Some(Value::from_bigint(v)))
                    } else {
                        Some(None)
                    }
                }
                IterState::Str { s, byte } => {
                    let text = s.as_str();
                    match text[*byte..].chars().next() {
                        Some(c) => {
                            *byte += c.len_utf8();
                            Some(Some(Value::str(c.to_string())))
                        }
                        None => Some(None),
                    }
                }
                IterState::Bytes { b, index } => {
                    let v = b.data.get(*index).map(|x| Value::Int(*x as i64));
                    *index += 1;
                    Some(v)
                }
                IterState::Dict { dict, pos, used, left, kind } => {
                    let (found, len) = dict.entry_from(*pos);
                    if len != *used {
                        // Stays broken, as CPython's iterator does.
                        *used = usize::MAX;
                        drop(st);
                        return Err(crate::vm::error::runtime_error("dictionary changed size during iteration"));
                    }
                    match found {
                        Some(_) if *left == 0 => {
                            *st = IterState::Exhausted;
                            drop(st);
                            return Err(crate::vm::error::runtime_error("dictionary keys changed during iteration"));
                        }
                        Some((next, k, v)) => {
                            *pos = next;
                            *left -= 1;
                            Some(Some(match kind {
                                DictIterKind::Keys => k,
                                DictIterKind::Values => v,
                                DictIterKind::Items => Value::tuple(vec![k, v]),
                            }))
                        }
                        None => Some(None),
                    }
                }
                IterState::Set { set, pos, len } => {
                    if set.len() != *len {
                        *len = usize::MAX;
                        drop(st);
                        return Err(crate::vm::error::runtime_error("Set changed size during iteration"));
                    }
                    match set.item_from(*pos) {
                        Some((next, v)) => {
                            *pos = next;
                            Some(Some(v))
                        }
                        None => Some(None),
                    }
                }
                IterState::Exhausted => Some(None),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(r);
            }
        }
        // Iterators that call Python: copy what is needed out of the lock.
        let state = {
            let st = it.state.lock();
            match &*st {
                IterState::Enumerate { iter, count } => Step::Enumerate(iter.clone(), *count),
                IterState::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
                IterState::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
                IterState::Filter { func, iter } => Step::Filter(func.clone(), iter.clone()),
                IterState::Sequence { obj, index } => Step::Sequence(obj.clone(), *index),
                IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
                _ => return Ok(None),
            }
        };
        // An exhausted zip or map keeps its type (`type(m).__name__`) and
        // drops its iterators: with none left it yields nothing.
        let exhaust = |it: &PyArc<PyIter>| {
            let mut st = it.state.lock();
            *st = match &*st {
                IterState::Zip { .. } => IterState::Zip { iters: Vec::new(), strict: false },
                IterState::Map { .. } => IterState::Map { func: Value::None, iters: Vec::new() },
                _ => IterState::Exhausted,
            };
        };
        match state {
            Step::Enumerate(inner, count) => match self.iter_next(&inner)? {
                Some(v) => {
                    if let IterState::Enumerate { count: c, .. } = &mut *it.state.lock() {
                        *c += 1;
                    }
                    Ok(Some(Value::tuple(vec![Value::Int(count), v])))
                }
                None => Ok(None),
            },
            Step::Zip(iters, strict) => {
                let mut out = Vec::with_capacity(iters.len());
                for (k, i) in iters.iter().enumerate() {
                    match self.iter_next(i)? {
                        Some(v) => out.push(v),
                        None => {
                            exhaust(it);
                            if strict {
                                if k > 0 {
                                    return Err(value_error(format!(
                                        "zip() argument {} is shorter than argument{} 1{}",
                                        k + 1,
                                        if k > 1 { "s" } else { "" },
                                        if k > 1 { format!("-{k}") } else { String::new() }
                                    )));
                                }
                                for (j, rest) in iters.iter().enumerate().skip(1) {
                                    if self.iter_next(rest)?.is_some() {
                                        return Err(value_error(format!(
                                            "zip() argument {} is longer than argument{} 1{}",
                                            j + 1,
                                            if j > 1 { "s" } else { "" },
                                            if j > 1 { format!("-{j}") } else { String::new() }
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if out.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(out)))
            }
            Step::Map(func, iters) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut args = Vec::with_capacity(iters.len());
                for i in &iters {
                    match self.iter_next(i)? {
                        Some(v) => args.push(v),
                        None => {
                            exhaust(it);
                            return Ok(None);
                        }
                    }
                }
                self.call(&func, &args).map(Some)
            }
            Step::Filter(func, inner) => loop {
                let Some(v) = self.iter_next(&inner)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    self.truthy(&v)?
                } else {
                    let r = self.call(&func, std::slice::from_ref(&v))?;
                    self.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Step::Sequence(obj, index) => match self.get_item(&obj, &Value::Int(index)) {
                Ok(v) => {
                    if let IterState::Sequence { index: i, .. } = &mut *it.state.lock() {
                        *i += 1;
                    }
                    Ok(Some(v))
                }
                Err(e) if e.is(&types().exc.index_error) || e.is(&types().exc.stop_iteration) => {
                    exhaust(it);
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Step::Callable(func, sentinel) => {
                let v = self.call(&func, &[])?;
                if self.eq(&v, &sentinel)? {
                    exhaust(it);
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }

    /// `next(it)` raising StopIteration.
    pub fn next_or_stop(&mut self, it: &Value) -> PyResult<Value> {
        match self.iter_next(it)? {
            Some(v) => Ok(v),
            None => Err(stop_iteration(Value::None)),
        }
    }

    /// Collects an iterable into a vector.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.snapshot()),
            Value::Tuple(t) => return Ok(t.items.to_vec()),
            Value::Dict(d) => return Ok(d.keys()),
            Value::Set(s) | Value::FrozenSet(s) => return Ok(s.items()),
            // A dict view is read in one step, as by CPython's C loop.
            Value::Native(_) if let Some(view) = v.as_native::<crate::runtime::dict_view::DictView>() => {
                return Ok(view.items());
            }
            Value::Range(r) => {
                if !r.is_big() && r.checked_len()? > 100_000_000 {
                    return Err(crate::vm::error::PyErr::new(&types().exc.memory_error, ""));
                }
                return r.items();
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `*x` in a call or display: like `iterate`, with CPython's message.
    pub(crate) fn iterate_for_unpack(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        self.iterate(v).map_err(|e| {
            if e.is(&types().exc.type_error)
                && matches!(v, Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_))
            {
                type_error(format!("Value after * must be an iterable, not {}", v.type_name()))
            } else {
                e
            }
        })
    }

    /// `a, b = seq`: exactly `n` items.
    pub(crate) fn unpack_exact(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let it = self.get_iter(seq).map_err(|e| {
            if e.is(&types().exc.type_error) {
                type_error(format!("cannot unpack non-iterable {} object", seq.type_name()))
            } else {
                e
            }
        })?;
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.iter_next(&it)? {
                Some(v) => out.push(v),
                None => {
                    return Err(value_error(format!("not enough values to unpack (expected {n}, got {})", out.len())));
                }
            }
        }
        if self.iter_next(&it)?.is_some() {
            return Err(value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(out)
    }

    /// `a, *b, c = seq`.
    pub(crate) fn unpack_starred(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = self.iterate(seq).map_err(|e| {
            if e.is(&types().exc.type_error) {
                type_error(format!("cannot unpack non-iterable {} object", seq.type_name()))
            } else {
                e
            }
        })?;
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        out.push(Value::list(items[before..items.len() - after].to_vec()));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    /// `d.update(mapping)`; with `merge`, a repeated key is an error (`**`
    /// in a call to `callee`).
    pub fn dict_update(&mut self, d: &PyDict, mapping: &Value, merge: bool, callee: Option<&Value>) -> PyResult<()> {
        // CPython names the callee as `_PyObject_FunctionStr` does:
        // `module.qualname` unless the module is builtins.
        let fname = || -> String {
            let name = match callee {
                Some(c) => crate::runtime::special::callable_name(c),
                None => return "function".into(),
            };
            let func = match callee {
                Some(Value::BoundMethod(m)) => &m.func,
                Some(c) => c,
                None => return name,
            };
            match func {
                Value::Function(f) => match &f.module {
                    Value::Str(m) if m.as_str() != "builtins" => format!("{}.{name}", m.as_str()),
                    _ => name,
                },
                _ => name,
            }
        };
        let pairs: Vec<(Value, Value)> = match mapping {
            Value::Dict(m) => m.items(),
            other => {
                let keys_name = PyArc::new(crate::runtime::str::PyStr::new("keys".into()));
                if self.get_attr_or_none(other, &keys_name)?.is_none() {
                    if merge {
                        let name = fname();
                        return Err(type_error(format!(
                            "{name}() argument after ** must be a mapping, not {}",
                            other.type_name()
                        )));
                    }
                    return Err(type_error(format!("'{}' object is not a mapping", other.type_name())));
                }
                let keys = self.call_method(other, "keys", &[])?;
                let keys = self.iterate(&keys)?;
                let mut pairs = Vec::with_capacity(keys.len());
                for k in keys {
                    let v = self.get_item(other, &k)?;
                    pairs.push((k, v));
                }
                pairs
            }
        };
        for (k, v) in pairs {
            if merge {
                if !matches!(k, Value::Str(_)) {
                    let name = fname();
                    return Err(type_error(format!("{name}() keywords must be strings")));
                }
                if d.contains(self, &k)? {
                    let name = fname();
                    let key = self.str(&k)?;
                    return Err(type_error(format!("{name}() got multiple values for keyword argument '{key}'")));
                }
            }
            d.set(self, k, v)?;
        }
        Ok(())
    }
}

/// A snapshot of an iterator that calls Python, taken under its lock.
enum Step {
    Enumerate(Value, i64),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Sequence(Value, i64),
    Callable(Value, Value),
}

impl Vm {
    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(n) = super::fast_ops::container_len(v) {
            return Ok(n);
        }
        Ok(match v {
            Value::Range(r) => r.checked_len()? as usize,
            Value::Class(_) if super::attr::meta_hook(v, "__len__").is_none() => {
                return Err(type_error(format!("object of type '{}' has no len()", v.type_name())));
            }
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => match self.call_dunder(v, "__len__", &[])? {
                Some(Value::Int(n)) if n >= 0 => n as usize,
                Some(Value::Int(_)) => return Err(value_error("__len__() should return >= 0")),
                Some(Value::Bool(b)) => b as usize,
                Some(other) => {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    )));
                }
                None => {
                    return Err(type_error(format!("object of type '{}' has no len()", v.type_name())));
                }
            },
            _ => {
                return Err(type_error(format!("object of type '{}' has no len()", v.type_name())));
            }
        })
    }
}
