//! `gc`: the interface to the cycle collector (`vm::gc`), with CPython
//! 3.11's names, argument checks and messages.
//!
//! pyl's collector is not generational: every collection looks at every
//! tracked object, so `collect(generation)` checks the generation as
//! CPython does and then always runs a full collection, the counts of
//! generations 1 and 2 are always 0, and `get_stats()` reports every
//! collection under generation 2. `garbage` stays empty: without
//! `__del__` nothing is ever uncollectable (CPython 3.4+ has the same
//! rule), and the `DEBUG_*` flags are kept but print nothing.

use crate::runtime::pyarc::PyArc;

use num_traits::ToPrimitive;

use crate::runtime::dict::PyDict;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::value::Value;
use crate::vm::error::{overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm, gc};

const DEBUG_FLAGS: [(&str, i64); 5] = [
    ("DEBUG_STATS", 1),
    ("DEBUG_COLLECTABLE", 2),
    ("DEBUG_UNCOLLECTABLE", 4),
    ("DEBUG_SAVEALL", 32),
    ("DEBUG_LEAK", 38),
];

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("gc");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("get_stats", get_stats),
        ("get_debug", get_debug),
        ("set_debug", set_debug),
    ];
    m.set_functions(&functions);
    m.set("garbage", Value::list(Vec::new()));
    m.set("callbacks", Value::list(Vec::new()));
    for (name, v) in DEBUG_FLAGS {
        m.set(name, Value::Int(v));
    }
    Ok(PyArc::new(m))
}

/// An argument converted to a C `int` the way CPython's argument clinic
/// does (`collect`, `set_debug`): one message for every int too large.
fn clinic_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let too_large = || overflow_error("Python int too large to convert to C int");
    match v {
        Value::Float(_) | Value::Str(_) | Value::None => {
            Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())))
        }
        Value::BigInt(_) => Err(too_large()),
        _ => {
            let i = crate::runtime::args::to_index(vm, v)?;
            i32::try_from(i).map_err(|_| too_large())
        }
    }
}

/// An argument converted by `PyArg_ParseTuple`'s `i` (`set_threshold`).
fn parse_tuple_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if let Value::BigInt(b) = v
        && b.to_i64().is_none()
    {
        return Err(overflow_error("Python int too large to convert to C long"));
    }
    if matches!(v, Value::Float(_)) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = crate::runtime::args::to_index(vm, v)?;
    i32::try_from(i).map_err(|_| {
        overflow_error(if i > 0 {
            "signed integer is greater than maximum"
        } else {
            "signed integer is less than minimum"
        })
    })
}

/// `collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| k.as_str() != "generation") {
        return Err(type_error(format!("'{}' is an invalid keyword argument for collect()", k.as_str())));
    }
    if args.len() > 1 {
        return Err(type_error(format!("collect() takes at most 1 argument ({} given)", args.len())));
    }
    if let Some(g) = args.get(0, "generation") {
        let g = clinic_int(vm, g)?;
        if !(0..=2).contains(&g) {
            return Err(value_error("invalid generation"));
        }
    }
    Ok(Value::Int(gc::collect(vm) as i64))
}

/// The check of a function taking no arguments, with CPython's messages.
fn no_args(name: &str, args: &Args) -> PyResult<()> {
    args.no_kwargs(name)?;
    args.exactly(name, 0, args.len())
}

fn enable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.enable", args)?;
    vm.shared.gc.set_enabled(true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.disable", args)?;
    vm.shared.gc.set_enabled(false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.isenabled", args)?;
    Ok(Value::Bool(vm.shared.gc.is_enabled()))
}

fn get_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.get_count", args)?;
    Ok(Value::tuple(vec![Value::Int(vm.shared.gc.count() as i64), Value::Int(0), Value::Int(0)]))
}

fn get_threshold(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.get_threshold", args)?;
    let (t0, t1, t2) = vm.shared.gc.thresholds();
    Ok(Value::tuple(vec![Value::Int(t0), Value::Int(t1), Value::Int(t2)]))
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`; 0 turns
/// automatic collection off.
fn set_threshold(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("set_threshold")?;
    match args.len() {
        0 => return Err(type_error("set_threshold() takes at least 1 argument (0 given)")),
        n if n > 3 => return Err(type_error(format!("set_threshold() takes at most 3 arguments ({n} given)"))),
        _ => {}
    }
    let mut t = [None; 3];
    for (slot, v) in t.iter_mut().zip(args.pos.iter()) {
        *slot = Some(parse_tuple_int(vm, v)? as i64);
    }
    vm.shared.gc.set_thresholds(t[0].unwrap_or(0), t[1], t[2]);
    Ok(Value::None)
}

fn one_arg<'a>(name: &str, args: &'a Args) -> PyResult<&'a Value> {
    args.no_kwargs(name)?;
    args.exactly(name, 1, args.len())?;
    Ok(&args.pos[0])
}

/// `is_tracked(obj)`: whether the collector looks at `obj`.
fn is_tracked(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(gc::is_tracked(one_arg("gc.is_tracked", args)?)))
}

/// `is_finalized(obj)`: pyl runs no finalizers, so never.
fn is_finalized(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    one_arg("gc.is_finalized", args)?;
    Ok(Value::Bool(false))
}

/// `get_stats()`: a dict per generation; pyl's full collections are
/// counted under generation 2.
fn get_stats(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.get_stats", args)?;
    let (collections, collected) = vm.shared.gc.stats();
    let generation = |collections: usize, collected: usize| {
        let d = PyDict::new();
        d.set_item_str("collections", Value::Int(collections as i64));
        d.set_item_str("collected", Value::Int(collected as i64));
        d.set_item_str("uncollectable", Value::Int(0));
        Value::new_dict(d)
    };
    Ok(Value::list(vec![generation(0, 0), generation(0, 0), generation(collections, collected)]))
}

fn get_debug(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    no_args("gc.get_debug", args)?;
    Ok(Value::Int(vm.shared.gc.debug_flags()))
}

fn set_debug(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one_arg("gc.set_debug", args)?;
    let flags = clinic_int(vm, v)?;
    vm.shared.gc.set_debug_flags(flags as i64);
    Ok(Value::None)
}
