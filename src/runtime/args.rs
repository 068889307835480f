//! Checking the arguments of Rust builtins, with CPython's messages.

use crate::runtime::pyarc::PyArc;

use num_traits::ToPrimitive;

use super::function::Args;
use super::str::PyStr;
use super::value::Value;
use crate::vm::error::{overflow_error, type_error};
use crate::vm::{PyResult, Vm};

impl<'a> Args<'a> {
    /// For methods: the arguments after `self`.
    pub fn rest(&self) -> &'a [Value] {
        if self.pos.is_empty() { self.pos } else { &self.pos[1..] }
    }

    /// "f() takes exactly one argument (2 given)", for functions taking `n`.
    pub fn exactly(&self, name: &str, n: usize, given: usize) -> PyResult<()> {
        if given != n {
            let what = match n {
                0 => {
                    return Err(type_error(format!("{name}() takes no arguments ({given} given)")));
                }
                1 => "exactly one argument".to_string(),
                n => format!("exactly {n} arguments"),
            };
            return Err(type_error(format!("{name}() takes {what} ({given} given)")));
        }
        Ok(())
    }

    /// "f expected at least 1 argument, got 0" / "at most 2 arguments, got 3".
    pub fn between(&self, name: &str, min: usize, max: usize, given: usize) -> PyResult<()> {
        if given < min {
            return Err(type_error(format!(
                "{name} expected at least {min} argument{}, got {given}",
                if min == 1 { "" } else { "s" }
            )));
        }
        if given > max {
            return Err(type_error(format!(
                "{name} expected at most {max} argument{}, got {given}",
                if max == 1 { "" } else { "s" }
            )));
        }
        Ok(())
    }

    pub fn no_kwargs(&self, name: &str) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(type_error(format!("{name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Only these keyword names are accepted.
    pub fn allow_kwargs(&self, name: &str, allowed: &[&str]) -> PyResult<()> {
        for (k, _) in self.kw {
            if !allowed.contains(&k.as_str()) {
                return Err(type_error(format!("{name}() got an unexpected keyword argument '{}'", k.as_str())));
            }
        }
        Ok(())
    }

    /// Positional argument `i`, or the keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<&Value> {
        self.pos.get(i).or_else(|| self.kwarg(name))
    }
}

/// An int argument (`__index__` semantics: bools ok, floats not).
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => b.to_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t")),
        Value::Instance(_) => match vm.call_dunder(v, "__index__", &[])? {
            Some(Value::Int(i)) => Ok(i),
            _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
        },
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
    }
}

/// An int argument of any size (`__index__` semantics), or `what`'s
/// TypeError: `None` gives the usual "'T' object cannot be interpreted
/// as an integer".
pub fn to_index_big(vm: &mut Vm, v: &Value, what: Option<&str>) -> PyResult<num_bigint::BigInt> {
    let not_int = |v: &Value| match what {
        Some(msg) => type_error(msg.to_string()),
        None => type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())),
    };
    match v {
        Value::Int(i) => Ok((*i).into()),
        Value::Bool(b) => Ok((*b as i64).into()),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) => match vm.call_dunder(v, "__index__", &[])? {
            Some(Value::Int(i)) => Ok(i.into()),
            Some(Value::BigInt(b)) => Ok((*b).clone()),
            _ => Err(not_int(v)),
        },
        _ => Err(not_int(v)),
    }
}

/// A count for sequence repetition (`s * n`, `bytes(n)`): as `to_index`,
/// but an int beyond the index range is CPython's "cannot fit 'int' into
/// an index-sized integer" (`PyNumber_AsSsize_t` with OverflowError).
pub fn to_index_sized(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => b.to_i64().ok_or_else(|| overflow_error("cannot fit 'int' into an index-sized integer")),
        _ => to_index(vm, v),
    }
}

/// An int argument that CPython reads as a C `int` (tab sizes, `%*`
/// widths): beyond 32 bits it is "Python int too large to convert to C int".
pub fn to_c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let too_large = || overflow_error("Python int too large to convert to C int");
    match v {
        Value::BigInt(_) => Err(too_large()),
        _ => i32::try_from(to_index(vm, v)?).map_err(|_| too_large()),
    }
}

/// A str argument, or CPython's "must be str, not int".
pub fn to_str<'v>(v: &'v Value, what: &str) -> PyResult<&'v PyArc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(type_error(format!("{what} must be str, not {}", v.type_name()))),
    }
}

/// A float argument from any real number.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => super::numeric::big_to_float(b),
        Value::Instance(_) => match vm.call_dunder(v, "__float__", &[])? {
            Some(Value::Float(f)) => Ok(f),
            _ => Err(type_error(format!("must be real number, not {}", v.type_name()))),
        },
        _ => Err(type_error(format!("must be real number, not {}", v.type_name()))),
    }
}
