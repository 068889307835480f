//! The `int`, `bool` and `float` types: constructors (with CPython's
//! string parsing and errors) and methods.

use crate::runtime::pyarc::PyArc;

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::args::to_index;
use super::class::Class;
use super::function::{Args, NativeFn};
use super::numeric::to_big;
use super::value::Value;
use crate::vm::convert::INT_MAX_STR_DIGITS;
use crate::vm::error::{overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

pub fn int_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("int", &["base"])?;
    if args.len() > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", args.len())));
    }
    let base = args.get(1, "base").cloned();
    let Some(x) = args.pos.first() else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = to_index(vm, &b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match x {
            Value::Str(s) => parse_int(vm, s.as_str(), b as u32),
            Value::Bytes(bts) => parse_int(vm, &String::from_utf8_lossy(&bts.data), b as u32),
            _ => Err(type_error("int() can't convert non-string with explicit base")),
        };
    }
    to_int(vm, x)
}

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => parse_int(vm, s.as_str(), 10),
        Value::Bytes(b) => parse_int(vm, &String::from_utf8_lossy(&b.data), 10),
        Value::Instance(_) | Value::Native(_) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(x, name, &[])? {
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(type_error(format!("{name} returned non-int (type {})", other.type_name()))),
                    };
                }
            }
            Err(int_arg_error(x))
        }
        _ => Err(int_arg_error(x)),
    }
}

fn int_arg_error(x: &Value) -> crate::vm::PyErr {
    type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_name()
    ))
}

pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(Value::from_bigint(num_traits::FromPrimitive::from_f64(t).unwrap_or_default()))
}

/// Parses an int literal the way `int(s, base)` does.
pub fn parse_int(vm: &Vm, text: &str, base: u32) -> PyResult<Value> {
    let bad =
        || value_error(format!("invalid literal for int() with base {base}: {}", crate::vm::convert::repr_str(text)));
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let lower = s.to_ascii_lowercase();
    let (radix, digits) = {
        let prefixed = |p: &str, r: u32| -> Option<(u32, &str)> {
            if lower.starts_with(p) && (base == 0 || base == r) { Some((r, &s[2..])) } else { None }
        };
        match prefixed("0x", 16).or_else(|| prefixed("0o", 8)).or_else(|| prefixed("0b", 2)) {
            Some((r, d)) => (r, d.strip_prefix('_').unwrap_or(d)),
            None => (if base == 0 { 10 } else { base }, s),
        }
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(bad());
    }
    if base == 0
        && radix == 10
        && digits.len() > 1
        && digits.starts_with('0')
        && digits.chars().any(|c| c != '0' && c != '_')
    {
        return Err(bad());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return Err(bad());
    }
    if radix == 10 {
        let limit = vm.shared.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
        if limit > 0 && clean.len() > limit {
            return Err(value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                clean.len()
            )));
        }
    }
    let _ = INT_MAX_STR_DIGITS;
    let v = match i64::from_str_radix(&clean, radix) {
        Ok(i) => Value::Int(if neg { -i } else { i }),
        Err(_) => {
            let b = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(bad)?;
            Value::from_bigint(if neg { -b } else { b })
        }
    };
    Ok(v)
}

pub fn bool_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("bool")?;
    match args.pos {
        [] => Ok(Value::Bool(false)),
        [x] => Ok(Value::Bool(vm.truthy(x)?)),
        _ => Err(type_error(format!("bool expected at most 1 argument, got {}", args.len()))),
    }
}

pub fn float_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("float")?;
    match args.pos {
        [] => Ok(Value::Float(0.0)),
        [x] => to_float(vm, x).map(Value::Float),
        _ => Err(type_error(format!("float expected at most 1 argument, got {}", args.len()))),
    }
}

pub fn to_float(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => super::numeric::big_to_float(b),
        Value::Str(s) => parse_float(s.as_str()),
        Value::Instance(_) => {
            if let Some(r) = vm.call_dunder(x, "__float__", &[])? {
                return match r {
                    Value::Float(f) => Ok(f),
                    other => Err(type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        x.type_name(),
                        other.type_name()
                    ))),
                };
            }
            if let Some(Value::Int(i)) = vm.call_dunder(x, "__index__", &[])? {
                return Ok(i as f64);
            }
            Err(type_error(format!("float() argument must be a string or a real number, not '{}'", x.type_name())))
        }
        _ => Err(type_error(format!("float() argument must be a string or a real number, not '{}'", x.type_name()))),
    }
}

pub fn parse_float(text: &str) -> PyResult<f64> {
    let bad = || value_error(format!("could not convert string to float: {}", crate::vm::convert::repr_str(text)));
    let s = text.trim();
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    if matches!(body, "inf" | "infinity") {
        return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if body == "nan" {
        return Ok(super::float::fresh_nan());
    }
    if s.is_empty() || s.contains("__") || s.starts_with('_') || s.ends_with('_') {
        return Err(bad());
    }
    // Underscores are allowed only between digits.
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '_'
            && !(i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()))
        {
            return Err(bad());
        }
        if !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_')) {
            return Err(bad());
        }
    }
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().map_err(|_| bad())
}

pub fn int_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("bit_length", int_bit_length as NativeFn),
        ("bit_count", int_bit_count),
        ("conjugate", int_self),
        ("__index__", int_self),
        ("__int__", int_self),
        ("__float__", int_float),
        ("__abs__", int_abs),
        ("as_integer_ratio", int_as_integer_ratio),
        ("to_bytes", int_to_bytes),
        ("from_bytes", int_from_bytes),
        ("is_integer", int_is_integer),
    ]
}

fn int_of(args: &Args) -> PyResult<BigInt> {
    args.pos.first().and_then(to_big).ok_or_else(|| type_error("descriptor requires an 'int' object"))
}

fn int_bit_length(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(int_of(args)?.abs().bits() as i64))
}

fn int_bit_count(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let b = int_of(args)?.abs();
    Ok(Value::Int(b.to_u64_digits().1.iter().map(|d| d.count_ones() as i64).sum()))
}

fn int_self(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::from_bigint(int_of(args)?))
}

fn int_float(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Float(super::numeric::big_to_float(&int_of(args)?)?))
}

fn int_abs(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::from_bigint(int_of(args)?.abs()))
}

fn int_is_integer(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn int_as_integer_ratio(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::from_bigint(int_of(args)?), Value::Int(1)]))
}

fn int_to_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let n = int_of(args)?;
    let length = match args.get(1, "length") {
        Some(v) => to_index(vm, v)?,
        None => 1,
    };
    let big_endian = byteorder(args.get(2, "byteorder"))?;
    // CPython's order: the byte order, the length's sign, the buffer
    // (allocated before the int is converted), then the int's fit.
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    super::memory::check_bytes_len(length)?;
    let mut out = super::memory::vec_with_capacity::<u8>(length)?;
    let signed = match args.kwarg("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    // Two's complement, sign-extended to `length` bytes.
    let mut bytes = if signed { n.to_signed_bytes_be() } else { n.to_bytes_be().1 };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    out.resize(length - bytes.len(), fill);
    out.extend(bytes);
    if !big_endian {
        out.reverse();
    }
    Ok(Value::Bytes(PyArc::new(super::str::PyBytes::new(out))))
}

/// `byteorder` of to_bytes/from_bytes: true for big-endian (the default).
fn byteorder(v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if matches!(s.as_str(), "big" | "little") => Ok(s.as_str() == "big"),
        Some(Value::Str(_)) => Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => {
            Err(type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", other.type_name())))
        }
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`; a class
/// method, so a receiver (when called on an int) is dropped.
fn int_from_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    // Called on an int (`(1).from_bytes(b)`) or with the class, the first
    // argument is not the data; `int.from_bytes(5)` is data (rejected below).
    let receiver = match args.pos.first() {
        Some(Value::Class(_)) => true,
        Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => args.pos.len() > 1 || args.kwarg("bytes").is_some(),
        _ => false,
    };
    let pos = if receiver { &args.pos[1..] } else { args.pos };
    let args = Args { pos, kw: args.kw };
    let data: Vec<u8> = match args.get(0, "bytes") {
        Some(Value::Bytes(b)) => b.data.to_vec(),
        Some(Value::Str(_)) => return Err(type_error("cannot convert 'str' object to bytes")),
        Some(v) => {
            let mut out = Vec::new();
            // As CPython's PyBytes_FromObject: neither bytes-like nor iterable.
            let Ok(iter) = vm.get_iter(v) else {
                return Err(type_error(format!("cannot convert '{}' object to bytes", v.type_name())));
            };
            for item in vm.iterate(&iter)? {
                // As bytes(iterable): an int of any size out of range is
                // the range error, not a C-size overflow.
                let out_of_range = || value_error("bytes must be in range(0, 256)");
                let i = match item {
                    Value::BigInt(_) => return Err(out_of_range()),
                    _ => to_index(vm, &item)?,
                };
                out.push(u8::try_from(i).map_err(|_| out_of_range())?);
            }
            out
        }
        None => {
            return Err(type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
        }
    };
    let big_endian = byteorder(args.get(1, "byteorder"))?;
    let signed = match args.kwarg("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

pub fn float_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("is_integer", float_is_integer as NativeFn),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", float_self),
        ("__float__", float_self),
        ("__int__", float_int),
        ("__abs__", float_abs),
        ("hex", float_hex),
    ]
}

fn float_of(args: &Args) -> PyResult<f64> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(*f),
        _ => Err(type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = float_of(args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_self(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Float(float_of(args)?))
}

fn float_int(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    float_to_int(float_of(args)?)
}

fn float_abs(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Float(float_of(args)?.abs()))
}

fn float_as_integer_ratio(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = float_of(args)?;
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = super::numeric::frexp(f);
    let mut m = m;
    let mut e = e;
    for _ in 0..300 {
        if m == m.floor() {
            break;
        }
        m *= 2.0;
        e -= 1;
    }
    let mut num = BigInt::from(m as i64);
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    Ok(Value::tuple(vec![Value::from_bigint(&num / &g), Value::from_bigint(&den / &g)]))
}

fn float_hex(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = float_of(args)?;
    if !f.is_finite() {
        return Ok(Value::str(super::float::repr(f)));
    }
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() { "-0x0.0p+0" } else { "0x0.0p+0" }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    Ok(Value::str(format!("{sign}0x{lead}.{mant:013x}p{e:+}")))
}
