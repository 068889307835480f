//! `range` and `slice` objects.
//!
//! A range's bounds are Python ints of any size, as in CPython: the
//! common case (bounds and length fit in 64 bits) keeps machine integers
//! in `start`/`stop`/`step` for the fast paths; otherwise `big` holds the
//! bounds and those fields hold the empty `range(0, 0, 1)`, so code that
//! only knows the machine fields must check [`PyRange::is_big`] first
//! (the accessors here work for both). What CPython reads as a C
//! `Py_ssize_t` (the length for `len()`, an index) is OverflowError
//! beyond it, with CPython's message.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::value::Value;
use crate::vm::PyResult;
use crate::vm::error::overflow_error;

/// `range(start, stop, step)`; see the module docs.
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    big: Option<Box<BigBounds>>,
}

/// The bounds of a range that does not fit machine integers.
struct BigBounds {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    len: BigInt,
}

/// CPython's message for a length or index beyond `Py_ssize_t`.
pub const SSIZE_OVERFLOW: &str = "Python int too large to convert to C ssize_t";

/// The number of items of `range(start, stop, step)` (`step != 0`).
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo < hi { (hi - lo - 1u32) / step + 1u32 } else { BigInt::zero() }
}

impl PyRange {
    /// A range of machine integers whose length fits too (`step != 0`).
    pub fn small(start: i64, stop: i64, step: i64) -> PyRange {
        PyRange { start, stop, step, big: None }
    }

    /// A range with bounds of any size (`step != 0`).
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> PyRange {
        let len = big_len(&start, &stop, &step);
        if let (Some(a), Some(b), Some(c), Some(_)) = (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
            return PyRange::small(a, b, c);
        }
        PyRange { start: 0, stop: 0, step: 1, big: Some(Box::new(BigBounds { start, stop, step, len })) }
    }

    /// Whether the bounds are kept as big ints (the machine fields are then
    /// not the range's).
    pub fn is_big(&self) -> bool {
        self.big.is_some()
    }

    /// The length of a machine-integer range.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    /// `len(r)`: OverflowError beyond `Py_ssize_t`, as CPython.
    pub fn checked_len(&self) -> PyResult<i64> {
        match &self.big {
            None => Ok(self.len()),
            Some(b) => b.len.to_i64().ok_or_else(|| overflow_error(SSIZE_OVERFLOW)),
        }
    }

    /// Every item, as `list(r)` holds them (OverflowError as `len(r)`).
    pub fn items(&self) -> PyResult<Vec<Value>> {
        let n = self.checked_len()?;
        if self.is_big() {
            // Bounds beyond 64 bits with a length that fits: rare.
            let (start, _, step) = self.bounds();
            return Ok((0..n).map(|i| Value::from_bigint(&start + &step * i)).collect());
        }
        Ok((0..n).map(|i| Value::Int(self.get(i))).collect())
    }

    pub fn is_empty(&self) -> bool {
        match &self.big {
            None => self.len() == 0,
            Some(b) => b.len.is_zero(),
        }
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }

    pub fn contains(&self, v: i64) -> bool {
        if self.big.is_some() {
            return self.contains_big(&BigInt::from(v));
        }
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let v = v as i128;
        let inside = if step > 0 { start <= v && v < stop } else { stop < v && v <= start };
        inside && (v - start) % step == 0
    }

    pub fn contains_big(&self, v: &BigInt) -> bool {
        let (start, stop, step) = self.bounds();
        let inside = if step.is_positive() { &start <= v && v < &stop } else { &stop < v && v <= &start };
        inside && ((v - &start) % &step).is_zero()
    }

    /// `start, stop, step` as big ints.
    pub fn bounds(&self) -> (BigInt, BigInt, BigInt) {
        match &self.big {
            None => (self.start.into(), self.stop.into(), self.step.into()),
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        }
    }

    /// The length as a big int.
    pub fn big_len(&self) -> BigInt {
        match &self.big {
            None => self.len().into(),
            Some(b) => b.len.clone(),
        }
    }

    /// `r.start`, `r.stop`, `r.step` as Python ints.
    pub fn start_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.start),
            Some(b) => Value::from_bigint(b.start.clone()),
        }
    }

    pub fn stop_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.stop),
            Some(b) => Value::from_bigint(b.stop.clone()),
        }
    }

    pub fn step_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.step),
            Some(b) => Value::from_bigint(b.step.clone()),
        }
    }

    /// Item `i` (negative counts from the end), or None out of range.
    pub fn item(&self, i: &BigInt) -> Option<BigInt> {
        let len = self.big_len();
        let i = if i.is_negative() { i + &len } else { i.clone() };
        if i.is_negative() || i >= len {
            return None;
        }
        let (start, _, step) = self.bounds();
        Some(start + i * step)
    }

    /// The range for `r[slice]`, from the slice's indices over `len(r)`
    /// (CPython's `compute_slice`).
    pub fn slice(&self, start: &BigInt, stop: &BigInt, step: &BigInt) -> PyRange {
        let (r_start, _, r_step) = self.bounds();
        PyRange::new(&r_start + start * &r_step, &r_start + stop * &r_step, r_step * step)
    }

    /// The items last to first: `(first, count, step)` of the reversed
    /// range.
    pub fn reversed(&self) -> (BigInt, BigInt, BigInt) {
        let (start, _, step) = self.bounds();
        let len = self.big_len();
        let last = if len.is_zero() { start } else { start + (&len - BigInt::one()) * &step };
        (last, len, -step)
    }

    /// `r.index(v)` for an int `v` in the range.
    pub fn index_of(&self, v: &BigInt) -> Option<BigInt> {
        if !self.contains_big(v) {
            return None;
        }
        let (start, _, step) = self.bounds();
        Some((v - start) / step)
    }

    /// Range equality, as CPython: the same items.
    pub fn same_items(&self, other: &PyRange) -> bool {
        let (la, lb) = (self.big_len(), other.big_len());
        if la != lb {
            return false;
        }
        if la.is_zero() {
            return true;
        }
        let (sa, _, pa) = self.bounds();
        let (sb, _, pb) = other.bounds();
        sa == sb && (la.is_one() || pa == pb)
    }
}

/// `slice(start, stop, step)`; each part may be any value (usually ints or None).
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// CPython's `_PySlice_GetLongIndices`: the slice's `(start, stop, step)`
/// over a sequence of `len` items, ints of any size (`slice.indices`,
/// range slicing). `step` is not zero; `len` is not negative.
pub fn big_indices(
    start: Option<BigInt>,
    stop: Option<BigInt>,
    step: BigInt,
    len: &BigInt,
) -> (BigInt, BigInt, BigInt) {
    let back = step.is_negative();
    let (lower, upper) = if back { (BigInt::from(-1), len - 1u32) } else { (BigInt::zero(), len.clone()) };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(v) => {
                let v = if v.is_negative() { v + len } else { v };
                if v < lower {
                    lower.clone()
                } else if v > upper {
                    upper.clone()
                } else {
                    v
                }
            }
        }
    };
    let start = clamp(start, if back { &upper } else { &lower });
    let stop = clamp(stop, if back { &lower } else { &upper });
    (start, stop, step)
}
