//! The `str` methods that cut text apart or trim it: strip, partition,
//! replace, translate, split, rsplit and splitlines. Indices count code
//! points, as in `str_methods.rs`.

use crate::runtime::pyarc::PyArc;

use super::args::to_index;
use super::function::Args;
use super::str::PyStr;
use super::str_methods::{arg_str, s, this};
use super::value::Value;
use crate::vm::error::{type_error, value_error};
use crate::vm::{PyResult, Vm};

/// The characters to strip: whitespace, or those of the argument.
pub(super) fn strip_set(args: &Args, name: &str) -> PyResult<Option<Vec<char>>> {
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(c)) => Ok(Some(c.as_str().chars().collect())),
        Some(other) => Err(type_error(format!("{name} arg must be None or str, not {}", other.type_name()))),
    }
}

pub(super) fn strip_impl(args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let t = this(args, name)?;
    let set = strip_set(args, name)?;
    let test = |c: char| match &set {
        None => c.is_whitespace(),
        Some(cs) => cs.contains(&c),
    };
    let mut text = t.as_str();
    if left {
        text = text.trim_start_matches(test);
    }
    if right {
        text = text.trim_end_matches(test);
    }
    if text.len() == t.as_str().len() {
        return Ok(Value::Str(t.clone()));
    }
    s(text)
}

pub(super) fn str_strip(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(args, "strip", true, true)
}

pub(super) fn str_lstrip(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", true, false)
}

pub(super) fn str_rstrip(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", false, true)
}

pub(super) fn str_maketrans(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    // Static method: no self.
    let d = super::dict::PyDict::new();
    match args.pos {
        [Value::Dict(m)] => {
            for (k, v) in m.items() {
                let key = match k {
                    Value::Str(c) if c.char_len() == 1 => Value::Int(c.char_at(0) as i64),
                    Value::Int(_) => k,
                    _ => {
                        return Err(value_error("string keys in translate table must be of length 1"));
                    }
                };
                d.set(vm, key, v)?;
            }
        }
        [Value::Str(a), Value::Str(b), rest @ ..] => {
            if a.char_len() != b.char_len() {
                return Err(value_error("the first two maketrans arguments must have equal length"));
            }
            for (x, y) in a.as_str().chars().zip(b.as_str().chars()) {
                d.set(vm, Value::Int(x as i64), Value::Int(y as i64))?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.as_str().chars() {
                    d.set(vm, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(type_error("maketrans() argument error")),
    }
    Ok(Value::new_dict(d))
}

pub(super) fn str_translate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "translate")?.clone();
    let table = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut out = String::with_capacity(t.as_str().len());
    for c in t.as_str().chars() {
        match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => out.push(char::from_u32(n as u32).unwrap_or(c)),
            Ok(Value::Str(r)) => out.push_str(r.as_str()),
            Ok(_) => {
                return Err(type_error("character mapping must return integer, None or str"));
            }
            Err(e) if e.is(&super::types::types().exc.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    s(out)
}

pub(super) fn partition_impl(args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let t = this(args, name)?;
    let sep = arg_str(args, 1, name)?;
    if sep.as_str().is_empty() {
        return Err(value_error("empty separator"));
    }
    let text = t.as_str();
    let found = if reverse { text.rfind(sep.as_str()) } else { text.find(sep.as_str()) };
    let parts = match found {
        Some(i) => vec![Value::str(&text[..i]), Value::Str(sep.clone()), Value::str(&text[i + sep.as_str().len()..])],
        None if reverse => vec![Value::str(""), Value::str(""), Value::Str(t.clone())],
        None => vec![Value::Str(t.clone()), Value::str(""), Value::str("")],
    };
    Ok(Value::tuple(parts))
}

pub(super) fn str_partition(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}

pub(super) fn str_rpartition(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    partition_impl(args, "rpartition", true)
}

pub(super) fn str_removeprefix(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "removeprefix")?;
    let p = arg_str(args, 1, "removeprefix")?;
    s(t.as_str().strip_prefix(p.as_str()).unwrap_or(t.as_str()))
}

pub(super) fn str_removesuffix(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "removesuffix")?;
    let p = arg_str(args, 1, "removesuffix")?;
    s(t.as_str().strip_suffix(p.as_str()).unwrap_or(t.as_str()))
}

pub(super) fn str_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "replace")?.clone();
    args.between("replace", 2, 3, args.len().saturating_sub(1))?;
    let old = arg_str(args, 1, "replace")?.clone();
    let new = arg_str(args, 2, "replace")?.clone();
    let count = match args.pos.get(3) {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    if count < 0 {
        if old.as_str().is_empty() {
            // Inserts `new` between every character and at both ends.
            let mut out = String::from(new.as_str());
            for c in t.as_str().chars() {
                out.push(c);
                out.push_str(new.as_str());
            }
            return s(out);
        }
        return s(t.as_str().replace(old.as_str(), new.as_str()));
    }
    if old.as_str().is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in t.as_str().chars() {
            if n < count {
                out.push_str(new.as_str());
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new.as_str());
        }
        return s(out);
    }
    s(t.as_str().replacen(old.as_str(), new.as_str(), count as usize))
}

/// Arguments of split/rsplit: (separator, maxsplit).
pub(super) fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Option<PyArc<PyStr>>, i64)> {
    args.allow_kwargs(name, &["sep", "maxsplit"])?;
    let sep = match args.get(1, "sep") {
        None | Some(Value::None) => None,
        Some(Value::Str(p)) => {
            if p.as_str().is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(p.clone())
        }
        Some(other) => {
            return Err(type_error(format!("must be str or None, not {}", other.type_name())));
        }
    };
    let maxsplit = match args.get(2, "maxsplit") {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

pub(super) fn str_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "split")?.clone();
    let (sep, maxsplit) = split_args(vm, args, "split")?;
    let text = t.as_str();
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                text.split(sep.as_str()).map(Value::str).collect()
            } else {
                text.splitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect()
            }
        }
        None => split_whitespace(text, maxsplit).into_iter().map(Value::str).collect(),
    };
    Ok(Value::list(parts))
}

/// Whitespace as `str.isspace` sees it: Rust's plus the ASCII
/// separators U+001C..U+001F.
pub(super) fn py_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f') || (!c.is_ascii() && c.is_whitespace())
}

/// `str.split()` with no separator: runs of whitespace, leading and
/// trailing whitespace ignored; the last piece keeps its whitespace when
/// `maxsplit` stops the splitting.
pub(super) fn split_whitespace(text: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(py_space) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(py_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

pub(super) fn str_rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "rsplit")?.clone();
    let (sep, maxsplit) = split_args(vm, args, "rsplit")?;
    let text = t.as_str();
    let mut parts: Vec<Value> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                text.rsplit(sep.as_str()).map(Value::str).collect()
            } else {
                text.rsplitn(maxsplit as usize + 1, sep.as_str()).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = text.trim_end();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let ws_len = rest[i..].chars().next().map(char::len_utf8).unwrap_or(1);
                        out.push(Value::str(&rest[i + ws_len..]));
                        rest = rest[..i].trim_end();
                    }
                    None => {
                        out.push(Value::str(rest));
                        break;
                    }
                }
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
}

pub(super) fn str_splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = this(args, "splitlines")?.clone();
    let keep = match args.get(1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let text = t.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let is_break =
            matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = b + c.len_utf8();
            if c == '\r' && chars.get(i + 1).map(|x| x.1) == Some('\n') {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep { &text[start..end] } else { &text[start..b] }));
            start = end;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}
