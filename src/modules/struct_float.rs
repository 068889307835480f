//! `_struct_float`: the float encodings pyl's `struct` module (written in pyl)
//! cannot build from int operations alone.
//!
//! Contract: `pack_float(x, size, little)` gives the IEEE 754 binary16,
//! binary32 or binary64 bytes (size 2, 4, 8) of the float `x`, rounded
//! half to even as CPython's `PyFloat_Pack2/4/8` do, raising
//! `OverflowError("float too large to pack with e|f format")` when a
//! finite value does not fit; `unpack_float(data, little)` reads them back
//! (size from the length). NaNs keep their sign; a binary16 NaN is the
//! quiet one CPython writes.

use crate::runtime::pyarc::PyArc;

use crate::runtime::args::to_f64;
use crate::runtime::function::Args;
use crate::runtime::module::Module;
use crate::runtime::str::PyBytes;
use crate::runtime::value::Value;
use crate::vm::error::{overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

fn pack_float(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(type_error("pack_float() takes exactly 3 arguments"));
    }
    let x = to_f64(vm, &args.pos[0])?;
    let little = vm.truthy(&args.pos[2])?;
    let mut bytes = match args.pos[1] {
        Value::Int(2) => half_bits(x)?.to_be_bytes().to_vec(),
        Value::Int(4) => {
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(overflow_error("float too large to pack with f format"));
            }
            y.to_bits().to_be_bytes().to_vec()
        }
        Value::Int(8) => x.to_bits().to_be_bytes().to_vec(),
        _ => return Err(value_error("pack_float(): size must be 2, 4 or 8")),
    };
    if little {
        bytes.reverse();
    }
    Ok(Value::Bytes(PyArc::new(PyBytes::new(bytes))))
}

fn unpack_float(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(type_error("unpack_float() takes exactly 2 arguments"));
    }
    let Value::Bytes(data) = &args.pos[0] else {
        return Err(type_error("unpack_float() argument 1 must be bytes"));
    };
    let mut bytes = data.data.to_vec();
    if vm.truthy(&args.pos[1])? {
        bytes.reverse();
    }
    let x = match bytes.len() {
        2 => half_value(u16::from_be_bytes([bytes[0], bytes[1]])),
        4 => f32::from_bits(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])) as f64,
        8 => f64::from_bits(u64::from_be_bytes(bytes[..8].try_into().expect("eight bytes"))),
        _ => return Err(value_error("unpack_float(): data must be 2, 4 or 8 bytes")),
    };
    Ok(Value::Float(x))
}

/// binary16 bits of x, after CPython's `PyFloat_Pack2`.
fn half_bits(x: f64) -> PyResult<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Ok(sign);
    }
    // a = f * 2**e with 0.5 <= f < 1.
    let (mut f, mut e) = frexp(a);
    if !(0.5..1.0).contains(&f) {
        return Err(value_error("frexp() result out of range"));
    }
    f *= 2.0;
    e -= 1;
    let mut exp: i32;
    if e >= 16 {
        return Err(overflow_error("float too large to pack with e format"));
    } else if e < -25 {
        // Below half the smallest subnormal: rounds to zero.
        f = 0.0;
        exp = 0;
    } else if e < -14 {
        // Subnormal: the exponent field is zero.
        f = ldexp(f, 14 + e);
        exp = 0;
    } else {
        exp = e + 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u32;
    let rest = f - bits as f64;
    // Round half to even.
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            exp += 1;
            if exp == 31 {
                return Err(overflow_error("float too large to pack with e format"));
            }
        }
    }
    Ok(sign | ((exp as u16) << 10) | bits as u16)
}

fn half_value(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let exp = ((bits >> 10) & 0x1f) as i32;
    let frac = (bits & 0x3ff) as f64;
    let magnitude = match exp {
        0 => ldexp(frac, -24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => ldexp(1.0 + frac / 1024.0, exp - 15),
    };
    if negative { -magnitude } else { magnitude }
}

fn frexp(x: f64) -> (f64, i32) {
    super::math_float::frexp(x)
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_struct_float");
    m.set_functions(&[("pack_float", pack_float), ("unpack_float", unpack_float)]);
    Ok(PyArc::new(m))
}
