//! Equality and ordering that Rust can decide alone.
//!
//! `fast_eq` answers `a == b` for builtin values without running Python
//! code, or says it cannot (`None`): then the VM calls `__eq__`. Dicts and
//! sets use it under their lock; the VM uses it as the fast path of `==`.

use crate::runtime::pyarc::PyArc;
use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use super::class::ClassFlags;
use super::value::Value;

pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => PyArc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (None, None) => true,
        (Bool(_) | Int(_) | BigInt(_) | Float(_), Bool(_) | Int(_) | BigInt(_) | Float(_)) => {
            num_cmp(a, b) == Some(Ordering::Equal)
        }
        (Tuple(x), Tuple(y)) => {
            if PyArc::ptr_eq(x, y) {
                return Some(true);
            }
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if p.is(q) {
                    continue;
                }
                if !fast_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Bytes(x), Bytes(y)) => x.data == y.data,
        (Instance(x), _) if x.class_ref().has_flag(ClassFlags::EQ) => return Option::None,
        // Subclasses of builtin value types compare as their values.
        (Instance(x), _) | (_, Instance(x)) if x.base_value().is_some() => return Option::None,
        (_, Instance(y)) if y.class_ref().has_flag(ClassFlags::EQ) => return Option::None,
        (List(_) | Dict(_) | Set(_) | FrozenSet(_) | Range(_) | Slice(_), _) => {
            if a.is(b) {
                return Some(true);
            }
            if std::mem::discriminant(a) == std::mem::discriminant(b)
                || matches!((a, b), (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)))
            {
                return Option::None;
            }
            false
        }
        (BoundMethod(_), BoundMethod(_)) => return Option::None,
        (Native(_), _) | (_, Native(_)) => {
            use super::complex::as_complex;
            use super::complex_ops::equals;
            match (as_complex(a), as_complex(b)) {
                // A complex equals the number it is (dict keys: `d[1+0j]` finds 1).
                (Some(x), _) => equals(x, b).unwrap_or_else(|| a.is(b)),
                (Option::None, Some(y)) => equals(y, a).unwrap_or_else(|| a.is(b)),
                // Other Rust objects may define `__eq__` (weak references
                // compare their referents); with identity hashes, only they
                // meet here unequal.
                _ if matches!((a, b), (Native(_), Native(_))) && !a.is(b) => return Option::None,
                // A memoryview equals bytes-like values of the same items.
                _ if a.as_native::<super::memoryview::PyMemoryView>().is_some()
                    || b.as_native::<super::memoryview::PyMemoryView>().is_some() =>
                {
                    return Option::None;
                }
                _ => a.is(b),
            }
        }
        _ => a.is(b),
    })
}

/// Orders two values that Rust can compare alone: numbers (not NaN),
/// strs, and tuples of those; `None` otherwise (then Python's `<` runs).
pub fn fast_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Str(x), Str(y)) => Some(x.as_str().cmp(y.as_str())),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Tuple(x), Tuple(y)) => {
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                match fast_cmp(p, q)? {
                    Ordering::Equal => {}
                    o => return Some(o),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        (Bool(_) | Int(_) | BigInt(_) | Float(_), Bool(_) | Int(_) | BigInt(_) | Float(_)) => num_cmp(a, b),
        _ => Option::None,
    }
}

/// Compares two numbers (bool, int, big int, float) exactly, as CPython
/// does; `None` if either is NaN or not a number.
pub fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Bool(x), _) => num_cmp(&Int(*x as i64), b),
        (_, Bool(y)) => num_cmp(a, &Int(*y as i64)),
        (Int(x), Float(y)) => int_float_cmp(&num_bigint::BigInt::from(*x), *y, Some(*x)),
        (Float(x), Int(y)) => int_float_cmp(&num_bigint::BigInt::from(*y), *x, Some(*y)).map(Ordering::reverse),
        (BigInt(x), Float(y)) => int_float_cmp(x, *y, Option::None),
        (Float(x), BigInt(y)) => int_float_cmp(y, *x, Option::None).map(Ordering::reverse),
        (BigInt(x), BigInt(y)) => Some(x.as_ref().cmp(y.as_ref())),
        (BigInt(x), Int(y)) => Some(x.as_ref().cmp(&num_bigint::BigInt::from(*y))),
        (Int(x), BigInt(y)) => Some(num_bigint::BigInt::from(*x).cmp(y.as_ref())),
        _ => Option::None,
    }
}

/// Orders an integer against a float without rounding either.
fn int_float_cmp(i: &BigInt, f: f64, small: Option<i64>) -> Option<Ordering> {
    if f.is_nan() {
        return Option::None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(s) = small {
        // Exact when the int is small enough to be a float exactly.
        if s.unsigned_abs() < (1u64 << 53) {
            return (s as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let fi = BigInt::from_f64(fl)?;
    match i.cmp(&fi) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}
