//! The methods of `str` and its constructor (those that split, strip,
//! partition, replace and translate are in `str_split.rs`; `bytes` is in
//! `bytes_methods.rs`).
//!
//! Indices given to and returned by these methods count code points, as
//! in Python; the text itself is UTF-8, so indices are converted with
//! `PyStr::byte_offset` (free for ASCII text).

use crate::runtime::pyarc::PyArc;

use super::args::{to_c_int, to_index};
use super::class::Class;
use super::function::{Args, NativeFn};
use super::memory;
use super::str::{PyBytes, PyStr};
use super::str_split::{
    str_lstrip, str_maketrans, str_partition, str_removeprefix, str_removesuffix, str_replace, str_rpartition,
    str_rsplit, str_rstrip, str_split, str_splitlines, str_strip, str_translate,
};
use super::value::Value;
use crate::vm::error::{overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

pub fn str_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    // `str(n)` and `str(s)`, the common cases, without the general route.
    if let ([x], []) = (args.pos, args.kw) {
        match x {
            Value::Int(i) => return Ok(Value::str(i.to_string())),
            Value::Str(_) => return Ok(x.clone()),
            _ => {}
        }
    }
    args.allow_kwargs("str", &["object", "encoding", "errors"])?;
    let Some(x) = args.get(0, "object") else {
        return Ok(Value::str(""));
    };
    if let (Value::Bytes(b), Some(_)) = (x, args.get(1, "encoding")) {
        return decode(&b.data, args.get(1, "encoding"), args.get(2, "errors"));
    }
    // Any other buffer (a bytearray, a memoryview, an array) decodes too.
    if args.get(1, "encoding").is_some()
        && let Some(d) = super::memoryview::buffer_bytes(vm, x)?.or_else(|| super::bytearray::bytes_like(x))
    {
        return decode(&d, args.get(1, "encoding"), args.get(2, "errors"));
    }
    vm.str_value(x)
}

/// `str(data, encoding, errors)`.
pub(super) fn decode(data: &[u8], encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Value> {
    let (enc, errors) = super::codec::names(encoding, errors)?;
    Ok(Value::str(super::codec::decode(data, &enc, &errors)?))
}

pub fn str_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", str_len as NativeFn),
        ("__contains__", str_contains),
        ("__getitem__", str_getitem),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__mod__", str_mod),
        ("__lt__", str_lt),
        ("__eq__", str_eq),
        ("__hash__", str_hash),
        ("capitalize", str_capitalize),
        ("casefold", str_casefold),
        ("center", str_center),
        ("count", str_count),
        ("encode", str_encode),
        ("endswith", str_endswith),
        ("expandtabs", str_expandtabs),
        ("find", str_find),
        ("format", str_format),
        ("format_map", str_format_map),
        ("index", str_index),
        ("isalnum", str_isalnum),
        ("isalpha", str_isalpha),
        ("isascii", str_isascii),
        ("isdecimal", str_isdecimal),
        ("isdigit", str_isdigit),
        ("isidentifier", str_isidentifier),
        ("islower", str_islower),
        ("isnumeric", str_isnumeric),
        ("isprintable", str_isprintable),
        ("isspace", str_isspace),
        ("istitle", str_istitle),
        ("isupper", str_isupper),
        ("join", str_join),
        ("ljust", str_ljust),
        ("lower", str_lower),
        ("lstrip", str_lstrip),
        ("maketrans", str_maketrans),
        ("partition", str_partition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("replace", str_replace),
        ("rfind", str_rfind),
        ("rindex", str_rindex),
        ("rjust", str_rjust),
        ("rpartition", str_rpartition),
        ("rsplit", str_rsplit),
        ("rstrip", str_rstrip),
        ("split", str_split),
        ("splitlines", str_splitlines),
        ("startswith", str_startswith),
        ("strip", str_strip),
        ("swapcase", str_swapcase),
        ("title", str_title),
        ("translate", str_translate),
        ("upper", str_upper),
        ("zfill", str_zfill),
    ]
}

/// `self` of a str method, with CPython's "descriptor requires" error.
pub(super) fn this<'a>(args: &'a Args, name: &str) -> PyResult<&'a PyArc<PyStr>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
        None => Err(type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

pub(super) fn arg_str<'a>(args: &'a Args, i: usize, method: &str) -> PyResult<&'a PyArc<PyStr>> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(type_error(format!("{method}() argument {i} must be str, not {}", other.type_name()))),
        None => Err(type_error(format!("{method}() takes at least {i} argument ({} given)", args.len() - 1))),
    }
}

pub(super) fn s(v: impl Into<String>) -> PyResult<Value> {
    Ok(Value::str(v.into()))
}

fn str_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args, "__len__")?.char_len() as i64))
}

fn str_contains(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = Value::Str(this(args, "__contains__")?.clone());
    let item = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&me, &item)?))
}

fn str_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = Value::Str(this(args, "__getitem__")?.clone());
    let key = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.get_item(&me, &key)
}

fn str_add(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = Value::Str(this(args, "__add__")?.clone());
    match args.pos.get(1) {
        Some(o @ Value::Str(_)) => vm.binary_op(crate::syntax::ast::BinOp::Add, &me, o),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_mul(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = Value::Str(this(args, "__mul__")?.clone());
    let n = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.binary_op(crate::syntax::ast::BinOp::Mul, &me, &n)
}

fn str_mod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__mod__")?.clone();
    let a = args.pos.get(1).cloned().unwrap_or(Value::None);
    s(super::format::percent_format(vm, me.as_str(), &a)?)
}

fn str_lt(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__lt__")?;
    match args.pos.get(1) {
        Some(Value::Str(o)) => Ok(Value::Bool(me.as_str() < o.as_str())),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_eq(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let me = this(args, "__eq__")?;
    match args.pos.get(1) {
        Some(Value::Str(o)) => Ok(Value::Bool(me.as_str() == o.as_str())),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_hash(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args, "__hash__")?.hash()))
}

fn str_capitalize(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "capitalize")?.as_str();
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars();
    if let Some(c) = chars.next() {
        out.extend(title_char(c));
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    s(out)
}

/// Title case of one character (CPython uses the titlecase mapping).
fn title_char(c: char) -> impl Iterator<Item = char> {
    let special = match c {
        'ǆ' | 'ǅ' | 'Ǆ' => Some('ǅ'),
        'ǉ' | 'ǈ' | 'Ǉ' => Some('ǈ'),
        'ǌ' | 'ǋ' | 'Ǌ' => Some('ǋ'),
        'ǳ' | 'ǲ' | 'Ǳ' => Some('ǲ'),
        _ => None,
    };
    let upper: Vec<char> = match special {
        Some(t) => vec![t],
        None => c.to_uppercase().collect(),
    };
    upper.into_iter()
}

fn fill_char(args: &Args, i: usize, method: &str) -> PyResult<char> {
    match args.pos.get(i) {
        None => Ok(' '),
        Some(Value::Str(f)) if f.char_len() == 1 => Ok(f.char_at(0)),
        Some(Value::Str(_)) => Err(type_error("The fill character must be exactly one character long")),
        Some(other) => Err(type_error(format!("{method}() argument 2 must be str, not {}", other.type_name()))),
    }
}

fn justify(vm: &mut Vm, args: &Args, method: &str, align: char) -> PyResult<Value> {
    let t = this(args, method)?.clone();
    args.between(method, 1, 2, args.len().saturating_sub(1))?;
    let width = to_index(vm, &args.pos[1])?;
    let fill = fill_char(args, 2, method)?;
    let len = t.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(t));
    }
    let n = (width - len) as usize;
    let (left, right) = match align {
        '<' => (0, n),
        '>' => (n, 0),
        // CPython's centering puts the extra fill on the right, except
        // when both the length and the padding are odd.
        _ => {
            let left = n / 2 + (n & width as usize & 1);
            (left, n - left)
        }
    };
    s(memory::padded(t.as_str(), fill, left, right)?)
}

fn str_center(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, "center", '^')
}

fn str_ljust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, "ljust", '<')
}

fn str_rjust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, "rjust", '>')
}

fn str_zfill(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "zfill")?.clone();
    args.exactly("zfill", 1, args.len().saturating_sub(1))?;
    let width = to_index(vm, &args.pos[1])?;
    let len = t.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(t));
    }
    let n = (width - len) as usize;
    let text = t.as_str();
    let mut out = memory::padded(text, '0', n, 0)?;
    // A sign moves in front of the zeros.
    if let Some(c @ ('+' | '-')) = text.chars().next() {
        out.replace_range(n..n + 1, "");
        out.insert(0, c);
    }
    s(out)
}

/// The (start, end) code point range given by optional arguments.
pub(super) fn range_args(vm: &mut Vm, args: &Args, first: usize, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| -> usize { if v < 0 { (v + len as i64).max(0) as usize } else { (v as usize).min(len) } };
    let start = match args.pos.get(first) {
        None | Some(Value::None) => 0,
        Some(v) => clamp(to_index(vm, v)?),
    };
    let end = match args.pos.get(first + 1) {
        None | Some(Value::None) => len,
        Some(v) => clamp(to_index(vm, v)?),
    };
    Ok((start, end))
}

/// Code point index of a byte offset.
pub(super) fn char_index(t: &PyStr, byte: usize) -> usize {
    if t.is_ascii() { byte } else { t.as_str()[..byte].chars().count() }
}

fn find_impl(vm: &mut Vm, args: &Args, method: &str, reverse: bool) -> PyResult<Option<usize>> {
    let t = this(args, method)?.clone();
    args.between(method, 1, 3, args.len().saturating_sub(1))?;
    let sub = arg_str(args, 1, method)?.clone();
    let (start, end) = range_args(vm, args, 2, t.char_len())?;
    if start > end {
        return Ok(None);
    }
    let (b0, b1) = (t.byte_offset(start), t.byte_offset(end));
    let hay = &t.as_str()[b0..b1];
    let found = if reverse { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    Ok(found.map(|b| char_index(&t, b0 + b)))
}

fn str_find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}

fn str_rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}

fn str_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_impl(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "count")?.clone();
    args.between("count", 1, 3, args.len().saturating_sub(1))?;
    let sub = arg_str(args, 1, "count")?.clone();
    let (start, end) = range_args(vm, args, 2, t.char_len())?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay = &t.as_str()[t.byte_offset(start)..t.byte_offset(end)];
    let n = if sub.as_str().is_empty() { hay.chars().count() + 1 } else { hay.matches(sub.as_str()).count() };
    Ok(Value::Int(n as i64))
}

fn affix_impl(vm: &mut Vm, args: &Args, method: &str, suffix: bool) -> PyResult<Value> {
    let t = this(args, method)?.clone();
    args.between(method, 1, 3, args.len().saturating_sub(1))?;
    let (start, end) = range_args(vm, args, 2, t.char_len())?;
    let hay = if start <= end { &t.as_str()[t.byte_offset(start)..t.byte_offset(end)] } else { "" };
    let check = |p: &str| if suffix { hay.ends_with(p) } else { hay.starts_with(p) } && start <= end;
    match &args.pos[1] {
        Value::Str(p) => Ok(Value::Bool(check(p.as_str()))),
        Value::Tuple(items) => {
            for it in items.items.iter() {
                match it {
                    Value::Str(p) => {
                        if check(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(type_error(format!(
                            "tuple for {method} must only contain str, not {}",
                            other.type_name()
                        )));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            Err(type_error(format!("{method} first arg must be str or a tuple of str, not {}", other.type_name())))
        }
    }
}

fn str_startswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", true)
}

pub(super) fn str_encode(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "encode")?;
    let (enc, errors) = super::codec::names(args.get(1, "encoding"), args.get(2, "errors"))?;
    Ok(Value::Bytes(PyArc::new(PyBytes::new(super::codec::encode(t.as_str(), &enc, &errors)?))))
}

fn str_expandtabs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "expandtabs")?.clone();
    let size = match args.get(1, "tabsize") {
        Some(v) => i64::from(to_c_int(vm, v)?),
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in t.as_str().chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    memory::push_repeated(&mut out, ' ', n as usize)?;
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(out)
}

fn str_format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "format")?.clone();
    s(super::format::str_format(vm, t.as_str(), args.rest(), args.kw)?)
}

fn str_format_map(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "format_map")?.clone();
    let Some(Value::Dict(d)) = args.pos.get(1) else {
        return Err(type_error("format_map() argument must be a dict"));
    };
    let kw: Vec<(PyArc<PyStr>, Value)> = d
        .items()
        .into_iter()
        .filter_map(|(k, v)| match k {
            Value::Str(k) => Some((k, v)),
            _ => None,
        })
        .collect();
    s(super::format::str_format(vm, t.as_str(), &[], &kw)?)
}

fn predicate(args: &Args, name: &str, empty: bool, f: impl Fn(char) -> bool) -> PyResult<Value> {
    let t = this(args, name)?;
    let text = t.as_str();
    if text.is_empty() {
        return Ok(Value::Bool(empty));
    }
    Ok(Value::Bool(text.chars().all(f)))
}

fn str_isalnum(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isalnum", false, |c| c.is_alphanumeric())
}

fn str_isalpha(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isalpha", false, |c| c.is_alphabetic())
}

fn str_isascii(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isascii", true, |c| c.is_ascii())
}

fn str_isdecimal(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isdecimal", false, |c| c.is_ascii_digit() || is_unicode_decimal(c))
}

fn is_unicode_decimal(c: char) -> bool {
    matches!(c as u32, 0x660..=0x669 | 0x6f0..=0x6f9 | 0x966..=0x96f | 0xff10..=0xff19)
}

fn str_isdigit(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isdigit", false, |c| {
        c.is_ascii_digit() || is_unicode_decimal(c) || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '₀'..='₉')
    })
}

fn str_isnumeric(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isnumeric", false, |c| c.is_numeric())
}

fn str_isidentifier(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "isidentifier")?.as_str();
    let mut chars = t.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    Ok(Value::Bool(ok))
}

fn cased(args: &Args, name: &str, want_lower: bool) -> PyResult<Value> {
    let t = this(args, name)?.as_str();
    let mut any = false;
    for c in t.chars() {
        if c.is_lowercase() {
            if !want_lower {
                return Ok(Value::Bool(false));
            }
            any = true;
        } else if c.is_uppercase() {
            if want_lower {
                return Ok(Value::Bool(false));
            }
            any = true;
        }
    }
    Ok(Value::Bool(any))
}

fn str_islower(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    cased(args, "islower", true)
}

fn str_isupper(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    cased(args, "isupper", false)
}

fn str_isprintable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isprintable", true, crate::vm::convert::is_printable)
}

fn str_isspace(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, "isspace", false, |c| c.is_whitespace() || matches!(c, '\x1c'..='\x1f'))
}

fn str_istitle(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "istitle")?.as_str();
    let mut prev_cased = false;
    let mut any = false;
    for c in t.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn str_join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let sep = this(args, "join")?.clone();
    args.exactly("str.join", 1, args.len().saturating_sub(1))?;
    let items = vm.iterate(&args.pos[1])?;
    // The size is known before anything is copied: one allocation, and a
    // result too big to store is an exception rather than an abort.
    let mut total = sep.as_str().len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(p) => total = total.saturating_add(p.as_str().len()),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )));
            }
        }
    }
    if total > isize::MAX as usize {
        return Err(overflow_error("join() result is too long for a Python string"));
    }
    let mut out = memory::string_with_capacity(total)?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(p) = it {
            out.push_str(p.as_str());
        }
    }
    s(out)
}

fn str_lower(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "lower")?;
    // ASCII text needs no Unicode tables.
    s(if t.is_ascii() { t.as_str().to_ascii_lowercase() } else { t.as_str().to_lowercase() })
}

/// Full case folding, approximated per character as lower(upper(c)):
/// that gives CPython's foldings (`ß` -> `ss`, final sigma, ligatures,
/// the Kelvin sign) without a folding table of our own.
fn str_casefold(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "casefold")?;
    if t.is_ascii() {
        return s(t.as_str().to_ascii_lowercase());
    }
    let mut out = String::with_capacity(t.as_str().len());
    for c in t.as_str().chars() {
        match c {
            // The exceptions to the rule: dotless i folds to itself, capital
            // sharp s to "ss", Cherokee to its capitals.
            '\u{131}' => out.push(c),
            '\u{1e9e}' => out.push_str("ss"),
            '\u{13a0}'..='\u{13ff}' | '\u{ab70}'..='\u{abbf}' => out.extend(c.to_uppercase()),
            _ => {
                for u in c.to_uppercase() {
                    out.extend(u.to_lowercase());
                }
            }
        }
    }
    s(out)
}

fn str_upper(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "upper")?;
    s(if t.is_ascii() { t.as_str().to_ascii_uppercase() } else { t.as_str().to_uppercase() })
}

fn str_swapcase(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "swapcase")?.as_str();
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    s(out)
}

fn str_title(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "title")?.as_str();
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for c in t.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(title_char(c));
        }
        prev_cased = c.is_alphabetic() && (c.is_lowercase() || c.is_uppercase() || !c.is_ascii());
        if !c.is_alphabetic() {
            prev_cased = false;
        }
    }
    s(out)
}
