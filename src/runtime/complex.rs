//! `complex`: the value, its constructor (numbers, `__complex__`, and
//! CPython's string grammar), `repr`, `hash` and `format()`.
//!
//! A complex is a native object (not a `Value` variant of its own), as
//! `bytearray` is: the interpreter reaches its operators through the
//! methods of its class (`complex_ops.rs`), so the evaluation loop and the
//! pinned tag layout of `Value` stay as they are. It is immutable, so it
//! needs no lock.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::Arc;

use super::class::Class;
use super::format::{Spec, format_float_spec, pad, parse_spec};
use super::function::Args;
use super::numeric::{big_to_float, hash_float};
use super::types::types;
use super::value::{NativeObject, Value};
use crate::vm::error::{type_error, value_error};
use crate::vm::{PyResult, Vm};

/// A complex number: two floats, as CPython's `Py_complex`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }
}

/// The native object behind a `complex` value.
pub struct PyComplex(pub Complex);

impl NativeObject for PyComplex {
    fn class(&self) -> PyArc<Class> {
        types().complex_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        Some(repr(self.0))
    }
}

/// A new complex value.
pub fn new_complex(re: f64, im: f64) -> Value {
    Value::native(Arc::new(PyComplex(Complex::new(re, im))))
}

pub fn from_c(c: Complex) -> Value {
    new_complex(c.re, c.im)
}

/// The complex a value is, if it is one (not a subclass instance).
pub fn as_complex(v: &Value) -> Option<Complex> {
    v.as_native::<PyComplex>().map(|c| c.0)
}

/// The complex a value is or carries (a subclass instance's value too).
pub fn complex_of(v: &Value) -> Option<Complex> {
    match v {
        Value::Instance(i) => i.base_value().and_then(as_complex),
        _ => as_complex(v),
    }
}

/// An operand of complex arithmetic: complex, int, bool or float (CPython's
/// `to_complex`); `Ok(None)` for other types (the operator answers
/// NotImplemented). Ints too large for a float are OverflowError.
pub fn operand(v: &Value) -> PyResult<Option<Complex>> {
    Ok(Some(match v {
        Value::Bool(b) => Complex::new(*b as i64 as f64, 0.0),
        Value::Int(i) => Complex::new(*i as f64, 0.0),
        Value::BigInt(b) => Complex::new(big_to_float(b)?, 0.0),
        Value::Float(f) => Complex::new(*f, 0.0),
        Value::Instance(i) => match i.base_value() {
            Some(base) => return operand(&base.clone()),
            None => return Ok(None),
        },
        _ => match as_complex(v) {
            Some(c) => c,
            None => return Ok(None),
        },
    }))
}

// ------------------------------------------------------------ repr

/// A float as `repr` writes it, without the ".0" CPython's complex repr
/// leaves off (`(1+2j)`, not `(1.0+2.0j)`).
fn part_repr(x: f64) -> String {
    let s = super::float::repr(x);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// With a sign always (`+2`, `-0`, `+nan`, `+inf`), for the imaginary part.
fn signed_part(x: f64) -> String {
    let s = part_repr(x);
    if s.starts_with('-') { s } else { format!("+{s}") }
}

/// CPython's `complex_repr`: a positive-zero real part is left out and so
/// are the parentheses (`2j`); otherwise `(re±imj)`.
pub fn repr(c: Complex) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        format!("{}j", part_repr(c.im))
    } else {
        format!("({}{}j)", part_repr(c.re), signed_part(c.im))
    }
}

// ------------------------------------------------------------ hash

/// CPython's `complex_hash`: the real part's hash plus `_PyHASH_IMAG`
/// (1000003) times the imaginary part's, in unsigned arithmetic, so a
/// complex with no imaginary part hashes as the equal float or int.
pub fn hash(c: Complex) -> i64 {
    const IMAG: u64 = 1000003;
    let h = (hash_float(c.re) as u64).wrapping_add(IMAG.wrapping_mul(hash_float(c.im) as u64)) as i64;
    if h == -1 { -2 } else { h }
}

// ------------------------------------------------------------ constructor

/// `complex(real=0, imag=0)` and `complex(string)`, as CPython's
/// `complex_new`.
pub fn complex_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| !matches!(k.as_str(), "real" | "imag")) {
        return Err(type_error(format!("'{}' is an invalid keyword argument for complex()", k.as_str())));
    }
    if args.pos.len() > 2 {
        return Err(type_error(format!("complex() takes at most 2 arguments ({} given)", args.pos.len())));
    }
    let r = args.get(0, "real");
    let i = args.get(1, "imag");
    let Some(r) = r else {
        return match i {
            None => Ok(new_complex(0.0, 0.0)),
            Some(i) => build(vm, &Value::Int(0), Some(i)),
        };
    };
    if let Value::Str(s) = r {
        if i.is_some() {
            return Err(type_error("complex() can't take second arg if first is a string"));
        }
        return parse(s.as_str()).map(from_c);
    }
    if let Some(Value::Str(_)) = i {
        return Err(type_error("complex() second arg can't be a string"));
    }
    if i.is_none()
        && let Some(c) = as_complex(r)
    {
        return Ok(from_c(c));
    }
    build(vm, r, i)
}

/// `complex(r, i)` for numbers: each argument may itself be complex
/// (`complex(1j, 1j)` is `(-1+1j)`), `__complex__`, `__float__` or
/// `__index__`.
fn build(vm: &mut Vm, r: &Value, i: Option<&Value>) -> PyResult<Value> {
    let (cr, r_complex) = match dunder_complex(vm, r)? {
        Some(c) => (c, true),
        None => match real_part(vm, r)? {
            Some(f) => (Complex::new(f, 0.0), false),
            None => {
                return Err(type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    r.type_name()
                )));
            }
        },
    };
    let mut re = cr.re;
    let mut im;
    match i {
        None => im = cr.im,
        Some(i) => {
            if let Some(ci) = complex_of(i) {
                re -= ci.im;
                im = ci.re;
            } else {
                match real_part(vm, i)? {
                    Some(f) => im = f,
                    None => {
                        return Err(type_error(format!(
                            "complex() second argument must be a number, not '{}'",
                            i.type_name()
                        )));
                    }
                }
            }
            if r_complex {
                im += cr.im;
            }
        }
    }
    Ok(new_complex(re, im))
}

/// A complex argument, or the result of its `__complex__`.
fn dunder_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    if let Value::Instance(_) = v
        && let Some(r) = vm.call_dunder(v, "__complex__", &[])?
    {
        return match complex_of(&r) {
            Some(c) => Ok(Some(c)),
            None => Err(type_error(format!("__complex__ returned non-complex (type {})", r.type_name()))),
        };
    }
    if let Some(c) = complex_of(v) {
        return Ok(Some(c));
    }
    Ok(None)
}

/// A real number's float value (`__float__`, then `__index__`); `None`
/// for a value that is not a number.
fn real_part(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
            super::number_methods::to_float(vm, v).map(Some)
        }
        Value::Instance(inst) => {
            let cls = inst.class_ref();
            if cls.lookup_str("__float__").is_some() || cls.lookup_str("__index__").is_some() {
                return super::number_methods::to_float(vm, v).map(Some);
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}

/// `complex(string)`: CPython's `complex_from_string_helper`. Accepted:
/// `<float>`, `<float>j`, `<float><signed float>j`, and the older
/// `<float><sign>j`, `<sign>j`, `j`; optionally in parentheses, with
/// whitespace around; underscores between digits.
pub fn parse(text: &str) -> PyResult<Complex> {
    let malformed = || value_error("complex() arg is a malformed string");
    let cleaned;
    let text = if text.contains('_') {
        cleaned = strip_underscores(text).ok_or_else(|| {
            value_error(format!("could not convert string to complex: {}", crate::vm::convert::repr_str(text)))
        })?;
        cleaned.as_str()
    } else {
        text
    };
    let b: Vec<char> = text.chars().collect();
    let mut s = 0;
    let skip_space = |s: &mut usize| {
        while *s < b.len() && b[*s].is_whitespace() {
            *s += 1;
        }
    };
    skip_space(&mut s);
    let bracket = s < b.len() && b[s] == '(';
    if bracket {
        s += 1;
        skip_space(&mut s);
    }
    let is_j = |s: usize| s < b.len() && matches!(b[s], 'j' | 'J');
    let is_sign = |s: usize| s < b.len() && matches!(b[s], '+' | '-');
    let (mut x, mut y) = (0.0, 0.0);
    match scan_float(&b, s) {
        Some((z, end)) => {
            s = end;
            if is_sign(s) {
                x = z;
                match scan_float(&b, s) {
                    Some((v, end)) => {
                        y = v;
                        s = end;
                    }
                    None => {
                        y = if b[s] == '+' { 1.0 } else { -1.0 };
                        s += 1;
                    }
                }
                if !is_j(s) {
                    return Err(malformed());
                }
                s += 1;
            } else if is_j(s) {
                s += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if is_sign(s) {
                y = if b[s] == '+' { 1.0 } else { -1.0 };
                s += 1;
            } else {
                y = 1.0;
            }
            if !is_j(s) {
                return Err(malformed());
            }
            s += 1;
        }
    }
    skip_space(&mut s);
    if bracket {
        if s >= b.len() || b[s] != ')' {
            return Err(malformed());
        }
        s += 1;
        skip_space(&mut s);
    }
    if s != b.len() {
        return Err(malformed());
    }
    Ok(Complex::new(x, y))
}

/// Underscores only between digits (`1_000j`), removed; `None` otherwise.
fn strip_underscores(text: &str) -> Option<String> {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (k, &c) in b.iter().enumerate() {
        if c == '_' {
            let before = k > 0 && b[k - 1].is_ascii_digit();
            let after = b.get(k + 1).is_some_and(|c| c.is_ascii_digit());
            if !before || !after {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The longest float at `start` as C's `strtod` reads it (sign, digits
/// with an optional point, an exponent only when digits follow it, or
/// inf/infinity/nan): its value and where it ends.
fn scan_float(b: &[char], start: usize) -> Option<(f64, usize)> {
    let mut i = start;
    if i < b.len() && matches!(b[i], '+' | '-') {
        i += 1;
    }
    let word: String = b[i..].iter().take(8).collect::<String>().to_ascii_lowercase();
    for name in ["infinity", "inf", "nan"] {
        if word.starts_with(name) {
            let end = i + name.len();
            let neg = b[start] == '-';
            let v = if name == "nan" { f64::NAN } else { f64::INFINITY };
            return Some((if neg { -v } else { v }, end));
        }
    }
    let digits_from = |mut i: usize| {
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i, i - s)
    };
    let (mut j, n_int) = digits_from(i);
    let mut n_frac = 0;
    if j < b.len() && b[j] == '.' {
        let (k, n) = digits_from(j + 1);
        n_frac = n;
        j = k;
    }
    if n_int + n_frac == 0 {
        return None;
    }
    if j < b.len() && matches!(b[j], 'e' | 'E') {
        let mut k = j + 1;
        if k < b.len() && matches!(b[k], '+' | '-') {
            k += 1;
        }
        let (end, n) = digits_from(k);
        if n > 0 {
            j = end;
        }
    }
    let s: String = b[start..j].iter().collect();
    s.parse::<f64>().ok().map(|v| (v, j))
}

// ------------------------------------------------------------ format

/// `format(z, spec)`: CPython's `format_complex_internal`. Without a type
/// it writes like `repr` (parentheses unless the real part is +0); with
/// one, both parts are formatted as floats and no parentheses are added.
pub fn format(c: Complex, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr(c));
    }
    let sp = parse_spec(spec, "complex")?;
    if let Some(t) = sp.ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')
    {
        return Err(value_error(format!("Unknown format code '{t}' for object of type 'complex'")));
    }
    if sp.zero || sp.fill == Some('0') {
        return Err(value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (mut skip_re, mut parens) = (false, false);
    let mut part = Spec { sign: sp.sign, z: sp.z, alt: sp.alt, grouping: sp.grouping, ..Spec::default() };
    let repr_like = sp.ty.is_none() && sp.precision.is_none();
    match sp.ty {
        None => {
            if c.re == 0.0 && c.re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
            part.ty = Some('g');
            part.precision = sp.precision;
        }
        Some('n') => {
            part.ty = Some('g');
            part.precision = sp.precision;
        }
        t => {
            part.ty = t;
            part.precision = sp.precision;
        }
    }
    let one = |x: f64, sign: Option<char>| -> PyResult<String> {
        if repr_like {
            let s = part_repr(x);
            Ok(match sign {
                Some('+') if !s.starts_with('-') => format!("+{s}"),
                Some(' ') if !s.starts_with('-') => format!(" {s}"),
                _ => s,
            })
        } else {
            format_float_spec(x, &Spec { sign, ..part.clone() })
        }
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&one(c.re, sp.sign)?);
    }
    body.push_str(&one(c.im, if skip_re { sp.sign } else { Some('+') })?);
    body.push('j');
    if parens {
        body.push(')');
    }
    pad(&sp, "", &body, '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(Complex::new(0.0, 1.0)), "1j");
        assert_eq!(repr(Complex::new(1.0, 2.0)), "(1+2j)");
        assert_eq!(repr(Complex::new(-0.0, -1.0)), "(-0-1j)");
        assert_eq!(repr(Complex::new(1.5e20, 0.0)), "(1.5e+20+0j)");
        assert_eq!(repr(Complex::new(f64::NAN, f64::INFINITY)), "(nan+infj)");
    }

    #[test]
    fn parses_cpython_forms() {
        assert_eq!(parse("1+2j").unwrap(), Complex::new(1.0, 2.0));
        assert_eq!(parse(" ( -j ) ").unwrap(), Complex::new(0.0, -1.0));
        assert_eq!(parse("1e5-J").unwrap(), Complex::new(1e5, -1.0));
        assert_eq!(parse("1_000j").unwrap(), Complex::new(0.0, 1000.0));
        assert!(parse("1 + 2j").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn hash_is_cpythons() {
        assert_eq!(hash(Complex::new(0.0, 1.0)), 1000003);
        assert_eq!(hash(Complex::new(1.5, 0.0)), hash_float(1.5));
    }
}
