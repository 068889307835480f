//! Text formatting: the format-spec mini-language (`format()`, f-strings,
//! `str.format`), `str.format` field parsing, and `%` formatting, with
//! CPython's results and error messages.

use crate::runtime::pyarc::PyArc;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float;
use super::memory;
pub use super::percent::percent_format;
use super::value::Value;
use crate::vm::error::{index_error, key_error, value_error};
use crate::vm::{PyResult, Vm};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,_][.prec][type]`.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(spec: &str, type_name: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(spec_number(&chars[start..i])?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        s.precision = Some(spec_number(&chars[start..i])?);
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    Ok(s)
}

/// A width or precision of a format spec: CPython reads it as a
/// `Py_ssize_t` and refuses more digits than that holds.
fn spec_number(digits: &[char]) -> PyResult<usize> {
    let mut n: usize = 0;
    for d in digits {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d.to_digit(10).unwrap_or(0) as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(n)
}

/// Pads `body` (after a sign/prefix `head`) to the spec's width; the
/// padding, whose size the script chooses, is allocated fallibly.
pub(super) fn pad(spec: &Spec, head: &str, body: &str, default_align: char) -> PyResult<String> {
    let len = head.chars().count() + body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return Ok(format!("{head}{body}"));
    }
    let (fill, align) = if spec.zero && spec.align.is_none() {
        (spec.fill.unwrap_or('0'), '=')
    } else {
        (spec.fill.unwrap_or(' '), spec.align.unwrap_or(default_align))
    };
    let n = width - len;
    let joined = || format!("{head}{body}");
    match align {
        '<' => memory::padded(&joined(), fill, 0, n),
        '^' => memory::padded(&joined(), fill, n / 2, n - n / 2),
        '=' => {
            let mut out = memory::padded(body, fill, n, 0)?;
            out.insert_str(0, head);
            Ok(out)
        }
        _ => memory::padded(&joined(), fill, n, 0),
    }
}

/// Inserts a group separator every `every` digits from the right.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(spec, "str")?;
    if let Some(sep) = sp.grouping {
        return Err(value_error(format!("Cannot specify '{sep}' with 's'.")));
    }
    match sp.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'str'")));
        }
    }
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    pad(&sp, "", &body, '<')
}

pub fn format_int(v: &BigInt, spec: &str) -> PyResult<String> {
    let sp = parse_spec(spec, "int")?;
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = super::numeric::big_to_float(v)?;
        return format_float_spec(f, &sp);
    }
    if sp.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if sp.z {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let neg = v.is_negative();
    let mag = v.abs();
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.to_string(), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            if sp.sign.is_some() {
                return Err(value_error("Sign not allowed with integer format specifier 'c'"));
            }
            let c = v
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| crate::vm::error::overflow_error("%c arg not in range(0x110000)"))?;
            return pad(&sp, "", &c.to_string(), '>');
        }
        t => {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'int'")));
        }
    };
    let digits = match sp.grouping {
        Some(sep) => {
            if sep == ',' && !matches!(ty, 'd') {
                return Err(value_error(format!("Cannot specify ',' with '{ty}'.")));
            }
            group(&digits, sep, if matches!(ty, 'd' | 'n') { 3 } else { 4 })
        }
        None => digits,
    };
    let sign = if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let head = format!("{sign}{}", if sp.alt { prefix } else { "" });
    pad(&sp, &head, &digits, '>')
}

pub fn format_float(f: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float::repr(f));
    }
    let sp = parse_spec(spec, "float")?;
    format_float_spec(f, &sp)
}

pub(super) fn format_float_spec(f: f64, sp: &Spec) -> PyResult<String> {
    let mut f = f;
    if sp.z && f == 0.0 {
        f = 0.0;
    }
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let prec = sp.precision;
    if prec.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    let mut body = match sp.ty {
        None => float::format_none(a, prec)?,
        Some('f') | Some('F') => float::format_f(a, prec.unwrap_or(6))?,
        Some('e') => float::format_e(a, prec.unwrap_or(6))?,
        Some('E') => float::format_e(a, prec.unwrap_or(6))?.to_uppercase(),
        Some('g') | Some('n') => float::format_g(a, prec.unwrap_or(6), sp.alt)?,
        Some('G') => float::format_g(a, prec.unwrap_or(6), sp.alt)?.to_uppercase(),
        Some('%') => {
            let mut s = float::format_f(a * 100.0, prec.unwrap_or(6))?;
            s.push('%');
            s
        }
        Some(t) => {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'float'")));
        }
    };
    if sp.z && neg && body.trim_start_matches(['0', '.', '%']).is_empty() {
        return format_float_spec(0.0, sp);
    }
    if matches!(sp.ty, Some('F')) {
        body = body.to_uppercase();
    }
    if sp.alt && matches!(sp.ty, Some('f' | 'F' | 'e' | 'E' | '%')) && !body.contains('.') {
        let split = body.find(['e', 'E', '%']).unwrap_or(body.len());
        body.insert(split, '.');
    }
    if let Some(sep) = sp.grouping {
        let end = body.find(['.', 'e', 'E', '%']).unwrap_or(body.len());
        let (int_part, rest) = body.split_at(end);
        if int_part.chars().all(|c| c.is_ascii_digit()) {
            body = format!("{}{rest}", group(int_part, sep, 3));
        }
    }
    let sign = if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    pad(sp, sign, &body, '>')
}

/// `format(value, spec)` for builtin values; `None` for other objects.
pub fn format_builtin(v: &Value, spec: &str) -> Option<PyResult<String>> {
    Some(match v {
        Value::Str(s) => format_str(s.as_str(), spec),
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::Bool(b) => format_int(&BigInt::from(*b as i64), spec),
        Value::Int(i) => {
            if spec.is_empty() {
                Ok(i.to_string())
            } else {
                format_int(&BigInt::from(*i), spec)
            }
        }
        Value::BigInt(b) => format_int(b, spec),
        Value::Float(f) => format_float(*f, spec),
        _ => super::complex::format(super::complex::as_complex(v)?, spec),
    })
}

// ------------------------------------------------------------ str.format

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(PyArc<super::str::PyStr>, Value)],
) -> PyResult<String> {
    let mut out = String::new();
    let mut auto: Option<usize> = None;
    let mut manual = false;
    render_format(vm, fmt, args, kwargs, &mut out, &mut auto, &mut manual, 0)?;
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn render_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(PyArc<super::str::PyStr>, Value)],
    out: &mut String,
    auto: &mut Option<usize>,
    manual: &mut bool,
    depth: usize,
) -> PyResult<()> {
    if depth > 2 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace, allowing nested fields in the spec.
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            render_field(vm, &field, args, kwargs, out, auto, manual, depth)?;
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn render_field(
    vm: &mut Vm,
    field: &str,
    args: &[Value],
    kwargs: &[(PyArc<super::str::PyStr>, Value)],
    out: &mut String,
    auto: &mut Option<usize>,
    manual: &mut bool,
    depth: usize,
) -> PyResult<()> {
    // Split "name!conv:spec" (the spec may contain nested braces).
    let (name_conv, spec) = match split_top(field, ':') {
        Some((a, b)) => (a, Some(b)),
        None => (field, None),
    };
    let (name, conv) = match name_conv.find('!') {
        Some(p) => (&name_conv[..p], Some(&name_conv[p + 1..])),
        None => (name_conv, None),
    };
    // The first part of the name: an index, a keyword, or empty.
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut value = if first.is_empty() {
        if *manual {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let n = auto.map(|n| n + 1).unwrap_or(0);
        *auto = Some(n);
        args.get(n)
            .cloned()
            .ok_or_else(|| index_error(format!("Replacement index {n} out of range for positional args tuple")))?
    } else if let Ok(n) = first.parse::<usize>() {
        if auto.is_some() {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *manual = true;
        args.get(n)
            .cloned()
            .ok_or_else(|| index_error(format!("Replacement index {n} out of range for positional args tuple")))?
    } else {
        kwargs
            .iter()
            .find(|(k, _)| k.as_str() == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| key_error(Value::str(first)))?
    };
    // Attribute and index accessors.
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = vm.get_attr_str(&value, &r[..end])?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key_text = &r[..end];
            let key = match key_text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key_text),
            };
            value = vm.get_item(&value, &key)?;
            rest = &r[end + 1..];
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let value = match conv {
        None => value,
        Some("r") => Value::str(vm.repr(&value)?),
        Some("s") => Value::str(vm.str(&value)?),
        Some("a") => Value::str(vm.ascii(&value)?),
        Some("") => return Err(value_error("unmatched '{' in format spec")),
        Some(c) if c.chars().count() > 1 => return Err(value_error("expected ':' after conversion specifier")),
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
    };
    let spec = match spec {
        Some(s) if s.contains('{') => {
            let mut expanded = String::new();
            render_format(vm, s, args, kwargs, &mut expanded, auto, manual, depth + 1)?;
            expanded
        }
        Some(s) => s.to_string(),
        None => String::new(),
    };
    out.push_str(&vm.format(&value, &spec)?);
    Ok(())
}

/// Splits at the first `sep` outside brackets.
fn split_top(s: &str, sep: char) -> Option<(&str, &str)> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => return Some((&s[..i], &s[i + 1..])),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(format_int(&BigInt::from(255), "#x").unwrap(), "0xff");
        assert_eq!(format_int(&BigInt::from(-42), "010").unwrap(), "-000000042");
        assert_eq!(format_int(&BigInt::from(42), "*^10").unwrap(), "****42****");
        assert_eq!(format_int(&BigInt::from(5), "=+5").unwrap(), "+   5");
        assert_eq!(format_int(&(BigInt::from(10).pow(20u32)), ",").unwrap(), "100,000,000,000,000,000,000");
        assert_eq!(format_float(1234567.891, ",.2f").unwrap(), "1,234,567.89");
        assert_eq!(format_float(1.23456, "<10.3f").unwrap(), "1.235     ");
        assert_eq!(format_float(0.5, "%").unwrap(), "50.000000%");
        assert_eq!(format_float(-0.0, "z.1f").unwrap(), "0.0");
        assert_eq!(format_float(f64::INFINITY, "010.2f").unwrap(), "0000000inf");
        assert_eq!(format_str("abc", ".2").unwrap(), "ab");
        assert!(format_str("x", "=5").is_err());
    }
}
