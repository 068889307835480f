//! Timeouts: the one place where a Python number of seconds becomes a
//! deadline.
//!
//! CPython converts a timeout in one of three ways, and every API inherits
//! the errors of the way it uses. pyl does each once, here, so no wait in
//! the code base converts seconds by itself (and none can panic on an
//! infinite, NaN or huge value):
//!
//! - [`pytime_ns`] is `_PyTime_FromSecondsObject`, behind `lock.acquire`
//!   and so behind every `threading` wait (Condition, Event, Semaphore,
//!   Barrier, `join`, `queue`) and `time.sleep`: NaN is `ValueError:
//!   Invalid value NaN (not a number)`; a float whose nanoseconds do not
//!   fit 64 bits (infinity, 1e100, even 1e10) is `OverflowError: timestamp
//!   out of range for platform time_t`, an int that does not is
//!   `OverflowError: timestamp too large to convert to C _PyTime_t`.
//! - [`poll_deadline`] is `multiprocessing.connection.wait`, behind
//!   `Connection.poll`, `Process.join` and `multiprocessing.Queue.get`: it
//!   waits `math.ceil(timeout * 1000)` milliseconds, so infinity and NaN
//!   fail as that int conversion does, and a huge number as `select`'s.
//! - [`lenient_deadline`] is the C code of `_multiprocessing.SemLock` and
//!   of `subprocess`'s waits: any real number, negative meaning now and
//!   longer than the clock can hold meaning forever.
//!
//! Whichever conversion, [`deadline_after`] turns a length into an
//! `Instant`, and a length past what `Instant` can hold into `None`: wait
//! forever, which is what so long a wait means.

use std::time::{Duration, Instant};

use num_traits::ToPrimitive;

use super::error::{overflow_error, type_error, value_error};
use super::{PyResult, Vm};
use crate::runtime::args::to_f64;
use crate::runtime::value::Value;

const NS_PER_SEC: f64 = 1e9;

fn nan_error() -> crate::vm::PyErr {
    value_error("Invalid value NaN (not a number)")
}

fn time_t_overflow() -> crate::vm::PyErr {
    overflow_error("timestamp out of range for platform time_t")
}

fn pytime_overflow() -> crate::vm::PyErr {
    overflow_error("timestamp too large to convert to C _PyTime_t")
}

/// Seconds as CPython's `_PyTime_FromSecondsObject` reads them: a float or
/// an int (or an object with `__index__`; anything else is a TypeError),
/// in nanoseconds, rounded up so a short wait is never a zero wait.
/// Negative results are the caller's to judge.
pub fn pytime_ns(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Float(f) => float_ns(*f),
        Value::Int(i) => i.checked_mul(1_000_000_000).ok_or_else(pytime_overflow),
        Value::Bool(b) => Ok(*b as i64 * 1_000_000_000),
        Value::BigInt(_) => Err(pytime_overflow()),
        Value::Instance(_) => match to_f64(vm, v) {
            Ok(f) => float_ns(f),
            Err(_) => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
        },
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
    }
}

fn float_ns(secs: f64) -> PyResult<i64> {
    if secs.is_nan() {
        return Err(nan_error());
    }
    let ns = (secs * NS_PER_SEC).ceil();
    // `i64::MAX as f64` rounds up to 2^63, itself out of range.
    if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
        return Err(time_t_overflow());
    }
    Ok(ns as i64)
}

/// The deadline `ns` nanoseconds from now (now if not positive).
pub fn deadline_ns(ns: i64) -> Option<Instant> {
    deadline_after(Duration::from_nanos(ns.max(0) as u64))
}

/// `now + length`, or None (forever) past what the clock can hold.
pub fn deadline_after(length: Duration) -> Option<Instant> {
    Instant::now().checked_add(length)
}

/// The deadline `secs` seconds from now for a number already checked or
/// clamped by its API: NaN and negative are now, too long is forever.
pub fn deadline_secs(secs: f64) -> Option<Instant> {
    if secs.is_nan() || secs <= 0.0 {
        return Some(Instant::now());
    }
    match Duration::try_from_secs_f64(secs) {
        Ok(d) => deadline_after(d),
        Err(_) => None,
    }
}

/// A timeout of `multiprocessing.connection.wait`: None waits forever;
/// otherwise `ceil(timeout * 1000)` milliseconds, with the errors of that
/// int conversion (infinity, NaN) and of `select.poll` (too many
/// milliseconds). Negative is now.
pub fn poll_deadline(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Instant>> {
    let v = match v {
        None | Some(Value::None) => return Ok(None),
        Some(v) => v,
    };
    let ms: i64 = match v {
        Value::Int(i) => i.checked_mul(1000).ok_or_else(pytime_overflow)?,
        Value::Bool(b) => *b as i64 * 1000,
        Value::BigInt(_) => return Err(pytime_overflow()),
        Value::Float(_) | Value::Instance(_) => {
            // CPython computes `monotonic() + timeout` first, then the
            // selector takes anything not above zero as zero.
            let secs = to_f64(vm, v).map_err(|_| operand_error(v))?;
            if secs <= 0.0 {
                return Ok(Some(Instant::now()));
            }
            if secs.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if secs.is_infinite() {
                return Err(overflow_error("cannot convert float infinity to integer"));
            }
            (secs * 1000.0).ceil().to_i64().ok_or_else(pytime_overflow)?
        }
        _ => return Err(operand_error(v)),
    };
    // select.poll takes milliseconds as a _PyTime_t of nanoseconds.
    ms.checked_mul(1_000_000).ok_or_else(pytime_overflow)?;
    Ok(deadline_after(Duration::from_millis(ms.max(0) as u64)))
}

fn operand_error(v: &Value) -> crate::vm::PyErr {
    type_error(format!("unsupported operand type(s) for +: 'float' and '{}'", v.type_name()))
}

/// A timeout taken by C code as any real number (`SemLock.acquire`,
/// `subprocess` waits): None waits forever, negative and NaN are now, too
/// long to hold is forever; anything but a number is `TypeError: must be
/// real number, not str`.
pub fn lenient_deadline(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Instant>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let secs = to_f64(vm, v).map_err(|_| type_error(format!("must be real number, not {}", v.type_name())))?;
            Ok(deadline_secs(secs))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_seconds_follow_pytime() {
        assert_eq!(float_ns(1.5).ok(), Some(1_500_000_000));
        assert_eq!(float_ns(-0.5).ok(), Some(-500_000_000));
        assert!(float_ns(1e10).is_err());
        assert!(float_ns(f64::INFINITY).is_err());
        assert!(float_ns(f64::NEG_INFINITY).is_err());
        assert!(float_ns(f64::NAN).is_err());
    }

    #[test]
    fn lengths_past_the_clock_are_forever() {
        assert!(deadline_secs(1e300).is_none());
        assert!(deadline_secs(f64::INFINITY).is_none());
        assert!(deadline_secs(f64::NAN).is_some());
        assert!(deadline_ns(i64::MAX).is_some_and(|d| d > Instant::now()));
    }
}
