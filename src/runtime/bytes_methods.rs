//! The methods of `bytes`, and those `bytearray` shares with it.
//!
//! Every shared method reads its receiver's bytes (a bytes value or a
//! bytearray) and builds results of the receiver's type, as CPython does:
//! `bytearray(b'a b').split()` gives bytearrays.

use crate::runtime::pyarc::PyArc;

use super::args::to_index;
use super::bytearray::{byte_value, bytes_from, bytes_like, new_bytearray};
use super::class::Class;
use super::function::{Args, NativeFn};
use super::memory;
use super::str::PyBytes;
use super::value::Value;
use crate::vm::error::{type_error, value_error};
use crate::vm::{PyResult, Vm};

/// Which type a method was called on, so results can be of that type.
#[derive(Clone, Copy)]
enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    fn make(self, data: Vec<u8>) -> Value {
        match self {
            Kind::Bytes => Value::Bytes(PyArc::new(PyBytes::new(data))),
            Kind::ByteArray => new_bytearray(data),
        }
    }

    /// CPython's length limit on a new bytes object (bytearray has none
    /// beyond memory).
    fn check_len(self, n: usize) -> PyResult<()> {
        match self {
            Kind::Bytes => memory::check_bytes_len(n),
            Kind::ByteArray => Ok(()),
        }
    }
}

/// The receiver's type and bytes.
fn recv(args: &Args) -> PyResult<(Kind, Vec<u8>)> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => Ok((Kind::Bytes, b.data.to_vec())),
        Some(v) => match bytes_like(v) {
            Some(d) => Ok((Kind::ByteArray, d)),
            None => Err(type_error(format!("descriptor requires a 'bytes' object but received '{}'", v.type_name()))),
        },
        None => Err(type_error("descriptor needs an argument")),
    }
}

/// A bytes-like argument.
fn bytes_arg(args: &Args, i: usize) -> PyResult<Vec<u8>> {
    match args.pos.get(i) {
        Some(v) => {
            bytes_like(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
        }
        None => Err(type_error("function missing required argument")),
    }
}

/// A needle for find/count/index/`in`: bytes-like or a byte value.
fn needle(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Vec<u8>> {
    match args.pos.get(i) {
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(vec![byte_value(vm, v)?]),
        Some(v) => bytes_like(v).ok_or_else(|| {
            type_error(format!("argument should be integer or bytes-like object, not '{}'", v.type_name()))
        }),
        None => Err(type_error("function missing required argument")),
    }
}

pub fn bytes_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("bytes", &["source", "encoding", "errors"])?;
    let data = match (args.get(0, "source"), args.get(1, "encoding")) {
        (None, _) => Vec::new(),
        (Some(Value::Bytes(_)), None) => return Ok(args.pos[0].clone()),
        (Some(Value::Str(s)), Some(_)) => {
            let (enc, errors) = super::codec::names(args.get(1, "encoding"), args.get(2, "errors"))?;
            super::codec::encode(s.as_str(), &enc, &errors)?
        }
        (Some(_), Some(_)) => return Err(type_error("encoding without a string argument")),
        (Some(x), None) => {
            if let Value::Int(n) = x
                && *n > 0
            {
                memory::check_bytes_len(*n as usize)?;
            }
            bytes_from(vm, x)?
        }
    };
    Ok(Value::Bytes(PyArc::new(PyBytes::new(data))))
}

/// The methods of `bytes` alone.
pub fn bytes_methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![("__len__", bytes_len as NativeFn), ("fromhex", bytes_fromhex)];
    v.extend(shared_methods());
    v
}

/// The methods of both `bytes` and `bytearray`.
pub fn shared_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("decode", b_decode as NativeFn),
        ("hex", b_hex),
        ("upper", b_upper),
        ("lower", b_lower),
        ("swapcase", b_swapcase),
        ("capitalize", b_capitalize),
        ("title", b_title),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("join", b_join),
        ("replace", b_replace),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isascii", b_isascii),
        ("isdigit", b_isdigit),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("isspace", b_isspace),
    ]
}

/// The first position of `needle` in `hay` at or after `from`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn bytes_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(recv(args)?.1.len() as i64))
}

/// `bytes.fromhex(s)`: a class method, so a receiver is dropped.
fn bytes_fromhex(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let text = match args.pos {
        [Value::Str(s)] | [_, Value::Str(s)] => s.as_str().to_string(),
        [.., other] => {
            return Err(type_error(format!("fromhex() argument must be str, not {}", other.type_name())));
        }
        [] => return Err(type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => return Err(bad_hex(i)),
            (Some(_), _) => return Err(bad_hex(i + 1)),
        }
        i += 2;
    }
    Ok(Value::Bytes(PyArc::new(PyBytes::new(out))))
}

fn bad_hex(at: usize) -> crate::vm::PyErr {
    value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}"))
}

fn b_decode(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (_, data) = recv(args)?;
    let (enc, errors) = super::codec::names(args.get(1, "encoding"), args.get(2, "errors"))?;
    Ok(Value::str(super::codec::decode(&data, &enc, &errors)?))
}

fn b_hex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (_, data) = recv(args)?;
    args.allow_kwargs("hex", &["sep", "bytes_per_sep"])?;
    hex_text(vm, args, &data)
}

/// `hex(sep=None, bytes_per_sep=1)` of `data`, for bytes, bytearray and
/// memoryview (`args` as the method got them, receiver first): two digits
/// a byte, a one-character ASCII separator every `bytes_per_sep` bytes
/// counted from the right (from the left when negative).
pub fn hex_text(vm: &mut Vm, args: &Args, data: &[u8]) -> PyResult<Value> {
    let sep = match args.get(1, "sep") {
        None => None,
        Some(v) => {
            let text = match v {
                Value::Str(s) => s.as_str().to_string(),
                other => match bytes_like(other) {
                    Some(b) => b.iter().map(|&c| c as char).collect(),
                    None => return Err(type_error(format!("object of type '{}' has no len()", other.type_name()))),
                },
            };
            if text.chars().count() != 1 {
                return Err(value_error("sep must be length 1."));
            }
            if !text.is_ascii() {
                return Err(value_error("sep must be ASCII."));
            }
            Some(text)
        }
    };
    let per = match args.get(2, "bytes_per_sep") {
        Some(v) => super::args::to_c_int(vm, v)? as i64,
        None => 1,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !data.is_empty()) else {
        return Ok(Value::str(digits.concat()));
    };
    let group = per.unsigned_abs() as usize;
    let groups: Vec<String> = if per > 0 {
        let first = data.len() % group;
        let mut out = Vec::new();
        if first > 0 {
            out.push(digits[..first].concat());
        }
        out.extend(digits[first..].chunks(group).map(|c| c.concat()));
        out
    } else {
        digits.chunks(group).map(|c| c.concat()).collect()
    };
    Ok(Value::str(groups.join(&sep)))
}

fn map_bytes(args: &Args, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (kind, data) = recv(args)?;
    Ok(kind.make(f(&data)))
}

fn b_upper(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_bytes(args, |d| d.to_ascii_uppercase())
}

fn b_lower(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_bytes(args, |d| d.to_ascii_lowercase())
}

fn b_swapcase(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_bytes(args, |d| {
        d.iter()
            .map(|&b| if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}

fn b_capitalize(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_bytes(args, |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}

fn b_title(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    map_bytes(args, |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let out = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev_cased = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn strip(args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let set: Vec<u8> = match args.pos.get(1) {
        None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(_) => bytes_arg(args, 1)?,
    };
    let start = if left { d.iter().position(|x| !set.contains(x)).unwrap_or(d.len()) } else { 0 };
    let end = if right { d.iter().rposition(|x| !set.contains(x)).map_or(start, |p| p + 1) } else { d.len() };
    Ok(kind.make(d[start..end.max(start)].to_vec()))
}

fn b_strip(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip(args, true, true)
}

fn b_lstrip(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip(args, true, false)
}

fn b_rstrip(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip(args, false, true)
}

/// startswith/endswith: a bytes-like prefix or a tuple of them.
fn affix(args: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let (_, d) = recv(args)?;
    let test = |p: &[u8]| if suffix { d.ends_with(p) } else { d.starts_with(p) };
    match args.pos.get(1) {
        Some(Value::Tuple(t)) => {
            for item in t.items.iter() {
                let p = bytes_like(item).ok_or_else(|| {
                    type_error(format!("a bytes-like object is required, not '{}'", item.type_name()))
                })?;
                if test(&p) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        Some(v) => match bytes_like(v) {
            Some(p) => Ok(Value::Bool(test(&p))),
            None => {
                Err(type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", v.type_name())))
            }
        },
        None => Err(type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

fn b_startswith(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix(args, "startswith", false)
}

fn b_endswith(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    affix(args, "endswith", true)
}

/// The `[start[, end]]` window of find/count/index, clamped.
fn window(vm: &mut Vm, args: &Args, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| -> usize {
        let n = len as i64;
        (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize
    };
    let start = match args.pos.get(2) {
        Some(Value::None) | None => 0,
        Some(v) => clamp(to_index(vm, v)?),
    };
    let end = match args.pos.get(3) {
        Some(Value::None) | None => len,
        Some(v) => clamp(to_index(vm, v)?),
    };
    Ok((start, end.max(start)))
}

fn find_impl(vm: &mut Vm, args: &Args, reverse: bool) -> PyResult<Option<usize>> {
    let (_, d) = recv(args)?;
    let n = needle(vm, args, 1)?;
    let (start, end) = window(vm, args, d.len())?;
    let hay = &d[start..end];
    Ok(if reverse { rfind(hay, &n) } else { find(hay, &n, 0) }.map(|p| p + start))
}

fn b_find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, false)?.map_or(-1, |p| p as i64)))
}

fn b_rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, true)?.map_or(-1, |p| p as i64)))
}

fn b_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (_, d) = recv(args)?;
    let n = needle(vm, args, 1)?;
    let (start, end) = window(vm, args, d.len())?;
    let hay = &d[start..end];
    if n.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut count, mut i) = (0, 0);
    while let Some(p) = find(hay, &n, i) {
        count += 1;
        i = p + n.len();
    }
    Ok(Value::Int(count))
}

/// `sep` (None for runs of whitespace) and `maxsplit` of split/rsplit.
fn split_args(vm: &mut Vm, args: &Args) -> PyResult<(Option<Vec<u8>>, i64)> {
    let sep = match args.get(1, "sep") {
        None => None,
        Some(v) => {
            let s = bytes_like(v)
                .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))?;
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match args.get(2, "maxsplit") {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn b_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let (sep, maxsplit) = split_args(vm, args)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &d;
            while maxsplit < 0 || (parts.len() as i64) < maxsplit {
                let Some(p) = find(rest, &sep, 0) else { break };
                parts.push(rest[..p].to_vec());
                rest = &rest[p + sep.len()..];
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut i = 0;
            while i < d.len() {
                while i < d.len() && d[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i == d.len() {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                    let end = d.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(i, |p| p + 1);
                    parts.push(d[i..end].to_vec());
                    break;
                }
                let start = i;
                while i < d.len() && !d[i].is_ascii_whitespace() {
                    i += 1;
                }
                parts.push(d[start..i].to_vec());
            }
        }
    }
    Ok(Value::list(parts.into_iter().map(|p| kind.make(p)).collect()))
}

fn b_rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let (sep, maxsplit) = split_args(vm, args)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &d;
            while maxsplit < 0 || (parts.len() as i64) < maxsplit {
                let Some(p) = rfind(rest, &sep) else { break };
                parts.push(rest[p + sep.len()..].to_vec());
                rest = &rest[..p];
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut end = d.len();
            loop {
                while end > 0 && d[end - 1].is_ascii_whitespace() {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                    let start = d.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
                    parts.push(d[start..end].to_vec());
                    break;
                }
                let stop = end;
                while end > 0 && !d[end - 1].is_ascii_whitespace() {
                    end -= 1;
                }
                parts.push(d[end..stop].to_vec());
            }
        }
    }
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(|p| kind.make(p)).collect()))
}

fn b_splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let keep = match args.get(1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < d.len() {
        let eol = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        out.push(kind.make(d[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < d.len() {
        out.push(kind.make(d[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn b_join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, sep) = recv(args)?;
    let items = vm.iterate(args.pos.get(1).unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            memory::reserve_growth(&mut out, sep.len())?;
            out.extend_from_slice(&sep);
        }
        match bytes_like(it) {
            Some(b) => {
                memory::reserve_growth(&mut out, b.len())?;
                out.extend(b);
            }
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    it.type_name()
                )));
            }
        }
    }
    Ok(kind.make(out))
}

fn b_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let (old, new) = (bytes_arg(args, 1)?, bytes_arg(args, 2)?);
    let limit = match args.get(3, "count") {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    let mut out = Vec::new();
    let (mut i, mut done) = (0, 0);
    while limit < 0 || done < limit {
        let Some(p) = find(&d, &old, i) else { break };
        if old.is_empty() {
            // An empty pattern matches between every two bytes.
            out.extend_from_slice(&new);
            if p < d.len() {
                out.push(d[p]);
            }
            i = p + 1;
            done += 1;
            if i > d.len() {
                return Ok(kind.make(out));
            }
            continue;
        }
        out.extend_from_slice(&d[i..p]);
        out.extend_from_slice(&new);
        i = p + old.len();
        done += 1;
    }
    if i <= d.len() {
        out.extend_from_slice(&d[i..]);
    }
    Ok(kind.make(out))
}

fn partition(args: &Args, reverse: bool) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let sep = bytes_arg(args, 1)?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let at = if reverse { rfind(&d, &sep) } else { find(&d, &sep, 0) };
    let parts = match at {
        Some(p) => [d[..p].to_vec(), sep.clone(), d[p + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), d],
        None => [d, Vec::new(), Vec::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(|p| kind.make(p)).collect()))
}

fn b_partition(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition(args, false)
}

fn b_rpartition(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition(args, true)
}

fn b_removeprefix(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let p = bytes_arg(args, 1)?;
    Ok(kind.make(d.strip_prefix(p.as_slice()).unwrap_or(&d).to_vec()))
}

fn b_removesuffix(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let p = bytes_arg(args, 1)?;
    Ok(kind.make(d.strip_suffix(p.as_slice()).unwrap_or(&d).to_vec()))
}

fn justify(vm: &mut Vm, args: &Args, how: char) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let width = match args.pos.get(1) {
        Some(v) => to_index(vm, v)?.max(0) as usize,
        None => return Err(type_error("function missing required argument 'width' (pos 1)")),
    };
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(v) => match bytes_like(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(type_error(format!("argument 2 must be a byte string of length 1, not {}", v.type_name())));
            }
        },
    };
    if width <= d.len() {
        return Ok(kind.make(d));
    }
    let pad = width - d.len();
    let left = match how {
        '<' => 0,
        '>' => pad,
        // CPython's centering puts the odd byte on the left when the
        // width is odd... and the text's length even.
        _ => pad / 2 + (pad & width & 1),
    };
    kind.check_len(width)?;
    Ok(kind.make(memory::padded_bytes(&d, fill, left, pad - left)?))
}

fn b_center(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, '^')
}

fn b_ljust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, '<')
}

fn b_rjust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    justify(vm, args, '>')
}

fn b_zfill(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (kind, d) = recv(args)?;
    let width = to_index(vm, args.pos.get(1).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    if width <= d.len() {
        return Ok(kind.make(d));
    }
    kind.check_len(width)?;
    let n = width - d.len();
    let mut out = memory::padded_bytes(&d, b'0', n, 0)?;
    // A sign moves in front of the zeros.
    if let Some(&sign @ (b'+' | b'-')) = d.first() {
        out[n] = b'0';
        out[0] = sign;
    }
    Ok(kind.make(out))
}

fn predicate(args: &Args, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let (_, d) = recv(args)?;
    Ok(Value::Bool(f(&d)))
}

fn b_isalnum(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}

fn b_isalpha(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}

fn b_isascii(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| d.is_ascii())
}

fn b_isdigit(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}

fn b_islower(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}

fn b_isupper(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}

fn b_isspace(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    predicate(args, |d| !d.is_empty() && d.iter().all(|b| b" \t\n\r\x0b\x0c".contains(b)))
}
