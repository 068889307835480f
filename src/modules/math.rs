//! The `math` module, with CPython 3.11's results and errors.
//!
//! Contract: float functions take any real number (ints too large for a
//! float raise "int too large to convert to float"), call the C library
//! and turn a NaN from a non-NaN argument into `ValueError("math domain
//! error")` and an infinity from a finite one into `OverflowError("math
//! range error")` or a domain error, as CPython's `math_1`/`math_2` do.
//! `log*` of huge ints, `fsum` (Shewchuk's exact partials), `hypot`/`dist`
//! (CPython's compensated `vector_norm`), `gamma`/`lgamma` (CPython's
//! Lanczos code) follow CPython's own algorithms so results agree to the
//! last bit. Integer functions work on big ints.

use crate::runtime::pyarc::PyArc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::runtime::args::{to_f64, to_index};
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::numeric::to_big;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::error::{overflow_error, type_error, value_error, zero_division};
use crate::vm::{PyResult, Vm};

use super::math_float::{Fsum, cbrt, frexp, ldexp, lgamma, libm, next_after, tgamma, vector_norm};

fn domain() -> crate::vm::PyErr {
    value_error("math domain error")
}

fn range() -> crate::vm::PyErr {
    overflow_error("math range error")
}

/// The single argument of a one-argument function.
fn one<'a>(args: &'a Args, name: &str) -> PyResult<&'a Value> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("math.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(type_error(format!("math.{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(&args.pos[0])
}

/// The two arguments of a two-argument function.
fn two<'a>(args: &'a Args, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((&args.pos[0], &args.pos[1]))
}

/// CPython's `math_1`: errors from the shape of the result.
fn math_1(x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

/// CPython's `math_2` (atan2, fmod-like functions).
fn math_2(x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($fname:ident = $py:literal, $f:expr, $overflow:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: &Args) -> PyResult<Value> {
            let x = to_f64(vm, one(args, $py)?)?;
            let f: fn(f64) -> f64 = |x| $f(x);
            math_1(x, f(x), $overflow)
        })*
    };
}

unary! {
    m_acos = "acos", libm::acos, false;
    m_acosh = "acosh", libm::acosh, false;
    m_asin = "asin", libm::asin, false;
    m_asinh = "asinh", libm::asinh, false;
    m_atan = "atan", libm::atan, false;
    m_atanh = "atanh", libm::atanh, false;
    m_cos = "cos", libm::cos, false;
    m_cosh = "cosh", libm::cosh, true;
    m_sin = "sin", libm::sin, false;
    m_sinh = "sinh", libm::sinh, true;
    m_tan = "tan", libm::tan, false;
    m_tanh = "tanh", libm::tanh, false;
    m_sqrt = "sqrt", f64::sqrt, false;
    m_cbrt = "cbrt", cbrt, false;
    m_exp = "exp", libm::exp, true;
    m_exp2 = "exp2", libm::exp2, true;
    m_expm1 = "expm1", libm::expm1, true;
    m_log1p = "log1p", libm::log1p, false;
    m_fabs = "fabs", f64::abs, false;
    m_erf = "erf", libm::erf, false;
    m_erfc = "erfc", libm::erfc, false;
}

fn m_degrees(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let x = to_f64(vm, one(args, "degrees")?)?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let x = to_f64(vm, one(args, "radians")?)?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

// --------------------------------------------------------------- logarithms

/// `loghelper`: ints are taken exactly, even beyond the float range.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(n) = int_value(v) {
        if !n.is_positive() {
            return Err(domain());
        }
        if let Some(x) = n.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // n ~= m * 2**e with m in [0.5, 1): log(n) = log(m) + e*log(2).
        let bits = n.bits();
        let shift = bits - 64;
        let top = (&n >> shift).to_u64().unwrap_or(u64::MAX);
        // A sticky bit keeps the rounding of the 64 top bits to 53 exact.
        let sticky = u64::from(!(&n & ((BigInt::one() << shift) - 1u32)).is_zero());
        let m = (top | sticky) as f64 / 18_446_744_073_709_551_616.0;
        return Ok(f(m) + f(2.0) * bits as f64);
    }
    let x = to_f64(vm, v)?;
    match math_1(x, f(x), false)? {
        Value::Float(r) => Ok(r),
        _ => Err(domain()),
    }
}

fn int_value(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => to_big(v),
        _ => None,
    }
}

fn m_log(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&args.len()) {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &args.pos[0], |x| libm::log(x))?;
    let Some(base) = args.pos.get(1) else {
        return Ok(Value::Float(num));
    };
    let den = log_of(vm, base, |x| libm::log(x))?;
    if den == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn m_log2(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "log2")?;
    log_of(vm, v, |x| libm::log2(x)).map(Value::Float)
}

fn m_log10(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "log10")?;
    log_of(vm, v, |x| libm::log10(x)).map(Value::Float)
}

// ------------------------------------------------------------ two floats

fn m_atan2(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "atan2")?;
    let (y, x) = (to_f64(vm, a)?, to_f64(vm, b)?);
    math_2(y, x, libm::atan2(y, x))
}

fn m_copysign(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "copysign")?;
    let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
    Ok(Value::Float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "fmod")?;
    let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    math_2(x, y, x % y)
}

fn m_remainder(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "remainder")?;
    let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
    math_2(x, y, libm::remainder(x, y))
}

/// `math.pow`: IEEE special cases first, as CPython handles them itself.
fn m_pow(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "pow")?;
    let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    let r = libm::pow(x, y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain());
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn m_nextafter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "nextafter")?;
    let (x, y) = (to_f64(vm, a)?, to_f64(vm, b)?);
    Ok(Value::Float(next_after(x, y)))
}

fn m_ulp(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let x = to_f64(vm, one(args, "ulp")?)?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let up = next_after(x, f64::INFINITY);
    Ok(Value::Float(if up.is_infinite() { x - next_after(x, 0.0) } else { up - x }))
}

/// The arguments of `math.isclose` and `cmath.isclose`: `(a, b, rel_tol,
/// abs_tol)`, with CPython's errors.
pub(crate) fn isclose_args<'s>(vm: &mut Vm, args: &'s Args) -> PyResult<(&'s Value, &'s Value, f64, f64)> {
    args.allow_kwargs("isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.len())));
    }
    let (Some(a), Some(b)) = (args.get(0, "a"), args.get(1, "b")) else {
        let missing = if args.get(0, "a").is_none() { "a" } else { "b" };
        let pos = if missing == "a" { 1 } else { 2 };
        return Err(type_error(format!("isclose() missing required argument '{missing}' (pos {pos})")));
    };
    let rel_tol = match args.kwarg("rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match args.kwarg("abs_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    Ok((a, b, rel_tol, abs_tol))
}

fn m_isclose(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b, rel_tol, abs_tol) = isclose_args(vm, args)?;
    let (a, b) = (to_f64(vm, a)?, to_f64(vm, b)?);
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

fn m_isfinite(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(to_f64(vm, one(args, "isfinite")?)?.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(to_f64(vm, one(args, "isinf")?)?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(to_f64(vm, one(args, "isnan")?)?.is_nan()))
}

// --------------------------------------------------------- float <-> int

/// `int(x)` of an integral float, with CPython's errors.
fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.2e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(BigInt::from_f64(x).unwrap_or_default()))
}

/// floor/ceil/trunc: ints unchanged, `__floor__`-style hooks of Python
/// classes, and floats rounded by `f`.
fn rounding(vm: &mut Vm, args: &Args, name: &str, hook: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = one(args, name)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(x) => return float_to_int(f(*x)),
        Value::Instance(_) => {
            if let Some(r) = vm.call_dunder(v, hook, &[])? {
                return Ok(r);
            }
        }
        _ => {}
    }
    if name == "trunc" {
        return Err(type_error(format!("type {} doesn't define __trunc__ method", v.type_name())));
    }
    float_to_int(f(to_f64(vm, v)?))
}

fn m_floor(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    rounding(vm, args, "trunc", "__trunc__", f64::trunc)
}

fn m_modf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let x = to_f64(vm, one(args, "modf")?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn m_frexp(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let x = to_f64(vm, one(args, "frexp")?)?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b) = two(args, "ldexp")?;
    let x = to_f64(vm, a)?;
    let exp = match b {
        Value::Int(i) => *i,
        Value::Bool(v) => *v as i64,
        Value::BigInt(big) => {
            if big.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    if exp > i32::MAX as i64 {
        return Err(range());
    }
    if exp < i32::MIN as i64 {
        return Ok(Value::Float(0.0f64.copysign(x)));
    }
    let r = ldexp(x, exp as i32);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

// ------------------------------------------------------------------ sums

/// `math.fsum`: Shewchuk's exactly rounded sum, as CPython's `math_fsum`.
fn m_fsum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let seq = one(args, "fsum")?;
    let it = vm.get_iter(seq)?;
    let mut sum = Fsum::default();
    while let Some(item) = vm.iter_next(&it)? {
        let x = to_f64(vm, &item)?;
        sum.add(x).map_err(overflow_error)?;
    }
    sum.total().map(Value::Float).map_err(value_error)
}

fn m_prod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("prod", &["start"])?;
    if args.len() != 1 {
        return Err(type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let mut acc = args.kwarg("start").cloned().unwrap_or(Value::Int(1));
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(x) = vm.iter_next(&it)? {
        acc = vm.binary_op(BinOp::Mul, &acc, &x)?;
    }
    Ok(acc)
}

fn m_hypot(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("hypot")?;
    let mut v = Vec::with_capacity(args.len());
    let (mut max, mut nan) = (0.0f64, false);
    for a in args.pos {
        let x = to_f64(vm, a)?.abs();
        nan |= x.is_nan();
        max = if x > max { x } else { max };
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, nan)))
}

fn m_dist(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (p, q) = two(args, "dist")?;
    let (p, q) = (vm.iterate(p)?, vm.iterate(q)?);
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = (to_f64(vm, a)? - to_f64(vm, b)?).abs();
        nan |= x.is_nan();
        max = if x > max { x } else { max };
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, nan)))
}

// -------------------------------------------------------------- integers

/// An integer argument (`__index__`), as a big int.
fn big_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(to_big(v).unwrap_or_default()),
        Value::Instance(_) => match vm.call_dunder(v, "__index__", &[])? {
            Some(r @ (Value::Int(_) | Value::BigInt(_))) => Ok(to_big(&r).unwrap_or_default()),
            _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
        },
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
    }
}

/// The product of the integers in `lo..hi`, split in halves so the
/// multiplications stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi - lo <= 8 {
        return (lo..hi).fold(BigInt::one(), |acc, i| acc * i);
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "factorial")?;
    let n = match v {
        Value::Float(_) => {
            return Err(type_error("'float' object cannot be interpreted as an integer"));
        }
        Value::BigInt(b) if b.is_positive() => {
            return Err(overflow_error("factorial() argument should not exceed 9223372036854775807"));
        }
        Value::BigInt(_) => return Err(value_error("factorial() not defined for negative values")),
        other => to_index(vm, other)?,
    };
    if n < 0 {
        return Err(value_error("factorial() not defined for negative values"));
    }
    Ok(Value::from_bigint(range_product(1, n as u64 + 1)))
}

fn m_gcd(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("gcd")?;
    let mut g = BigInt::zero();
    for a in args.pos {
        let n = big_index(vm, a)?;
        g = g.gcd(&n);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("lcm")?;
    let mut l = BigInt::one();
    for a in args.pos {
        let n = big_index(vm, a)?;
        l = if l.is_zero() || n.is_zero() { BigInt::zero() } else { l.lcm(&n) };
    }
    Ok(Value::from_bigint(l.abs()))
}

fn m_isqrt(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let n = big_index(vm, one(args, "isqrt")?)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

/// n * (n-1) * ... * (n-k+1) for `k` small enough to count.
fn falling(n: &BigInt, k: u64) -> BigInt {
    match n.to_u64() {
        Some(small) => range_product(small - k + 1, small + 1),
        None => (0..k).fold(BigInt::one(), |acc, i| acc * (n - i)),
    }
}

fn comb_perm_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = big_index(vm, n)?;
    let k = big_index(vm, k)?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (n, k) = two(args, "comb")?;
    let (n, k) = comb_perm_args(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    // Exact at every step: the running product of i consecutive integers
    // is divisible by i!.
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

fn m_perm(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("perm")?;
    args.between("perm", 1, 2, args.len())?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) => return m_factorial(vm, &Args::new(&args.pos[..1])),
        Some(k) => k,
    };
    let (n, k) = comb_perm_args(vm, &args.pos[0], k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(overflow_error("k must not exceed 9223372036854775807"));
    };
    Ok(Value::from_bigint(falling(&n, k)))
}

// ------------------------------------------------------------ gamma

fn gamma_result(r: Result<f64, bool>) -> PyResult<Value> {
    match r {
        Ok(x) => Ok(Value::Float(x)),
        Err(true) => Err(domain()),
        Err(false) => Err(range()),
    }
}

fn m_gamma(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    gamma_result(tgamma(to_f64(vm, one(args, "gamma")?)?))
}

fn m_lgamma(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    gamma_result(lgamma(to_f64(vm, one(args, "lgamma")?)?))
}

/// Builds the module.
pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("math");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    m.set_functions(&functions);
    set_constants(&m);
    Ok(PyArc::new(m))
}

/// `pi`, `e`, `tau`, `inf`, `nan`: the constants `math` and `cmath` share.
pub(crate) fn set_constants(m: &Module) {
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
}
