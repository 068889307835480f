//! Conversions every object supports: `repr`, `str`, `ascii`, `hash`,
//! `format`, and the REPL's echo.

use super::error::{type_error, value_error};
use super::recursion::Recursing;
use super::{PyResult, Vm};
use crate::bytecode::op::format as fmt_flags;
use crate::runtime::class::ClassFlags;
use crate::runtime::numeric::{hash_bigint, hash_float, hash_int};
use crate::runtime::value::Value;
use num_traits::ToPrimitive as _;

/// CPython's default limit on int <-> decimal string conversion.
pub const INT_MAX_STR_DIGITS: usize = 4300;

impl Vm {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_to(v, &mut out)?;
        Ok(out)
    }

    /// Appends `repr(v)` to `out`: nested containers write into one buffer,
    /// so the repr of a deep nesting costs its length, not its length times
    /// its depth. Anything but an immediate or a str is one level of
    /// recursion (`recursion.rs`).
    pub fn repr_to(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        match v {
            Value::None | Value::Undef => out.push_str("None"),
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&crate::runtime::float::repr(*f)),
            Value::Str(s) => out.push_str(&repr_str(s.as_str())),
            _ => {
                self.enter(Recursing::Repr)?;
                let r = self.repr_object(v, out);
                self.leave();
                r?;
            }
        }
        Ok(())
    }

    fn repr_object(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        match v {
            Value::BigInt(b) => out.push_str(&self.bigint_to_string(b)?),
            Value::Instance(_) | Value::Native(_) => self.repr_by_dunder(v, out)?,
            Value::Class(_) if super::attr::meta_hook(v, "__repr__").is_some() => self.repr_by_dunder(v, out)?,
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_) => {
                return self.repr_container(v, out);
            }
            _ => out.push_str(&crate::runtime::special::repr_builtin(self, v)?),
        }
        Ok(())
    }

    /// `repr(v)` by its type's `__repr__`.
    fn repr_by_dunder(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        match self.call_dunder(v, "__repr__", &[])? {
            Some(Value::Str(s)) => out.push_str(s.as_str()),
            Some(other) => {
                return Err(type_error(format!("__repr__ returned non-string (type {})", other.type_name())));
            }
            None => out.push_str(&default_repr(v)),
        }
        Ok(())
    }

    /// Containers, with `[...]` for a container inside itself.
    fn repr_container(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        let id = v.ptr().unwrap_or(0);
        if !self.repr_guard.insert(id) {
            out.push_str(match v {
                Value::List(_) => "[...]",
                Value::Dict(_) => "{...}",
                _ => "...",
            });
            return Ok(());
        }
        let r = self.repr_container_inner(v, out);
        self.repr_guard.remove(&id);
        r
    }

    fn repr_container_inner(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        let join = |vm: &mut Vm, items: &[Value], out: &mut String| -> PyResult<()> {
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                vm.repr_to(x, out)?;
            }
            Ok(())
        };
        match v {
            Value::List(l) => {
                let items = l.snapshot();
                out.push('[');
                join(self, &items, out)?;
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                join(self, &t.items, out)?;
                out.push_str(if t.len() == 1 { ",)" } else { ")" });
            }
            Value::Dict(d) => {
                out.push('{');
                for (i, (k, val)) in d.items().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_to(k, out)?;
                    out.push_str(": ");
                    self.repr_to(val, out)?;
                }
                out.push('}');
            }
            Value::Set(st) => {
                let items = st.items();
                if items.is_empty() {
                    out.push_str("set()");
                } else {
                    out.push('{');
                    join(self, &items, out)?;
                    out.push('}');
                }
            }
            Value::FrozenSet(st) => {
                let items = st.items();
                if items.is_empty() {
                    out.push_str("frozenset()");
                } else {
                    out.push_str("frozenset({");
                    join(self, &items, out)?;
                    out.push_str("})");
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Class(_) if super::attr::meta_hook(v, "__str__").is_none() => self.repr(v),
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => {
                self.enter(Recursing::Str)?;
                let r = self.call_dunder(v, "__str__", &[]);
                self.leave();
                match r? {
                    Some(Value::Str(s)) => Ok(s.as_str().to_string()),
                    Some(other) => Err(type_error(format!("__str__ returned non-string (type {})", other.type_name()))),
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a value, reusing the object when it already is a str.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            _ => Ok(Value::str(self.str(v)?)),
        }
    }

    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(ascii_escape(&r))
    }

    pub fn bigint_to_string(&self, b: &num_bigint::BigInt) -> PyResult<String> {
        self.check_int_digits(b)?;
        let s = b.to_string();
        let limit = self.shared.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
        let digits = s.trim_start_matches('-').len();
        if limit > 0 && digits > limit {
            return Err(int_digits_error(limit));
        }
        Ok(s)
    }

    /// CPython's early check before an int is written in decimal (str,
    /// repr, `%d`, `format(n, 'd')`): an int whose bit length alone shows
    /// it has more digits than `sys.get_int_max_str_digits()` is refused
    /// without converting it (the conversion is quadratic). Ints near the
    /// limit pass and are checked exactly after conversion.
    pub fn check_int_digits(&self, b: &num_bigint::BigInt) -> PyResult<()> {
        let limit = self.shared.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
        // A b-bit int has at least floor((b - 1) * log10(2)) + 1 digits.
        let bits = b.bits();
        if limit > 0 && bits > 0 && ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1 > limit as u64 {
            return Err(int_digits_error(limit));
        }
        Ok(())
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash_int(*i),
            Value::Str(s) => s.hash(),
            Value::Bool(b) => *b as i64,
            Value::None | Value::Undef => 0x5f5e_1000,
            Value::Float(f) => hash_float(*f),
            Value::BigInt(b) => hash_bigint(b),
            Value::Bytes(b) => b.hash(),
            Value::Tuple(t) => {
                let mut lanes = Vec::with_capacity(t.len());
                for x in t.items.iter() {
                    // Only a nested tuple recurses here (instances recurse
                    // through their `__hash__` frame, which counts itself).
                    let h = if matches!(x, Value::Tuple(_)) {
                        self.nested(Recursing::Other, |vm| vm.hash(x))?
                    } else {
                        self.hash(x)?
                    };
                    lanes.push(h);
                }
                tuple_hash(&lanes)
            }
            Value::FrozenSet(s) => frozenset_hash(&s.hashed_items()),
            // CPython's: the hash of (len, start, step), with None for what
            // does not matter to equality (a start of no items, a step of
            // one item).
            Value::Range(r) => {
                let len = r.big_len();
                let (start, _, step) = r.bounds();
                let none = self.hash(&Value::None)?;
                let lanes = match len.to_u8() {
                    Some(0) => [hash_int(0), none, none],
                    Some(1) => [hash_int(1), hash_bigint(&start), none],
                    _ => [hash_bigint(&len), hash_bigint(&start), hash_bigint(&step)],
                };
                tuple_hash(&lanes)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(type_error(format!("unhashable type: '{}'", v.type_name())));
            }
            Value::Instance(i) => {
                let cls = i.class_ref();
                if cls.has_flag(ClassFlags::UNHASHABLE) {
                    return Err(type_error(format!("unhashable type: '{}'", v.type_name())));
                }
                if cls.has_flag(ClassFlags::HASH) {
                    return match self.call_dunder(v, "__hash__", &[])? {
                        Some(Value::Int(h)) => Ok(if h == -1 { -2 } else { hash_int(h) }),
                        Some(Value::Bool(b)) => Ok(b as i64),
                        Some(Value::BigInt(b)) => Ok(hash_bigint(&b)),
                        _ => Err(type_error("__hash__ method should return an integer")),
                    };
                }
                // A subclass of str, int... hashes as its value (equal to it).
                if let Some(base) = i.base_value() {
                    return self.hash(&base.clone());
                }
                identity_hash(v)
            }
            // Consistent with `==` on bound methods (same receiver, equal function).
            Value::BoundMethod(m) => identity_hash(&m.receiver) ^ self.hash(&m.func)?,
            Value::Native(_) if let Some(c) = crate::runtime::complex::as_complex(v) => {
                crate::runtime::complex::hash(c)
            }
            // A Rust object whose class defines its own hash (a weak
            // reference hashes as its referent).
            Value::Native(n) if let Some(h) = n.class().dict.get_item_str("__hash__") => {
                match self.call(&h, std::slice::from_ref(v))? {
                    Value::Int(h) => h,
                    _ => return Err(type_error("__hash__ method should return an integer")),
                }
            }
            _ => identity_hash(v),
        })
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        // Decimal presentations ('d', 'n', none) are bound by the digit limit.
        if let Value::BigInt(b) = v
            && !spec.ends_with(|c: char| c.is_ascii_alphabetic() && c != 'd' && c != 'n')
        {
            let s = self.bigint_to_string(b)?;
            if spec.is_empty() {
                return Ok(s);
            }
        }
        if let Some(r) = crate::runtime::format::format_builtin(v, spec) {
            return r;
        }
        if let Value::Instance(i) = v
            && let Some(f @ Value::Function(_)) = i.class_ref().lookup_str("__format__")
        {
            return match self.call(&f, &[v.clone(), Value::str(spec)])? {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(type_error(format!("__format__ must return a str, not {}", other.type_name()))),
            };
        }
        if spec.is_empty() {
            return self.str(v);
        }
        // A subclass of int, str... formats its value.
        if let Value::Instance(i) = v
            && let Some(base) = i.base_value()
        {
            return self.format(&base.clone(), spec);
        }
        Err(type_error(format!("unsupported format string passed to {}.__format__", v.type_name())))
    }

    /// f-string field: conversion, then format spec.
    pub(crate) fn format_value(&mut self, v: Value, flags: u8, spec: Option<Value>) -> PyResult<Value> {
        let v = match flags & fmt_flags::CONVERSION_MASK {
            fmt_flags::STR => self.str_value(&v)?,
            fmt_flags::REPR => Value::str(self.repr(&v)?),
            fmt_flags::ASCII => Value::str(self.ascii(&v)?),
            _ => v,
        };
        let spec = match &spec {
            Some(Value::Str(s)) => s.as_str(),
            _ => "",
        };
        if spec.is_empty()
            && let Value::Str(_) = v
        {
            return Ok(v);
        }
        Ok(Value::str(self.format(&v, spec)?))
    }

    /// The REPL's echo: `repr` of non-None values, kept in `builtins._`.
    pub(crate) fn print_expr(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(&v)?;
        self.shared.builtins.set_item_str("_", v);
        self.write_stdout(&format!("{r}\n"))
    }
}

/// `<module.Class object at 0x...>`, or what a native object says of
/// itself (`NativeObject::repr`).
pub fn default_repr(v: &Value) -> String {
    if let Value::Native(n) = v
        && let Some(r) = n.0.repr()
    {
        return r;
    }
    let cls = v.class();
    let module = match &*cls.module.lock() {
        Value::Str(s) if s.as_str() != "builtins" => format!("{}.", s.as_str()),
        _ => String::new(),
    };
    format!("<{module}{} object at {:#x}>", cls.qualname().as_str(), v.id())
}

/// CPython's xxHash-based tuple hash, from the items' hashes.
pub fn tuple_hash(lanes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &lane in lanes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((lanes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX { 1546275796 } else { acc as i64 }
}

/// The hash of a value whose hash needs no Python code (numbers, strings,
/// bytes, None, tuples of those), as the compiler needs for constants.
pub fn constant_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => *b as i64,
        Value::Float(f) => hash_float(*f),
        Value::BigInt(b) => hash_bigint(b),
        Value::Str(s) => s.hash(),
        Value::Bytes(b) => b.hash(),
        Value::Tuple(t) => {
            let lanes: Option<Vec<i64>> = t.items.iter().map(constant_hash).collect();
            tuple_hash(&lanes?)
        }
        _ => return None,
    })
}

fn identity_hash(v: &Value) -> i64 {
    let id = v.id() as u64;
    id.rotate_right(4) as i64
}

/// CPython's frozenset hash (order independent).
fn frozenset_hash(items: &[(i64, Value)]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for (h, _) in items {
        hash ^= shuffle(*h as u64);
    }
    hash ^= ((items.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX { 590923713 } else { hash as i64 }
}

/// `repr()` of a str, choosing quotes and escapes as CPython does.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Unicode "printable" as `str.isprintable` sees it (approximately: not
/// control, format, separator or unassigned-looking characters).
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f | 0x202a..=0x202e
        | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xd800..=0xdfff
        | 0xe000..=0xf8ff | 0xf0000..=0x10ffff | 0xfffe | 0xffff)
}

/// Escapes non-ASCII characters of a repr (`ascii()`).
pub fn ascii_escape(r: &str) -> String {
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// CPython's error for an int with more decimal digits than the limit.
fn int_digits_error(limit: usize) -> crate::vm::PyErr {
    value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_reprs() {
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr_str("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(repr_str("中文"), "'中文'");
        assert_eq!(repr_str("\u{0}"), "'\\x00'");
        assert_eq!(ascii_escape("'é'"), "'\\xe9'");
    }
}
