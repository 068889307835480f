//! printf-style `%` formatting of `str` and of `bytes`.
//!
//! Both share one engine over characters: a bytes format is read as
//! Latin-1 (one char per byte) and the result written back the same way,
//! so only the conversions that differ (`%s`/`%b`, `%r`/`%a`, `%c`, the
//! mapping keys, the error wording) look at which of the two it is.

use crate::runtime::pyarc::PyArc;

use num_bigint::BigInt;
use num_traits::Signed;

use super::args::to_c_int;
use super::format::{Spec, format_float_spec, pad};
use super::memory;
use super::str::{PyBytes, PyStr};
use super::value::Value;
use crate::vm::error::{overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Str,
    Bytes,
}

/// `fmt % args` for a str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    render(vm, fmt, args, Target::Str)
}

/// `fmt % args` for bytes.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = render(vm, &text, args, Target::Bytes)?;
    // Every piece is Latin-1 by construction (bytes, ASCII reprs, digits).
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The bytes for `%s`/`%b` of a bytes format.
fn bytes_piece(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let latin1 = |d: &[u8]| d.iter().map(|&b| b as char).collect::<String>();
    if let Value::Bytes(b) = v {
        return Ok(latin1(&b.data));
    }
    // Any buffer: a bytearray, a memoryview, an array.
    if let Some(d) = super::memoryview::buffer_bytes(vm, v)?.or_else(|| super::bytearray::bytes_like(v)) {
        return Ok(latin1(&d));
    }
    if let Some(Value::Bytes(b)) = vm.call_dunder(v, "__bytes__", &[])? {
        return Ok(latin1(&b.data));
    }
    Err(type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.type_name()
    )))
}

fn render(vm: &mut Vm, fmt: &str, args: &Value, target: Target) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let is_mapping = match args {
        Value::Dict(_) => true,
        Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => false,
        Value::Instance(_) | Value::Native(_) => {
            let name = PyArc::new(PyStr::new("__getitem__".into()));
            vm.get_attr_or_none(args, &name)?.is_some()
        }
        _ => false,
    };
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        _ if is_mapping => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let mut next = 0;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    let take = |next: &mut usize| -> PyResult<Value> {
        let v = items.get(*next).cloned().ok_or_else(|| type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        // %(name)
        let mut value: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = &mapping else {
                return Err(type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key: String = chars[i + 1..j - 1].iter().collect();
            let key = match target {
                Target::Str => Value::str(key),
                Target::Bytes => Value::Bytes(PyArc::new(PyBytes::new(key.chars().map(|c| c as u32 as u8).collect()))),
            };
            value = Some(vm.get_item(m, &key)?);
            used_mapping = true;
            i = j;
        }
        let mut flags = Spec::default();
        let mut left = false;
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => left = true,
                '+' => flags.sign = Some('+'),
                ' ' => {
                    if flags.sign.is_none() {
                        flags.sign = Some(' ')
                    }
                }
                '#' => flags.alt = true,
                _ => flags.zero = true,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = match take(&mut next)? {
                Value::Int(n) => n,
                Value::BigInt(_) => return Err(overflow_error("Python int too large to convert to C ssize_t")),
                _ => return Err(type_error("* wants int")),
            };
            if w < 0 {
                left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                width = Some(percent_number(&chars[start..i], isize::MAX as usize, "width too big")?);
            }
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                prec = Some(match take(&mut next)? {
                    v @ (Value::Int(_) | Value::BigInt(_)) => to_c_int(vm, &v)?.max(0) as usize,
                    _ => return Err(type_error("* wants int")),
                });
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                prec = Some(percent_number(&chars[start..i], i32::MAX as usize, "precision too big")?);
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None if mapping.is_some() && !used_mapping && items.len() == 1 && matches!(args, Value::Dict(_)) => {
                used_mapping = true;
                next = 1;
                args.clone()
            }
            None => take(&mut next)?,
        };
        flags.width = width;
        flags.align = Some(if left { '<' } else { '>' });
        if left {
            flags.zero = false;
        }
        if flags.zero {
            flags.align = None;
        }
        let text_conv =
            matches!((target, conv), (Target::Str, 's' | 'r' | 'a') | (Target::Bytes, 's' | 'b' | 'r' | 'a'));
        let piece = if text_conv {
            let s = match (target, conv) {
                (Target::Str, 's') => vm.str(&v)?,
                (Target::Str, 'r') => vm.repr(&v)?,
                (Target::Bytes, 's' | 'b') => bytes_piece(vm, &v)?,
                _ => vm.ascii(&v)?,
            };
            let s: String = match prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            flags.zero = false;
            flags.align = Some(if left { '<' } else { '>' });
            pad(&flags, "", &s, '>')?
        } else {
            match conv {
                'd' | 'i' | 'u' => {
                    let n = percent_int(vm, &v, conv, true)?;
                    let digits = zero_extend(vm.bigint_to_string(&n.abs())?, prec)?;
                    pad(&flags, sign_of(&n, &flags), &digits, '>')?
                }
                'x' | 'X' | 'o' => {
                    let n = percent_int(vm, &v, conv, false)?;
                    let radix = if conv == 'o' { 8 } else { 16 };
                    let mut digits = n.abs().to_str_radix(radix);
                    if conv == 'X' {
                        digits = digits.to_uppercase();
                    }
                    digits = zero_extend(digits, prec)?;
                    let prefix = match (flags.alt, conv) {
                        (false, _) => "",
                        (true, 'x') => "0x",
                        (true, 'X') => "0X",
                        (true, _) => "0o",
                    };
                    pad(&flags, &format!("{}{prefix}", sign_of(&n, &flags)), &digits, '>')?
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let f = match &v {
                        Value::Float(f) => *f,
                        Value::Int(i) => *i as f64,
                        Value::Bool(b) => *b as i64 as f64,
                        Value::BigInt(b) => super::numeric::big_to_float(b)?,
                        other => match vm.call_dunder(other, "__float__", &[])? {
                            Some(Value::Float(f)) => f,
                            _ => {
                                return Err(type_error(format!("must be real number, not {}", other.type_name())));
                            }
                        },
                    };
                    let mut sp = flags.clone();
                    sp.precision = Some(prec.unwrap_or(6));
                    sp.ty = Some(conv);
                    if !f.is_finite() {
                        sp.zero = false;
                        sp.align = Some(if left { '<' } else { '>' });
                    }
                    format_float_spec(f, &sp)?
                }
                'c' => {
                    let ch = char_piece(&v, target)?;
                    flags.zero = false;
                    pad(&flags, "", &ch.to_string(), '>')?
                }
                other => {
                    return Err(value_error(format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    )));
                }
            }
        };
        out.push_str(&piece);
    }
    if next < items.len() && !used_mapping && mapping.is_none() {
        return Err(type_error(format!("not all arguments converted during {} formatting", target_word(target))));
    }
    Ok(out)
}

fn target_word(target: Target) -> &'static str {
    match target {
        Target::Str => "string",
        Target::Bytes => "bytes",
    }
}

fn sign_of(n: &BigInt, flags: &Spec) -> &'static str {
    if n.is_negative() {
        return "-";
    }
    match flags.sign {
        Some('+') => "+",
        Some(_) => " ",
        None => "",
    }
}

/// A width or precision written in the format: CPython refuses one
/// beyond `limit` (`Py_ssize_t` for widths, C `int` for precisions).
fn percent_number(digits: &[char], limit: usize, too_big: &str) -> PyResult<usize> {
    let mut n: usize = 0;
    for d in digits {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d.to_digit(10).unwrap_or(0) as usize))
            .filter(|&n| n <= limit)
            .ok_or_else(|| value_error(too_big.to_string()))?;
    }
    Ok(n)
}

/// `digits` with zeros in front up to `prec` digits (`%.5d`).
fn zero_extend(digits: String, prec: Option<usize>) -> PyResult<String> {
    match prec {
        Some(p) if p > digits.len() => memory::padded(&digits, '0', p - digits.len(), 0),
        _ => Ok(digits),
    }
}

/// The character for `%c`: a code point (a byte for bytes) or a
/// one-character string (a one-byte bytes).
fn char_piece(v: &Value, target: Target) -> PyResult<char> {
    match (target, v) {
        (Target::Str, Value::Int(n)) => u32::try_from(*n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)")),
        (Target::Str, Value::BigInt(_)) => Err(overflow_error("%c arg not in range(0x110000)")),
        (Target::Str, Value::Str(s)) if s.char_len() == 1 => Ok(s.char_at(0)),
        (Target::Str, _) => Err(type_error("%c requires int or char")),
        (Target::Bytes, Value::Int(n)) => {
            u8::try_from(*n).map(|b| b as char).map_err(|_| overflow_error("%c arg not in range(256)"))
        }
        (Target::Bytes, Value::BigInt(_)) => Err(overflow_error("%c arg not in range(256)")),
        (Target::Bytes, Value::Bytes(b)) if b.data.len() == 1 => Ok(b.data[0] as char),
        (Target::Bytes, _) => Err(type_error("%c requires an integer in range(256) or a single byte")),
    }
}

/// The integer for `%d`/`%x`: floats are truncated for `%d` only.
fn percent_int(vm: &mut Vm, v: &Value, conv: char, allow_float: bool) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Float(f) if allow_float => {
            if !f.is_finite() {
                return Err(overflow_error("cannot convert float infinity to integer"));
            }
            Ok(BigInt::from(f.trunc() as i128))
        }
        Value::Float(_) => Err(type_error(format!("%{conv} format: an integer is required, not float"))),
        other => {
            if let Some(Value::Int(i)) = vm.call_dunder(other, "__index__", &[])? {
                return Ok(BigInt::from(i));
            }
            if allow_float {
                if let Some(Value::Int(i)) = vm.call_dunder(other, "__int__", &[])? {
                    return Ok(BigInt::from(i));
                }
                return Err(type_error(format!(
                    "%{conv} format: a real number is required, not {}",
                    other.type_name()
                )));
            }
            Err(type_error(format!("%{conv} format: an integer is required, not {}", other.type_name())))
        }
    }
}
