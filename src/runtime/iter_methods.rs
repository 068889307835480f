//! Iterator and generator methods, and the iterator-making types
//! `enumerate`, `zip`, `map`, `filter`, `reversed`.

use crate::runtime::pyarc::PyArc;

use super::args::to_index;
use super::class::Class;
use super::function::{Args, NativeFn};
use super::iter::{IterState, PyIter};
use super::types::types;
use super::value::Value;
use crate::vm::error::{stop_iteration, type_error};
use crate::vm::{PyResult, Vm};

pub fn iterator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__iter__", iter_self as NativeFn), ("__next__", iter_next)]
}

fn iter_self(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn iter_next(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    vm.next_or_stop(&it)
}

pub fn generator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__iter__", iter_self as NativeFn),
        ("__next__", iter_next),
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
    ]
}

/// A coroutine's methods: those of a generator but iteration (CPython's
/// coroutines are awaited, never iterated).
pub fn coroutine_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("send", gen_send as NativeFn),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__await__", super::async_gen::coroutine_await),
    ]
}

fn gen_send(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::Generator(g)), Some(v)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("send() takes exactly one argument"));
    };
    let g = g.clone();
    match vm.resume_generator(&g, v.clone())? {
        Ok(y) => Ok(y),
        Err(r) => Err(stop_iteration(r)),
    }
}

fn gen_throw(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (Some(Value::Generator(g)), Some(exc)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    };
    let g = g.clone();
    let err = thrown_error(vm, exc, args.pos.get(2))?;
    match vm.throw_into(&g, err, &args.pos[1..])? {
        Ok(y) => Ok(y),
        Err(r) => Err(stop_iteration(r)),
    }
}

/// The exception `throw(exc, value)` raises: `value` itself if it is an
/// instance of the type `exc`, else `exc` called with it.
pub(crate) fn thrown_error(vm: &mut Vm, exc: &Value, value: Option<&Value>) -> PyResult<crate::vm::PyErr> {
    match (exc, value) {
        (Value::Class(c), Some(v)) if !v.is_none() => match v {
            Value::Instance(i) if i.class_ref().is_subclass(c) => vm.make_raisable(v),
            _ => {
                let inst = vm.call(exc, std::slice::from_ref(v))?;
                vm.make_raisable(&inst)
            }
        },
        _ => vm.make_raisable(exc),
    }
}

fn gen_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(Value::Generator(g)) = args.pos.first() else {
        return Err(type_error("close() needs a generator"));
    };
    let g = g.clone();
    vm.close_generator(&g)?;
    Ok(Value::None)
}

pub fn enumerate_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("enumerate", &["iterable", "start"])?;
    let Some(src) = args.get(0, "iterable") else {
        return Err(type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = match args.get(1, "start") {
        Some(v) => to_index(vm, v)?,
        None => 0,
    };
    let iter = vm.get_iter(src)?;
    Ok(PyIter::value(IterState::Enumerate { iter, count: start }))
}

pub fn zip_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("zip", &["strict"])?;
    let strict = match args.kwarg("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.len());
    for (i, a) in args.pos.iter().enumerate() {
        match vm.get_iter(a) {
            Ok(it) => iters.push(it),
            Err(e) if e.is(&types().exc.type_error) => {
                return Err(type_error(format!("zip argument #{} must support iteration", i + 1)));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(PyIter::value(IterState::Zip { iters, strict }))
}

pub fn map_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("map")?;
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args.pos[1..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(PyIter::value(IterState::Map { func: args.pos[0].clone(), iters }))
}

pub fn filter_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("filter")?;
    if args.len() != 2 {
        return Err(type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    let iter = vm.get_iter(&args.pos[1])?;
    Ok(PyIter::value(IterState::Filter { func: args.pos[0].clone(), iter }))
}

pub fn reversed_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("reversed")?;
    args.exactly("reversed", 1, args.len())?;
    let src = &args.pos[0];
    Ok(match src {
        Value::List(l) => PyIter::value(IterState::ListReverse { list: l.clone(), index: l.len() }),
        Value::Tuple(t) => {
            let items: Vec<Value> = t.items.iter().rev().cloned().collect();
            PyIter::value(IterState::Tuple { tuple: PyArc::new(super::tuple::PyTuple::new(items)), index: 0 })
        }
        Value::Range(r) => {
            let (last, n, step) = r.reversed();
            super::iter::range_iter(last, n, step)
        }
        Value::Str(s) => {
            let rev: String = s.as_str().chars().rev().collect();
            PyIter::value(IterState::Str { s: PyArc::new(super::str::PyStr::new(rev)), byte: 0 })
        }
        Value::Bytes(b) => {
            let items: Vec<Value> = b.data.iter().rev().map(|&x| Value::Int(x as i64)).collect();
            PyIter::value(IterState::Tuple { tuple: PyArc::new(super::tuple::PyTuple::new(items)), index: 0 })
        }
        Value::Dict(d) => {
            let keys: Vec<Value> = d.keys().into_iter().rev().collect();
            PyIter::value(IterState::Tuple { tuple: PyArc::new(super::tuple::PyTuple::new(keys)), index: 0 })
        }
        other => {
            if let Some(r) = vm.call_dunder(other, "__reversed__", &[])? {
                return Ok(r);
            }
            if other.class().lookup_str("__getitem__").is_some() && other.class().lookup_str("__len__").is_some() {
                let n = vm.len(other)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.get_item(other, &Value::Int(i as i64))?);
                }
                return Ok(PyIter::value(IterState::Tuple {
                    tuple: PyArc::new(super::tuple::PyTuple::new(items)),
                    index: 0,
                }));
            }
            return Err(type_error(format!("'{}' object is not reversible", other.type_name())));
        }
    })
}
