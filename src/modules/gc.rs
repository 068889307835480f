//! `gc`: the interface to the cycle collector (`vm::gc`).
//!
//! pyl's collector is not generational: every collection looks at every
//! tracked object, so `collect(generation)` checks the generation as
//! CPython does and then always runs a full collection, and the counts of
//! generations 1 and 2 are always 0.

use std::sync::Arc;

use crate::runtime::args::to_index;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::value::Value;
use crate::vm::error::value_error;
use crate::vm::{PyResult, Vm, gc};

/// The thresholds of generations 1 and 2, kept for `get_threshold`.
static OLDER: parking_lot::Mutex<(i64, i64)> = parking_lot::Mutex::new((10, 10));

pub fn init(_vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = Module::new("gc");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
    ];
    m.set_functions(&functions);
    m.set("garbage", Value::list(Vec::new()));
    m.set("callbacks", Value::list(Vec::new()));
    Ok(Arc::new(m))
}

/// `collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("collect", &["generation"])?;
    args.between("collect", 0, 1, args.len())?;
    if let Some(g) = args.get(0, "generation") {
        let g = to_index(vm, g)?;
        if !(0..=2).contains(&g) {
            return Err(value_error("invalid generation"));
        }
    }
    Ok(Value::Int(gc::collect(vm) as i64))
}

fn enable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("enable", 0, args.len())?;
    gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("disable", 0, args.len())?;
    gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("isenabled", 0, args.len())?;
    Ok(Value::Bool(gc::is_enabled()))
}

fn get_count(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("get_count", 0, args.len())?;
    Ok(Value::tuple(vec![Value::Int(gc::count() as i64), Value::Int(0), Value::Int(0)]))
}

fn get_threshold(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("get_threshold", 0, args.len())?;
    let (t1, t2) = *OLDER.lock();
    Ok(Value::tuple(vec![Value::Int(gc::threshold() as i64), Value::Int(t1), Value::Int(t2)]))
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`; 0 turns
/// automatic collection off.
fn set_threshold(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("set_threshold", &[])?;
    args.between("set_threshold", 1, 3, args.len())?;
    let mut t = [0i64; 3];
    for (slot, v) in t.iter_mut().zip(args.pos.iter()) {
        *slot = to_index(vm, v)?;
    }
    gc::set_threshold(t[0].max(0) as usize);
    let mut older = OLDER.lock();
    if args.len() > 1 {
        older.0 = t[1];
    }
    if args.len() > 2 {
        older.1 = t[2];
    }
    Ok(Value::None)
}
