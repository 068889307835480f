//! Arithmetic on bool, int (small and big) and float, with Python's rules:
//! floor division and modulo take the divisor's sign, `/` is true
//! division, `**` with a negative exponent gives a float, ints never
//! overflow, and errors carry CPython's messages.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::memory;
use super::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::PyResult;
use crate::vm::error::{overflow_error, type_error, value_error, zero_division};

/// A number widened for arithmetic.
pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

pub fn as_num(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Bool(b) => Num::Int(*b as i64),
        Value::Int(i) => Num::Int(*i),
        Value::BigInt(b) => Num::Big((**b).clone()),
        Value::Float(f) => Num::Float(*f),
        _ => return None,
    })
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// int -> float as CPython does it (OverflowError for huge ints).
pub fn big_to_float(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(overflow_error("int too large to convert to float")),
    }
}

fn num_to_float(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_float(b),
        Num::Float(f) => Ok(*f),
    }
}

/// `a op b` for two numbers; `None` if either is not a number.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    // bool & bool stays bool.
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::BitAnd => return Some(Ok(Value::Bool(*x & *y))),
            BinOp::BitOr => return Some(Ok(Value::Bool(*x | *y))),
            BinOp::BitXor => return Some(Ok(Value::Bool(*x ^ *y))),
            _ => {}
        }
    }
    let x = as_num(a)?;
    let y = as_num(b)?;
    if op == BinOp::MatMul {
        return None;
    }
    Some(match (x, y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) {
                return None;
            }
            let x = match as_num(a).map(|n| num_to_float(&n)) {
                Some(Ok(f)) => f,
                Some(Err(e)) => return Some(Err(e)),
                None => return None,
            };
            let y = match as_num(b).map(|n| num_to_float(&n)) {
                Some(Ok(f)) => f,
                Some(Err(e)) => return Some(Err(e)),
                None => return None,
            };
            float_op(op, x, y)
        }
        (Num::Int(x), Num::Int(y)) => int_op(op, x, y),
        (x, y) => {
            let x = match x {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!("floats handled above"),
            };
            let y = match y {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!("floats handled above"),
            };
            big_op(op, &x, &y)
        }
    })
}

pub fn int_op(op: BinOp, x: i64, y: i64) -> PyResult<Value> {
    let small = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            if x == i64::MIN && y == -1 { None } else { Some(Integer::div_floor(&x, &y)) }
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            if y == -1 { Some(0) } else { Some(x.mod_floor(&y)) }
        }
        BinOp::Div => {
            if y == 0 {
                return Err(zero_division("division by zero"));
            }
            return Ok(Value::Float(int_true_div(&BigInt::from(x), &BigInt::from(y))?));
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return float_op(BinOp::Pow, x as f64, y as f64);
            }
            match u32::try_from(y) {
                Ok(e) => x.checked_pow(e),
                Err(_) => None,
            }
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(value_error("negative shift count"));
            }
            if x == 0 {
                Some(0)
            } else if y < 63 && (x.abs() < (1i64 << (62 - y))) {
                Some(x << y)
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(value_error("negative shift count"));
            }
            Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
        }
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::MatMul => {
            return Err(type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    };
    match small {
        Some(v) => Ok(Value::Int(v)),
        None => big_op(op, &BigInt::from(x), &BigInt::from(y)),
    }
}

pub fn big_op(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => Value::from_bigint(x + y),
        BinOp::Sub => Value::from_bigint(x - y),
        BinOp::Mul => {
            memory::reserve_int_bits(x.bits().saturating_add(y.bits()))?;
            Value::from_bigint(x * y)
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            Value::from_bigint(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            Value::from_bigint(x.mod_floor(y))
        }
        BinOp::Div => {
            if y.is_zero() {
                return Err(zero_division("division by zero"));
            }
            Value::Float(int_true_div(x, y)?)
        }
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return float_op(BinOp::Pow, big_to_float(x)?, big_to_float(y)?);
            }
            if x.is_zero() || x.is_one() {
                return Ok(Value::from_bigint(x.clone()));
            }
            if *x == BigInt::from(-1) {
                return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
            }
            // |x| >= 2 here, so the result has about bits(x) * y bits: too
            // many to store is CPython's MemoryError, checked first.
            let bits = y.to_u64().and_then(|e| (x.bits() - 1).max(1).checked_mul(e));
            memory::reserve_int_bits(bits.ok_or_else(memory::memory_error)?)?;
            let e = y.to_usize().ok_or_else(memory::memory_error)?;
            Value::from_bigint(num_traits::pow(x.clone(), e))
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            let s = y.to_usize().ok_or_else(memory::memory_error)?;
            memory::reserve_int_bits(x.bits().saturating_add(s as u64))?;
            Value::from_bigint(x << s)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => Value::from_bigint(x >> s),
                None => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => Value::from_bigint(x & y),
        BinOp::BitOr => Value::from_bigint(x | y),
        BinOp::BitXor => Value::from_bigint(x ^ y),
        BinOp::MatMul => {
            return Err(type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    })
}

/// Correctly rounded int / int, as CPython's `long_true_divide`.
fn int_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    const EXACT: u64 = 1 << 53;
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64())
        && a.unsigned_abs() <= EXACT
        && b.unsigned_abs() <= EXACT
    {
        return Ok(a as f64 / b as f64);
    }
    // Scale so the quotient has 55+ significant bits, divide exactly,
    // and let the conversion round once.
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (num, den) = if shift >= 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    // Fold the remainder into a sticky bit so rounding is exact.
    let q = (q << 1usize) | BigInt::from(!r.is_zero() as u8);
    let mut f = q.to_f64().unwrap_or(f64::INFINITY);
    let exp = -(shift + 1);
    if exp > 2000 {
        return Err(overflow_error("integer division result too large for a float"));
    }
    f = scale(f, exp);
    if f.is_infinite() {
        return Err(overflow_error("integer division result too large for a float"));
    }
    Ok(if negative { -f } else { f })
}

fn scale(mut f: f64, mut exp: i64) -> f64 {
    while exp > 0 {
        let s = exp.min(1000);
        f *= 2f64.powi(s as i32);
        exp -= s;
    }
    while exp < 0 {
        let s = (-exp).min(1000);
        f /= 2f64.powi(s as i32);
        exp += s;
    }
    f
}

pub fn float_op(op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => return float_pow(x, y),
        _ => {
            return Err(type_error(format!("unsupported operand type(s) for {}: 'float' and 'float'", op.symbol())));
        }
    }))
}

/// CPython's `float_divmod`.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    // As CPython's `float_pow`: a negative base to a non-integral power
    // is a complex result, computed as complex ** complex.
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        use super::complex::Complex;
        return super::complex_ops::pow_value(Complex::new(x, 0.0), Complex::new(y, 0.0));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

/// CPython's hash of an integer: its value modulo 2**61 - 1.
pub fn hash_int(i: i64) -> i64 {
    const P: i64 = (1 << 61) - 1;
    let h = if i >= 0 { i % P } else { -((-(i as i128) % P as i128) as i64) };
    if h == -1 { -2 } else { h }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let p = BigInt::from((1i64 << 61) - 1);
    let m = (b.abs() % &p).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// CPython's `_Py_HashDouble` (NaN hashes like an object in CPython; here 0).
pub fn hash_float(v: f64) -> i64 {
    const BITS: i32 = 61;
    const P: u64 = (1 << 61) - 1;
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { 314159 } else { -314159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & P) | (x >> (BITS - e));
    let h = (x as i64) * sign;
    if h == -1 { -2 } else { h }
}

/// C's frexp: v = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// Python's `round(x)` for floats: to nearest, ties to even.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 { 2.0 * (x / 2.0).round() } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_semantics() {
        assert!(matches!(int_op(BinOp::FloorDiv, -7, 2), Ok(Value::Int(-4))));
        assert!(matches!(int_op(BinOp::Mod, -7, 2), Ok(Value::Int(1))));
        assert!(matches!(int_op(BinOp::Mod, 7, -2), Ok(Value::Int(-1))));
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
    }

    #[test]
    fn overflow_goes_big() {
        match int_op(BinOp::Mul, i64::MAX, 2) {
            Ok(Value::BigInt(b)) => assert_eq!(b.to_string(), "18446744073709551614"),
            _ => panic!("expected a big int"),
        }
        match int_op(BinOp::Pow, 2, 100) {
            Ok(Value::BigInt(b)) => assert_eq!(b.to_string(), "1267650600228229401496703205376"),
            _ => panic!("expected a big int"),
        }
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(12345), 12345);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(2.0), 2);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100usize)), 549755813888);
    }

    #[test]
    fn true_division_rounds_once() {
        let big = BigInt::from(10).pow(30);
        assert_eq!(int_true_div(&big, &BigInt::from(3)).unwrap(), 3.333333333333333e29);
    }
}
