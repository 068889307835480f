//! The complex functions of `cmath`, computed as CPython's
//! `cmathmodule.c` computes them for finite arguments (the same
//! reductions, scalings and C library calls), so results print the same.
//!
//! Contract: pure functions of `Complex`; a failure is `Err(Domain)`
//! (ValueError "math domain error") or `Err(Range)` (OverflowError "math
//! range error"), CPython's `errno` EDOM and ERANGE. Non-finite arguments
//! follow C99 Annex G and CPython's domain errors for sqrt, exp, log and
//! the hyperbolic functions (so also sin, cos, tan, atan); asin, acos,
//! asinh and acosh apply their finite formulas (CPython's special-value
//! tables are not reproduced for them).

use super::math_float::libm;
use crate::runtime::complex::Complex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CErr {
    Domain,
    Range,
}

pub type CResult = Result<Complex, CErr>;

const LN2: f64 = std::f64::consts::LN_2;
const E: f64 = std::f64::consts::E;
/// `DBL_MAX / 4`: beyond it, formulas that square would overflow.
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// `log(DBL_MAX / 4)`: beyond it, `exp`/`cosh` of the real part overflow.
const LOG_LARGE_DOUBLE: f64 = 708.3964185322641;
/// 2**53 + 1 and back: rescaling subnormal arguments (`CM_SCALE_UP/DOWN`).
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;
const MANT_DIG: i32 = 53;

fn finite(z: Complex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

fn large(z: Complex) -> bool {
    z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE
}

/// An overflowed part is a range error, as CPython checks after exp/cosh.
fn range_checked(r: Complex) -> CResult {
    if r.re.is_infinite() || r.im.is_infinite() { Err(CErr::Range) } else { Ok(r) }
}

pub fn sqrt(z: Complex) -> Complex {
    if !finite(z) {
        return sqrt_special(z);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return Complex::new(0.0, z.im);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = libm::ldexp(ax, SCALE_UP);
        libm::ldexp((ax + ax.hypot(libm::ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 { Complex::new(s, d.copysign(z.im)) } else { Complex::new(d, s.copysign(z.im)) }
}

/// C99 G.6.4.2.
fn sqrt_special(z: Complex) -> Complex {
    let inf = f64::INFINITY;
    if z.im.is_infinite() {
        return Complex::new(inf, z.im);
    }
    if z.re == f64::NEG_INFINITY {
        return if z.im.is_nan() { Complex::new(f64::NAN, inf) } else { Complex::new(0.0, inf.copysign(z.im)) };
    }
    if z.re == inf {
        return if z.im.is_nan() { Complex::new(inf, f64::NAN) } else { Complex::new(inf, 0.0f64.copysign(z.im)) };
    }
    Complex::new(f64::NAN, f64::NAN)
}

pub fn exp(z: Complex) -> CResult {
    if !finite(z) {
        return exp_special(z);
    }
    let r = if z.re > LOG_LARGE_DOUBLE {
        let l = libm::exp(z.re - 1.0);
        Complex::new(l * libm::cos(z.im) * E, l * libm::sin(z.im) * E)
    } else {
        let l = libm::exp(z.re);
        Complex::new(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    range_checked(r)
}

/// C99 G.6.3.1, with CPython's domain error for an infinite imaginary
/// part of a finite or +inf real part.
fn exp_special(z: Complex) -> CResult {
    let (x, y) = (z.re, z.im);
    if x.is_nan() {
        return Ok(Complex::new(f64::NAN, if y == 0.0 { y } else { f64::NAN }));
    }
    if x == f64::NEG_INFINITY {
        if y.is_finite() {
            return Ok(Complex::new(0.0 * libm::cos(y), 0.0 * libm::sin(y)));
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    if x == f64::INFINITY {
        if y == 0.0 {
            return Ok(Complex::new(x, y));
        }
        if y.is_finite() {
            return Ok(Complex::new(x.copysign(libm::cos(y)), x.copysign(libm::sin(y))));
        }
        if y.is_infinite() {
            return Err(CErr::Domain);
        }
        return Ok(Complex::new(x, f64::NAN));
    }
    // Finite real part, imaginary part inf or nan.
    if y.is_infinite() {
        return Err(CErr::Domain);
    }
    Ok(Complex::new(f64::NAN, f64::NAN))
}

pub fn log(z: Complex) -> CResult {
    match log_errno(z) {
        (_, true) => Err(CErr::Domain),
        (r, false) => Ok(r),
    }
}

/// `c_log` with its `errno`: log(0) is a domain error but still answers
/// `-inf` plus the angle, which `log(0, base)` goes on to divide.
pub fn log_errno(z: Complex) -> (Complex, bool) {
    if !finite(z) {
        // C99 G.6.3.2: an infinite part gives +inf, the angle from atan2.
        if z.re.is_infinite() || z.im.is_infinite() {
            return (Complex::new(f64::INFINITY, libm::atan2(z.im, z.re)), false);
        }
        return (Complex::new(f64::NAN, f64::NAN), false);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if large(z) {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal.
            libm::log(libm::ldexp(ax, MANT_DIG).hypot(libm::ldexp(ay, MANT_DIG))) - MANT_DIG as f64 * LN2
        } else {
            return (Complex::new(f64::NEG_INFINITY, libm::atan2(z.im, z.re)), true);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            // Near the unit circle log(h) loses digits; log1p does not.
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    (Complex::new(re, libm::atan2(z.im, z.re)), false)
}

pub fn log10(z: Complex) -> CResult {
    let s = log(z)?;
    Ok(Complex::new(s.re / std::f64::consts::LN_10, s.im / std::f64::consts::LN_10))
}

pub fn acos(z: Complex) -> Complex {
    if large(z) {
        let re = libm::atan2(z.im.abs(), z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let im = if z.re < 0.0 { -l.copysign(z.im) } else { l.copysign(-z.im) };
        return Complex::new(re, im);
    }
    let s1 = sqrt(Complex::new(1.0 - z.re, -z.im));
    let s2 = sqrt(Complex::new(1.0 + z.re, z.im));
    Complex::new(2.0 * libm::atan2(s1.re, s2.re), libm::asinh(s2.re * s1.im - s2.im * s1.re))
}

pub fn acosh(z: Complex) -> Complex {
    if large(z) {
        return Complex::new((z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0, libm::atan2(z.im, z.re));
    }
    let s1 = sqrt(Complex::new(z.re - 1.0, z.im));
    let s2 = sqrt(Complex::new(z.re + 1.0, z.im));
    Complex::new(libm::asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * libm::atan2(s1.im, s2.re))
}

pub fn asinh(z: Complex) -> Complex {
    if large(z) {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return Complex::new(re, libm::atan2(z.im, z.re.abs()));
    }
    let s1 = sqrt(Complex::new(1.0 + z.im, -z.re));
    let s2 = sqrt(Complex::new(1.0 - z.im, z.re));
    Complex::new(libm::asinh(s1.re * s2.im - s2.re * s1.im), libm::atan2(z.im, s1.re * s2.re - s1.im * s2.im))
}

/// asin(z) = -i asinh(iz).
pub fn asin(z: Complex) -> Complex {
    let s = asinh(Complex::new(-z.im, z.re));
    Complex::new(s.im, -s.re)
}

pub fn atanh(z: Complex) -> CResult {
    // atanh(z) = -atanh(-z): work with a non-negative real part.
    if z.re < 0.0 {
        let r = atanh(Complex::new(-z.re, -z.im))?;
        return Ok(Complex::new(-r.re, -r.im));
    }
    if !finite(z) {
        return Ok(atanh_special(z));
    }
    let ay = z.im.abs();
    let sqrt_large = LARGE_DOUBLE.sqrt();
    if z.re > sqrt_large || ay > sqrt_large {
        // For large |z|, atanh(z) ~ 1/z ± i pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Ok(Complex::new(z.re / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2).copysign(-z.im)));
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(CErr::Domain);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return Ok(Complex::new(re, (libm::atan2(2.0, -ay) / 2.0).copysign(z.im)));
    }
    let re = libm::log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
    let im = -libm::atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    Ok(Complex::new(re, im))
}

/// atanh of a non-finite argument with a non-negative (or NaN) real part
/// (C99 G.6.2.3): an infinite part gives 0 ± i pi/2.
fn atanh_special(z: Complex) -> Complex {
    let (x, y) = (z.re, z.im);
    let half_pi = std::f64::consts::FRAC_PI_2;
    if y.is_infinite() {
        return Complex::new(if x.is_nan() { 0.0 } else { 0.0f64.copysign(x) }, half_pi.copysign(y));
    }
    if x.is_infinite() {
        return Complex::new(0.0f64.copysign(x), if y.is_nan() { f64::NAN } else { half_pi.copysign(y) });
    }
    if x == 0.0 && y.is_nan() {
        return Complex::new(x, f64::NAN);
    }
    Complex::new(f64::NAN, f64::NAN)
}

/// atan(z) = -i atanh(iz).
pub fn atan(z: Complex) -> CResult {
    let s = atanh(Complex::new(-z.im, z.re))?;
    Ok(Complex::new(s.im, -s.re))
}

pub fn cosh(z: Complex) -> CResult {
    if !finite(z) {
        return hyperbolic_special(z, true);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        // cosh(x) overflows before cosh(z) does.
        let x1 = z.re - 1.0f64.copysign(z.re);
        Complex::new(libm::cos(z.im) * libm::cosh(x1) * E, libm::sin(z.im) * libm::sinh(x1) * E)
    } else {
        Complex::new(libm::cos(z.im) * libm::cosh(z.re), libm::sin(z.im) * libm::sinh(z.re))
    };
    range_checked(r)
}

/// cosh and sinh of a non-finite argument (C99 G.6.2.4-5), with
/// CPython's domain error for an infinite imaginary part.
fn hyperbolic_special(z: Complex, cosh: bool) -> CResult {
    let (x, y) = (z.re, z.im);
    let nan = f64::NAN;
    if y.is_infinite() {
        return if x.is_nan() { Ok(Complex::new(nan, nan)) } else { Err(CErr::Domain) };
    }
    if x.is_infinite() {
        let inf = f64::INFINITY;
        let sx = 1.0f64.copysign(x);
        return Ok(if y.is_nan() {
            Complex::new(inf, nan)
        } else if y == 0.0 {
            if cosh { Complex::new(inf, y * sx) } else { Complex::new(x, y) }
        } else if cosh {
            Complex::new(inf.copysign(libm::cos(y)), inf.copysign(libm::sin(y)) * sx)
        } else {
            Complex::new(inf.copysign(libm::cos(y)) * sx, inf.copysign(libm::sin(y)))
        });
    }
    if x.is_nan() {
        // CPython's tables: cosh(nan ± 0j) is nan+0j, sinh keeps the sign.
        let im = match (y == 0.0, cosh) {
            (true, true) => 0.0,
            (true, false) => y,
            _ => nan,
        };
        return Ok(Complex::new(nan, im));
    }
    // Finite real part, NaN imaginary part.
    Ok(match (x == 0.0, cosh) {
        (true, true) => Complex::new(nan, 0.0),
        (true, false) => Complex::new(0.0, nan),
        _ => Complex::new(nan, nan),
    })
}

pub fn sinh(z: Complex) -> CResult {
    if !finite(z) {
        return hyperbolic_special(z, false);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        let x1 = z.re - 1.0f64.copysign(z.re);
        Complex::new(libm::cos(z.im) * libm::sinh(x1) * E, libm::sin(z.im) * libm::cosh(x1) * E)
    } else {
        Complex::new(libm::cos(z.im) * libm::sinh(z.re), libm::sin(z.im) * libm::cosh(z.re))
    };
    range_checked(r)
}

pub fn tanh(z: Complex) -> CResult {
    let (x, y) = (z.re, z.im);
    if x.is_infinite() {
        // C99 G.6.2.6: tanh(+inf + iy) = 1 + i0 sin(2y).
        let im = if y.is_finite() { 0.0f64.copysign(libm::sin(2.0 * y)) } else { 0.0 };
        return Ok(Complex::new(1.0f64.copysign(x), im));
    }
    if x.is_nan() {
        return Ok(Complex::new(f64::NAN, if y == 0.0 { y } else { f64::NAN }));
    }
    if y.is_infinite() {
        return Err(CErr::Domain);
    }
    if y.is_nan() {
        return Ok(Complex::new(f64::NAN, f64::NAN));
    }
    Ok(tanh_finite(z))
}

fn tanh_finite(z: Complex) -> Complex {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        return Complex::new(
            1.0f64.copysign(z.re),
            4.0 * libm::sin(z.im) * libm::cos(z.im) * libm::exp(-2.0 * z.re.abs()),
        );
    }
    let tx = libm::tanh(z.re);
    let ty = libm::tan(z.im);
    let cx = 1.0 / libm::cosh(z.re);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Complex::new(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

/// cos(z) = cosh(iz).
pub fn cos(z: Complex) -> CResult {
    cosh(Complex::new(-z.im, z.re))
}

/// sin(z) = -i sinh(iz).
pub fn sin(z: Complex) -> CResult {
    let s = sinh(Complex::new(-z.im, z.re))?;
    Ok(Complex::new(s.im, -s.re))
}

/// tan(z) = -i tanh(iz).
pub fn tan(z: Complex) -> CResult {
    let s = tanh(Complex::new(-z.im, z.re))?;
    Ok(Complex::new(s.im, -s.re))
}

/// `rect(r, phi)`, with CPython's handling of an infinite modulus and its
/// domain error for a nonzero modulus with an infinite angle.
pub fn rect(r: f64, phi: f64) -> CResult {
    if r.is_finite() && phi.is_finite() {
        // phi == 0 is special-cased in CPython (a buggy libm once gave a
        // wrong sign for -0.0).
        if phi == 0.0 {
            return Ok(Complex::new(r, r * phi));
        }
        return Ok(Complex::new(r * libm::cos(phi), r * libm::sin(phi)));
    }
    if r != 0.0 && !r.is_nan() && phi.is_infinite() {
        return Err(CErr::Domain);
    }
    if r.is_infinite() && phi.is_finite() && phi != 0.0 {
        let (c, s) = (libm::cos(phi), libm::sin(phi));
        return Ok(if r > 0.0 {
            Complex::new(r.copysign(c), r.copysign(s))
        } else {
            Complex::new(-f64::INFINITY.copysign(c), -f64::INFINITY.copysign(s))
        });
    }
    if r.is_infinite() && phi == 0.0 {
        return Ok(Complex::new(r, phi * r.signum()));
    }
    if r == 0.0 && !phi.is_nan() {
        return Ok(Complex::new(0.0, 0.0));
    }
    Ok(Complex::new(f64::NAN, f64::NAN))
}
