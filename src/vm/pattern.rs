//! The structural tests of the `match` statement: `MatchSequence`,
//! `MatchMapping` and `MatchClass` (see `bytecode/op.rs` for their stack
//! effects and `compiler/pattern.rs` for how they are used). Each one
//! pushes what the sub-patterns need and `True`, or only `False`.
//!
//! User code they reach (`__len__`/`__getitem__` of a list subclass,
//! properties and `__getattr__` read by a class pattern, `__eq__` of keys,
//! `__instancecheck__`) runs through the VM's ordinary helpers
//! (`len`, `get_item`, `get_attr_opt`, `call`), as the other instructions
//! that call user code do, so the recursion limit applies.

use super::error::type_error;
use super::exec::Flow;
use super::{PyResult, Vm};
use crate::bytecode::{Code, Op};
use crate::modules::builtins::functions::isinstance_of;
use crate::runtime::class::Class;
use crate::runtime::dict::PyDict;
use crate::runtime::pyarc::PyArc;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    /// Executes one of the pattern instructions (see the module docs).
    pub(super) fn exec_pattern(&mut self, op: Op, code: &Code) -> PyResult<Flow> {
        let found = match op {
            Op::MatchSequence(len, star) => {
                let subject = self.stack.pop().unwrap_or_default();
                self.match_sequence(&subject, len as usize, star)?
            }
            Op::MatchMapping(n, rest) => {
                let keys = self.stack.split_off(self.stack.len() - n as usize);
                let subject = self.stack.pop().unwrap_or_default();
                self.match_mapping(&subject, &keys, rest)?
            }
            Op::MatchClass(npos, names) => {
                let cls = self.stack.pop().unwrap_or_default();
                let subject = self.stack.pop().unwrap_or_default();
                let names = match code.consts.get(names as usize) {
                    Some(Value::Tuple(t)) => t.items.to_vec(),
                    _ => Vec::new(),
                };
                self.match_class(&subject, &cls, npos as usize, &names)?
            }
            _ => unreachable!("not a pattern instruction: {op:?}"),
        };
        match found {
            Some(items) => {
                self.stack.extend(items.into_iter().rev());
                self.stack.push(Value::Bool(true));
            }
            None => self.stack.push(Value::Bool(false)),
        }
        Ok(Flow::Next)
    }

    fn match_sequence(&mut self, subject: &Value, len: usize, star: u16) -> PyResult<Option<Vec<Value>>> {
        let items = match subject {
            Value::List(l) => l.lock().clone(),
            Value::Tuple(t) => t.items.to_vec(),
            _ if is_sequence(subject) => {
                let n = self.len(subject)?;
                if !length_fits(n, len, star) {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(n);
                for i in 0..n {
                    items.push(self.get_item(subject, &Value::Int(i as i64))?);
                }
                items
            }
            _ => return Ok(None),
        };
        if !length_fits(items.len(), len, star) {
            return Ok(None);
        }
        if star == u16::MAX {
            return Ok(Some(items));
        }
        let star = star as usize;
        let after = len - star - 1;
        let mut items = items;
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(star);
        items.push(Value::list(middle));
        items.extend(tail);
        Ok(Some(items))
    }

    fn match_mapping(&mut self, subject: &Value, keys: &[Value], rest: bool) -> PyResult<Option<Vec<Value>>> {
        let d = match subject {
            Value::Dict(d) => d.clone(),
            Value::Instance(i) => match i.base_value() {
                Some(Value::Dict(d)) => d.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        if d.len() < keys.len() {
            return Ok(None);
        }
        let mut values = Vec::with_capacity(keys.len() + rest as usize);
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    let r = self.repr(k)?;
                    return Err(super::error::value_error(format!("mapping pattern checks duplicate key ({r})")));
                }
            }
            match d.get(self, k)? {
                Some(v) => values.push(v),
                None => return Ok(None),
            }
        }
        if rest {
            let others = PyDict::new();
            for (k, v) in d.items() {
                let mut matched = false;
                for key in keys {
                    if self.eq(&k, key)? {
                        matched = true;
                        break;
                    }
                }
                if !matched {
                    others.set(self, k, v)?;
                }
            }
            values.push(Value::new_dict(others));
        }
        Ok(Some(values))
    }

    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        npos: usize,
        kw_names: &[Value],
    ) -> PyResult<Option<Vec<Value>>> {
        let Value::Class(c) = cls else {
            return Err(type_error("called match pattern must be a type"));
        };
        if !isinstance_of(self, subject, cls)? {
            return Ok(None);
        }
        let mut attrs = Vec::with_capacity(npos + kw_names.len());
        let mut names: Vec<Value> = Vec::with_capacity(npos + kw_names.len());
        if npos > 0 {
            let key = PyArc::new(PyStr::new("__match_args__".to_string()));
            let match_args = self.get_attr_or_none(cls, &key)?;
            let allowed = match &match_args {
                None if matches_self(c) => {
                    attrs.push(subject.clone());
                    1
                }
                None => 0,
                Some(Value::Tuple(t)) => t.len(),
                Some(other) => {
                    let msg = format!("{}.__match_args__ must be a tuple (got {})", c.name.as_str(), other.type_name());
                    return Err(type_error(msg));
                }
            };
            if npos > allowed {
                let s = if allowed == 1 { "" } else { "s" };
                let msg = format!("{}() accepts {allowed} positional sub-pattern{s} ({npos} given)", c.name.as_str());
                return Err(type_error(msg));
            }
            if let Some(Value::Tuple(t)) = &match_args {
                for name in t.items.iter().take(npos) {
                    if !matches!(name, Value::Str(_)) {
                        let msg = format!("__match_args__ elements must be strings (got {})", name.type_name());
                        return Err(type_error(msg));
                    }
                    names.push(name.clone());
                }
            }
        }
        names.extend(kw_names.iter().cloned());
        for (i, name) in names.iter().enumerate() {
            let Value::Str(s) = name else { continue };
            if names[..i].iter().any(|n| matches!(n, Value::Str(o) if o.as_str() == s.as_str())) {
                let msg = format!("{}() got multiple sub-patterns for attribute '{}'", c.name.as_str(), s.as_str());
                return Err(type_error(msg));
            }
            match self.get_attr_or_none(subject, s)? {
                Some(v) => attrs.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(attrs))
    }
}

/// Can a sequence of `n` items match `len` sub-patterns?
fn length_fits(n: usize, len: usize, star: u16) -> bool {
    if star == u16::MAX { n == len } else { n + 1 >= len }
}

/// What a sequence pattern accepts besides lists and tuples: ranges and
/// subclasses of the three (`collections.abc.Sequence` in CPython, minus
/// the text and bytes types it excludes).
fn is_sequence(v: &Value) -> bool {
    let t = types();
    match v {
        Value::Range(_) => true,
        Value::Instance(i) => {
            let c = i.class_ref();
            [&t.list_type, &t.tuple_type, &t.range_type].iter().any(|b| c.is_subclass(b))
        }
        _ => false,
    }
}

/// The builtin types whose class pattern takes the subject itself as its
/// one positional sub-pattern (`int(x)`), and their subclasses.
fn matches_self(c: &Class) -> bool {
    let t = types();
    [
        &t.bool_type,
        &t.bytearray_type,
        &t.bytes_type,
        &t.dict_type,
        &t.float_type,
        &t.frozenset_type,
        &t.int_type,
        &t.list_type,
        &t.set_type,
        &t.str_type,
        &t.tuple_type,
    ]
    .iter()
    .any(|b| c.is_subclass(b))
}
