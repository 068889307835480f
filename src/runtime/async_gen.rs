//! Async generators (PEP 525): an `async def` with `yield` runs on the
//! generator machinery, and the awaitables its `__anext__`, `asend`,
//! `athrow` and `aclose` return drive it. Those awaitables are written in
//! pyl (`modules/asyncgen.pyl`, module `_asyncgen`); this file has the
//! type's methods, which make them, and `_asyncgen_native`, the steps
//! they take.
//!
//! An async generator's frame yields for two reasons: its own `yield v`
//! (the value `__anext__()` is awaited for), and an `await` inside it
//! passing what the awaited object yields up to the event loop. CPython
//! wraps the first kind of value to tell them apart; here the frame
//! tells: an await's yield leaves it suspended in the `Send` loop the
//! compiler makes of `await` (what `delegate_of` finds), its own yield
//! never does.

use crate::runtime::pyarc::PyArc;
use std::sync::atomic::Ordering;

use super::function::{Args, NativeFn};
use super::generator::{Generator, async_flags};
use super::module::Module;
use super::types::types;
use super::value::Value;
use crate::vm::delegate::delegate_of;
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

pub fn async_generator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__aiter__", aiter_self as NativeFn),
        ("__anext__", anext),
        ("asend", asend),
        ("athrow", athrow),
        ("aclose", aclose),
    ]
}

fn receiver(args: &Args, what: &str) -> PyResult<PyArc<Generator>> {
    match args.pos.first() {
        Some(Value::Generator(g)) if g.is_async_gen => Ok(g.clone()),
        _ => Err(type_error(format!("{what} needs an async generator"))),
    }
}

fn aiter_self(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    receiver(args, "__aiter__")?;
    Ok(args.pos[0].clone())
}

/// `_asyncgen.<name>(*args)`: one of the awaitables, or `aiter`/`anext`.
fn make(vm: &mut Vm, class: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.import_module("_asyncgen")?;
    let cls = vm.get_attr_str(&Value::Module(m), class)?;
    vm.call(&cls, args)
}

fn anext(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    receiver(args, "__anext__")?;
    make(vm, "async_generator_asend", &[args.pos[0].clone(), Value::None])
}

fn asend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    receiver(args, "asend")?;
    args.exactly("asend", 2, args.pos.len())?;
    make(vm, "async_generator_asend", args.pos)
}

fn athrow(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    receiver(args, "athrow")?;
    if !(2..=4).contains(&args.pos.len()) {
        return Err(type_error(format!("athrow expected at least 1 argument, got {}", args.pos.len() - 1)));
    }
    let rest = Value::tuple(args.pos[1..].to_vec());
    make(vm, "async_generator_athrow", &[args.pos[0].clone(), rest])
}

fn aclose(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    receiver(args, "aclose")?;
    make(vm, "async_generator_athrow", &[args.pos[0].clone(), Value::None])
}

// ---------------------------------------------------------- _asyncgen_native

pub fn init_native(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_asyncgen_native");
    let functions: Vec<(&'static str, NativeFn)> =
        vec![("send", send), ("throw", throw), ("flags", flags), ("set_flag", set_flag)];
    m.set_functions(&functions);
    Ok(PyArc::new(m))
}

/// What a step of an async generator came to, for `_asyncgen`.
const PASSED_UP: i64 = 0;
const YIELDED: i64 = 1;
const RETURNED: i64 = 2;

/// `send(agen, value)`: resumes it with `value`; `(kind, value)` as in
/// `outcome`.
fn send(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = receiver(args, "send")?;
    args.exactly("send", 2, args.pos.len())?;
    let r = vm.resume_generator(&g, args.pos[1].clone());
    outcome(&g, r)
}

/// `throw(agen, exc[, value[, tb]])`: throws into it, as `gen.throw`.
fn throw(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = receiver(args, "throw")?;
    if args.pos.len() < 2 {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    }
    let r = match super::iter_methods::thrown_error(vm, &args.pos[1], args.pos.get(2)) {
        Ok(err) => vm.throw_into(&g, err, &args.pos[1..]),
        Err(e) => Err(e),
    };
    outcome(&g, r)
}

/// `(PASSED_UP, v)` when an await inside the generator yielded `v` for
/// the event loop; `(YIELDED, v)` for its own `yield v`; `(RETURNED,
/// None)` when it finished. Unless it passed a value up, the awaitable
/// driving it is done: the generator is no longer running. An exception
/// that ends it as StopAsyncIteration or GeneratorExit closes it.
fn outcome(g: &PyArc<Generator>, r: PyResult<Result<Value, Value>>) -> PyResult<Value> {
    let pair = |kind: i64, v: Value| Value::tuple(vec![Value::Int(kind), v]);
    let done = |closed: bool| {
        g.async_flags.fetch_and(!async_flags::RUNNING, Ordering::Relaxed);
        if closed {
            g.async_flags.fetch_or(async_flags::CLOSED, Ordering::Relaxed);
        }
    };
    match r {
        Ok(Ok(v)) if delegate_of(g).is_some() => Ok(pair(PASSED_UP, v)),
        Ok(Ok(v)) => {
            done(false);
            Ok(pair(YIELDED, v))
        }
        Ok(Err(_)) => {
            done(false);
            Ok(pair(RETURNED, Value::None))
        }
        Err(e) => {
            let t = &types().exc;
            done(e.is(&t.stop_async_iteration) || e.is(&t.generator_exit));
            Err(e)
        }
    }
}

fn flags(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = receiver(args, "flags")?;
    Ok(Value::Int(g.async_flags.load(Ordering::Relaxed) as i64))
}

/// `set_flag(agen, bit, on)`.
fn set_flag(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = receiver(args, "set_flag")?;
    let (Some(Value::Int(bit)), Some(on)) = (args.pos.get(1), args.pos.get(2)) else {
        return Err(type_error("set_flag(agen, bit, on)"));
    };
    let bit = *bit as u8;
    if matches!(on, Value::Bool(true)) {
        g.async_flags.fetch_or(bit, Ordering::Relaxed);
    } else {
        g.async_flags.fetch_and(!bit, Ordering::Relaxed);
    }
    Ok(Value::None)
}

// ---------------------------------------------------------- builtins

/// `aiter(obj)`.
pub fn builtin_aiter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("aiter")?;
    args.exactly("aiter", 1, args.len())?;
    make(vm, "aiter", args.pos)
}

/// `anext(it[, default])`.
pub fn builtin_anext(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("anext")?;
    args.between("anext", 1, 2, args.len())?;
    make(vm, "anext", args.pos)
}

/// `coro.__await__()`: an iterator over the coroutine.
pub fn coroutine_await(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(c @ Value::Generator(g)) if g.is_coroutine => make(vm, "coroutine_wrapper", std::slice::from_ref(c)),
        _ => Err(type_error("__await__ needs a coroutine")),
    }
}
