//! The `cmath` module: its functions' arguments and errors, as CPython's.
//! The arithmetic is in `cmath_float.rs`.
//!
//! An argument is anything `complex()` takes but a string: a complex, an
//! object with `__complex__`, or a real number (`__float__`, `__index__`).

use crate::runtime::pyarc::PyArc;

use super::cmath_float::{self as cf, CErr, CResult};
use super::math_float::libm;
use crate::runtime::args::to_f64;
use crate::runtime::complex::{Complex, as_complex, complex_of, from_c};
use crate::runtime::complex_ops::{c_abs, c_diff, c_quot};
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::value::Value;
use crate::vm::error::{overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

fn domain() -> crate::vm::PyErr {
    value_error("math domain error")
}

fn range() -> crate::vm::PyErr {
    overflow_error("math range error")
}

fn raise(e: CErr) -> crate::vm::PyErr {
    match e {
        CErr::Domain => domain(),
        CErr::Range => range(),
    }
}

/// CPython's `PyComplex_AsCComplex`: `__complex__` first, then a real
/// number; anything else is "must be real number, not str".
pub fn to_complex(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    if let Some(c) = as_complex(v) {
        return Ok(c);
    }
    if let Value::Instance(_) = v
        && let Some(r) = vm.call_dunder(v, "__complex__", &[])?
    {
        return complex_of(&r)
            .ok_or_else(|| type_error(format!("__complex__ returned non-complex (type {})", r.type_name())));
    }
    if let Some(c) = complex_of(v) {
        return Ok(c);
    }
    Ok(Complex::new(to_f64(vm, v)?, 0.0))
}

/// The one argument; errors name the function `cmath.sqrt()`, as
/// CPython's argument clinic does.
fn one<'a>(args: &'a Args, name: &str) -> PyResult<&'a Value> {
    let name = format!("cmath.{name}");
    args.no_kwargs(&name)?;
    args.exactly(&name, 1, args.len())?;
    Ok(&args.pos[0])
}

macro_rules! unary {
    ($($fname:ident = $py:literal, $f:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: &Args) -> PyResult<Value> {
            let z = to_complex(vm, one(args, $py)?)?;
            let f: fn(Complex) -> CResult = $f;
            f(z).map(from_c).map_err(raise)
        })*
    };
}

unary! {
    c_sqrt = "sqrt", |z| Ok(cf::sqrt(z));
    c_exp = "exp", cf::exp;
    c_log10 = "log10", cf::log10;
    c_acos = "acos", |z| Ok(cf::acos(z));
    c_acosh = "acosh", |z| Ok(cf::acosh(z));
    c_asin = "asin", |z| Ok(cf::asin(z));
    c_asinh = "asinh", |z| Ok(cf::asinh(z));
    c_atan = "atan", cf::atan;
    c_atanh = "atanh", cf::atanh;
    c_cos = "cos", cf::cos;
    c_cosh = "cosh", cf::cosh;
    c_sin = "sin", cf::sin;
    c_sinh = "sinh", cf::sinh;
    c_tan = "tan", cf::tan;
    c_tanh = "tanh", cf::tanh;
}

/// `log(x[, base])`: log(x) / log(base), a zero divisor a domain error.
fn c_log(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("cmath.log")?;
    if args.is_empty() {
        return Err(type_error("log expected at least 1 argument, got 0"));
    }
    if args.len() > 2 {
        return Err(type_error(format!("log expected at most 2 arguments, got {}", args.len())));
    }
    let (x, bad) = cf::log_errno(to_complex(vm, &args.pos[0])?);
    let Some(base) = args.pos.get(1) else {
        return if bad { Err(domain()) } else { Ok(from_c(x)) };
    };
    // As in CPython, only the base's log and the division set the error
    // that is checked: log(0, 2) is (-inf+nanj).
    let (b, bad) = cf::log_errno(to_complex(vm, base)?);
    match c_quot(x, b) {
        Some(q) if !bad => Ok(from_c(q)),
        _ => Err(domain()),
    }
}

fn c_phase(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = to_complex(vm, one(args, "phase")?)?;
    Ok(Value::Float(libm::atan2(z.im, z.re)))
}

fn c_polar(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = to_complex(vm, one(args, "polar")?)?;
    let r = c_abs(z).map_err(|_| range())?;
    Ok(Value::tuple(vec![Value::Float(r), Value::Float(libm::atan2(z.im, z.re))]))
}

fn c_rect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("cmath.rect")?;
    if args.len() != 2 {
        return Err(type_error(format!("rect expected 2 arguments, got {}", args.len())));
    }
    let (r, phi) = (to_f64(vm, &args.pos[0])?, to_f64(vm, &args.pos[1])?);
    cf::rect(r, phi).map(from_c).map_err(raise)
}

fn c_isfinite(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = to_complex(vm, one(args, "isfinite")?)?;
    Ok(Value::Bool(z.re.is_finite() && z.im.is_finite()))
}

fn c_isinf(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = to_complex(vm, one(args, "isinf")?)?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn c_isnan(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = to_complex(vm, one(args, "isnan")?)?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`, CPython's test on the
/// modulus of the difference.
fn c_isclose(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (a, b, rel_tol, abs_tol) = super::math::isclose_args(vm, args)?;
    let (a, b) = (to_complex(vm, a)?, to_complex(vm, b)?);
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let modulus = |z: Complex| z.re.hypot(z.im);
    let diff = modulus(c_diff(a, b));
    Ok(Value::Bool(diff <= rel_tol * modulus(b) || diff <= rel_tol * modulus(a) || diff <= abs_tol))
}

/// Builds the module.
pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("cmath");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("acos", c_acos),
        ("acosh", c_acosh),
        ("asin", c_asin),
        ("asinh", c_asinh),
        ("atan", c_atan),
        ("atanh", c_atanh),
        ("cos", c_cos),
        ("cosh", c_cosh),
        ("exp", c_exp),
        ("isclose", c_isclose),
        ("isfinite", c_isfinite),
        ("isinf", c_isinf),
        ("isnan", c_isnan),
        ("log", c_log),
        ("log10", c_log10),
        ("phase", c_phase),
        ("polar", c_polar),
        ("rect", c_rect),
        ("sin", c_sin),
        ("sinh", c_sinh),
        ("sqrt", c_sqrt),
        ("tan", c_tan),
        ("tanh", c_tanh),
    ];
    m.set_functions(&functions);
    super::math::set_constants(&m);
    m.set("infj", crate::runtime::complex::new_complex(0.0, f64::INFINITY));
    m.set("nanj", crate::runtime::complex::new_complex(0.0, f64::NAN));
    Ok(PyArc::new(m))
}
