//! Float to text, as CPython writes it: `repr` (shortest round-trip digits,
//! scientific notation below 1e-4 and from 1e16 on) and the `e`, `f`, `g`
//! conversions used by `%` formatting and format specs.

use super::memory;
use crate::vm::PyResult;

/// `repr(x)` / `str(x)`.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (neg, digits, exp) = shortest_digits(x);
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if !(-4..16).contains(&exp) {
        s.push_str(&digits[..1]);
        if digits.len() > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        s.push_str(&exponent_suffix(exp));
    } else {
        s.push_str(&fixed_from_digits(&digits, exp, true));
    }
    s
}

/// Shortest round-trip digits: (negative, digits, decimal exponent of the
/// first digit).
pub fn shortest_digits(x: f64) -> (bool, String, i32) {
    let e = format!("{:e}", x.abs());
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (x.is_sign_negative(), digits, exp)
}

/// Lays out digits d1d2d3... with the first digit at 10**exp in fixed
/// notation; `dot_zero` adds ".0" to integers.
fn fixed_from_digits(digits: &str, exp: i32, dot_zero: bool) -> String {
    let mut s = String::new();
    if exp >= 0 {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            s.push_str(digits);
            s.extend(std::iter::repeat_n('0', int_len - digits.len()));
            if dot_zero {
                s.push_str(".0");
            }
        } else {
            s.push_str(&digits[..int_len]);
            s.push('.');
            s.push_str(&digits[int_len..]);
        }
    } else {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
        s.push_str(digits);
    }
    s
}

/// `e+16`, `e-05`: sign and at least two digits, as C prints them.
pub fn exponent_suffix(exp: i32) -> String {
    format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// Digits after the point beyond which a double's exact decimal expansion
/// is all zeros (the smallest subnormal has 1074), so `f` formats at most
/// this many and appends the rest as zeros.
const EXACT_FRACTION: usize = 1100;

/// Significant digits beyond which a double's exact decimal expansion is
/// all zeros (at most 767 are not), for `e`.
const EXACT_SIGNIFICANT: usize = 800;

/// `%.{prec}f`. A precision the script chooses may be huge: the exact
/// digits are bounded and the zeros after them are allocated fallibly.
pub fn format_f(x: f64, prec: usize) -> PyResult<String> {
    if !x.is_finite() {
        return Ok(nonfinite(x));
    }
    if prec <= EXACT_FRACTION {
        return Ok(format!("{x:.prec$}"));
    }
    let mut s = format!("{x:.EXACT_FRACTION$}");
    memory::push_repeated(&mut s, '0', prec - EXACT_FRACTION)?;
    Ok(s)
}

/// `%.{prec}e`, with huge precisions handled as in `format_f`.
pub fn format_e(x: f64, prec: usize) -> PyResult<String> {
    if !x.is_finite() {
        return Ok(nonfinite(x));
    }
    let exact = prec.min(EXACT_SIGNIFICANT);
    let s = format!("{x:.exact$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut out = memory::string_with_capacity(mant.len().saturating_add(prec - exact).saturating_add(5))?;
    out.push_str(mant);
    memory::push_repeated(&mut out, '0', prec - exact)?;
    out.push_str(&exponent_suffix(exp));
    Ok(out)
}

/// `%.{prec}g`; `alt` keeps trailing zeros (the `#` flag).
pub fn format_g(x: f64, prec: usize, alt: bool) -> PyResult<String> {
    if !x.is_finite() {
        return Ok(nonfinite(x));
    }
    // Without `#` the zeros beyond a double's exact digits are stripped
    // again, so a huge precision needs no room for them.
    let p = if alt { prec.max(1) } else { prec.clamp(1, EXACT_SIGNIFICANT) };
    if x == 0.0 {
        let mut s = if x.is_sign_negative() { "-0".to_string() } else { "0".to_string() };
        if alt && p > 1 {
            s.push('.');
            memory::push_repeated(&mut s, '0', p - 1)?;
        }
        return Ok(s);
    }
    // The exponent after rounding to p significant digits.
    let e_repr = format!("{:.*e}", p.min(EXACT_SIGNIFICANT) - 1, x.abs());
    let exp: i32 = e_repr.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let s = if exp < -4 || i64::from(exp) >= p as i64 {
        format_e(x, p - 1)?
    } else {
        format_f(x, (p as i64 - 1 - i64::from(exp)).max(0) as usize)?
    };
    Ok(if alt { s } else { strip_zeros(&s) })
}

/// Removes trailing zeros after a decimal point (and the point itself).
fn strip_zeros(s: &str) -> String {
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.') } else { mant };
    format!("{mant}{exp}")
}

/// A float format with no presentation type (`format(x, '.3')`): like `g`,
/// but a fixed-point result keeps one digit after the point, and with no
/// precision it is `repr`.
pub fn format_none(x: f64, prec: Option<usize>) -> PyResult<String> {
    Ok(match prec {
        None => repr(x),
        Some(p) => {
            let s = format_g(x, p, false)?;
            if x.is_finite() && !s.contains(['.', 'e']) { format!("{s}.0") } else { s }
        }
    })
}

fn nonfinite(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    }
}

/// `round(x, n)` for floats, correctly rounded like CPython (which rounds
/// the exact decimal value, half to even).
pub fn round_to(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 308 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    if n >= 0 {
        // Exact formatting then parsing rounds the true value correctly.
        let s = format!("{x:.*}", n as usize);
        s.parse().unwrap_or(x)
    } else {
        round_to_power_of_ten(x, (-n) as u32)
    }
}

/// Rounds `x` to a multiple of `10**k`, ties to even, computed exactly on
/// the float's binary value (as CPython's correctly rounded `round`).
fn round_to_power_of_ten(x: f64, k: u32) -> f64 {
    use num_bigint::BigInt;
    use num_integer::Integer;
    use num_traits::{Signed, ToPrimitive, Zero};
    let bits = x.to_bits();
    let negative = x < 0.0;
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_bits - 1075) };
    let q = BigInt::from(10u32).pow(k);
    let (num, den) = if exp >= 0 {
        (BigInt::from(mant) << (exp as usize), q.clone())
    } else {
        (BigInt::from(mant), q.clone() << ((-exp) as usize))
    };
    let (quot, rem) = num.div_rem(&den);
    let twice = &rem * 2;
    let up = twice > den || (twice == den && quot.is_odd());
    let r = if up { quot + 1 } else { quot };
    if r.is_zero() {
        return 0.0f64.copysign(x);
    }
    let v = (r * q).abs().to_f64().unwrap_or(f64::INFINITY);
    if negative { -v } else { v }
}

/// A quiet NaN with a payload no other NaN made by this function has.
///
/// Floats are immediates, so identity (`is`, and the identity shortcut of
/// `in`, `==` on containers, `list.index`...) compares bits. CPython gives
/// every `float('nan')` its own object: `n in [n]` holds but
/// `float('nan') in [float('nan')]` does not. A distinct payload per NaN
/// keeps that difference; NaN payloads never show in printed values.
pub fn fresh_nan() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    // A source of identities only, like an address allocator: sharing it
    // between interpreters changes nothing they can observe.
    static NEXT: AtomicU64 = AtomicU64::new(1);
    const QUIET: u64 = 0x7ff8_0000_0000_0000;
    const PAYLOAD: u64 = 0x0007_ffff_ffff_ffff;
    let n = NEXT.fetch_add(1, Ordering::Relaxed) & PAYLOAD;
    f64::from_bits(QUIET | n.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1e15), "1000000000000000.0");
        assert_eq!(repr(1.5e-7), "1.5e-07");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(123456789012345678.0), "1.2345678901234568e+17");
        assert_eq!(repr(2.5), "2.5");
        assert_eq!(repr(100.0), "100.0");
    }

    #[test]
    fn printf_styles() {
        assert_eq!(format_e(1.5e-7, 3).unwrap(), "1.500e-07");
        assert_eq!(format_g(0.0001, 6, false).unwrap(), "0.0001");
        assert_eq!(format_g(123456789.0, 6, false).unwrap(), "1.23457e+08");
        assert_eq!(format_g(1.5, 6, false).unwrap(), "1.5");
        assert_eq!(format_g(100.0, 6, true).unwrap(), "100.000");
        assert_eq!(format_none(1.0, Some(3)).unwrap(), "1.0");
    }

    #[test]
    fn precisions_beyond_the_exact_digits() {
        let f = format_f(0.1, 2000).unwrap();
        assert_eq!(f.len(), 2002);
        assert_eq!(&f[..22], "0.10000000000000000555");
        assert!(f.ends_with("000"));
        let e = format_e(1.0, 1000).unwrap();
        assert_eq!(e.len(), 1006);
        assert!(e.starts_with("1.000") && e.ends_with("0e+00"));
        assert_eq!(
            format_g(0.1, 1_000_000, false).unwrap(),
            "0.1000000000000000055511151231257827021181583404541015625"
        );
        assert_eq!(format_g(1.0, 1000, true).unwrap().len(), 1001);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_to(2.675, 2), 2.67);
        assert_eq!(round_to(1.25, 1), 1.2);
        assert_eq!(round_to(1234.5, -1), 1230.0);
        assert_eq!(round_to(1e300, -300), 1e300);
        assert_eq!(round_to(25.0, -1), 20.0);
    }
}
