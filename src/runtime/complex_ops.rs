//! The arithmetic of `complex` (CPython's `complexobject.c` algorithms,
//! so results agree to the last bit) and the methods of its class: the
//! operators, comparisons, `abs`, `hash`, `real`/`imag`, `conjugate`.
//!
//! Every operator method takes complex, int, bool and float operands and
//! answers NotImplemented for others, so the VM's usual dispatch gives
//! `1 + 2j` (through `__radd__`) and CPython's "unsupported operand"
//! errors. Floor division, modulo and ordering are not defined, as in
//! CPython 3.10 and later.

use super::complex::{Complex, as_complex, complex_of, format, from_c, hash, new_complex, operand, repr};
use super::function::{Args, NativeFn};
use super::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::error::{overflow_error, type_error, value_error, zero_division};
use crate::vm::{PyResult, Vm};

pub fn c_sum(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re + b.re, a.im + b.im)
}

pub fn c_diff(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re - b.re, a.im - b.im)
}

pub fn c_prod(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// CPython's `_Py_c_quot`: Smith's algorithm, dividing by the larger of
/// the divisor's parts so the intermediate results do not overflow.
/// `None` for a zero divisor.
pub fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom))
    } else {
        // One of the divisor's parts is a NaN.
        Some(Complex::new(f64::NAN, f64::NAN))
    }
}

/// Why a complex power failed, as CPython's `errno`.
pub enum PowError {
    /// Zero to a negative or complex power.
    Domain,
    /// A result too large (`_Py_ADJUST_ERANGE2`).
    Range,
}

/// CPython's `complex_pow`: repeated squaring for small integral
/// exponents (exact for `(1+1j)**2`), polar form otherwise.
pub fn c_pow_checked(a: Complex, b: Complex) -> Result<Complex, PowError> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            c_quot(Complex::new(1.0, 0.0), c_powu(a, (-n) as u64)).ok_or(PowError::Domain)?
        }
    } else {
        c_pow(a, b)?
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(PowError::Range);
    }
    Ok(r)
}

fn c_powu(x: Complex, n: u64) -> Complex {
    let (mut r, mut p, mut mask) = (Complex::new(1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// CPython's `_Py_c_pow`.
fn c_pow(a: Complex, b: Complex) -> Result<Complex, PowError> {
    use crate::modules::math_float::libm;
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(Complex::new(1.0, 0.0));
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = libm::pow(vabs, b.re);
    let at = libm::atan2(a.im, a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= libm::exp(at * b.im);
        phase += b.im * libm::log(vabs);
    }
    Ok(Complex::new(len * libm::cos(phase), len * libm::sin(phase)))
}

/// `a ** b` with CPython's errors.
pub fn pow_value(a: Complex, b: Complex) -> PyResult<Value> {
    match c_pow_checked(a, b) {
        Ok(r) => Ok(from_c(r)),
        Err(PowError::Domain) => Err(zero_division("0.0 to a negative or complex power")),
        Err(PowError::Range) => Err(overflow_error("complex exponentiation")),
    }
}

/// `abs(z)`: `hypot`, with CPython's error when only the result overflows.
pub fn c_abs(z: Complex) -> PyResult<f64> {
    let r = z.re.hypot(z.im);
    if r.is_infinite() && z.re.is_finite() && z.im.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

/// `a op b` for two complex operands.
pub fn binary(op: BinOp, a: Complex, b: Complex) -> PyResult<Value> {
    Ok(from_c(match op {
        BinOp::Add => c_sum(a, b),
        BinOp::Sub => c_diff(a, b),
        BinOp::Mul => c_prod(a, b),
        BinOp::Div => c_quot(a, b).ok_or_else(|| zero_division("complex division by zero"))?,
        BinOp::Pow => return pow_value(a, b),
        _ => return Ok(Value::NotImplemented),
    }))
}

// ------------------------------------------------------------ methods

/// The complex receiver of a method (a subclass instance's value too).
fn this(args: &Args, name: &str) -> PyResult<Complex> {
    args.pos.first().and_then(complex_of).ok_or_else(|| {
        let got = args.pos.first().map(|v| v.type_name()).unwrap_or_else(|| "nothing".into());
        type_error(format!("descriptor '{name}' requires a 'complex' object but received a '{got}'"))
    })
}

fn other<'a>(args: &'a Args, name: &str) -> PyResult<&'a Value> {
    args.pos.get(1).ok_or_else(|| type_error(format!("expected 1 argument, got 0 ({name})")))
}

macro_rules! arith {
    ($($f:ident, $rf:ident: $op:expr;)*) => {$(
        fn $f(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
            let a = this(args, stringify!($f))?;
            match operand(other(args, stringify!($f))?)? {
                Some(b) => binary($op, a, b),
                None => Ok(Value::NotImplemented),
            }
        }
        fn $rf(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
            let a = this(args, stringify!($rf))?;
            match operand(other(args, stringify!($rf))?)? {
                Some(b) => binary($op, b, a),
                None => Ok(Value::NotImplemented),
            }
        }
    )*};
}

arith! {
    add, radd: BinOp::Add;
    sub, rsub: BinOp::Sub;
    mul, rmul: BinOp::Mul;
    truediv, rtruediv: BinOp::Div;
}

fn pow(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    pow_either(args, "__pow__", false)
}

fn rpow(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    pow_either(args, "__rpow__", true)
}

/// `__pow__(other, mod=None)` and `__rpow__`: a modulus is CPython's
/// ValueError.
fn pow_either(args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let a = this(args, name)?;
    let Some(b) = operand(other(args, name)?)? else {
        return Ok(Value::NotImplemented);
    };
    if args.pos.get(2).is_some_and(|m| !m.is_none()) {
        return Err(value_error("complex modulo"));
    }
    if reflected { pow_value(b, a) } else { pow_value(a, b) }
}

/// `==`: equal to an int or float only with no imaginary part, the real
/// part compared exactly (a huge int is not rounded to a float first).
pub fn equals(a: Complex, b: &Value) -> Option<bool> {
    match b {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Some(a.im == 0.0 && super::compare::num_cmp(&Value::Float(a.re), b) == Some(std::cmp::Ordering::Equal))
        }
        Value::Float(f) => Some(a.im == 0.0 && a.re == *f),
        Value::Instance(i) => i.base_value().and_then(|v| equals(a, v)),
        _ => as_complex(b).map(|c| a.re == c.re && a.im == c.im),
    }
}

fn eq(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "__eq__")?;
    Ok(equals(a, other(args, "__eq__")?).map(Value::Bool).unwrap_or(Value::NotImplemented))
}

fn ne(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "__ne__")?;
    Ok(equals(a, other(args, "__ne__")?).map(|e| Value::Bool(!e)).unwrap_or(Value::NotImplemented))
}

/// `<` and friends: never defined between complex numbers.
fn unordered(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

fn neg(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "__neg__")?;
    Ok(new_complex(-a.re, -a.im))
}

/// A new complex, not the receiver: `+z` of a subclass is a plain complex.
fn pos(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(from_c(this(args, "__pos__")?))
}

fn abs(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    c_abs(this(args, "__abs__")?).map(Value::Float)
}

fn bool_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "__bool__")?;
    Ok(Value::Bool(a.re != 0.0 || a.im != 0.0))
}

fn hash_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(hash(this(args, "__hash__")?)))
}

fn repr_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(repr(this(args, "__repr__")?)))
}

fn format_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "__format__")?;
    match args.pos.get(1) {
        Some(Value::Str(s)) => format(a, s.as_str()).map(Value::str),
        Some(v) => Err(type_error(format!("__format__() argument must be str, not {}", v.type_name()))),
        None => Err(type_error("__format__() takes exactly one argument (0 given)")),
    }
}

fn conjugate(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "conjugate")?;
    Ok(new_complex(a.re, -a.im))
}

/// `__complex__` (3.11 has it on complex itself).
fn complex_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(from_c(this(args, "__complex__")?))
}

fn getnewargs(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::Float(a.re), Value::Float(a.im)]))
}

/// The `.real` and `.imag` attributes (they are data, not methods).
pub fn attr(v: &Value, name: &str) -> Option<Value> {
    let c = as_complex(v)?;
    match name {
        "real" => Some(Value::Float(c.re)),
        "imag" => Some(Value::Float(c.im)),
        _ => None,
    }
}

pub fn complex_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__add__", add as NativeFn),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", unordered),
        ("__le__", unordered),
        ("__gt__", unordered),
        ("__ge__", unordered),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__bool__", bool_),
        ("__hash__", hash_),
        ("__repr__", repr_),
        ("__format__", format_),
        ("__complex__", complex_),
        ("__getnewargs__", getnewargs),
        ("conjugate", conjugate),
    ]
}
