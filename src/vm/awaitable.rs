//! The `await` protocol: what an awaited value delegates to.
//!
//! A coroutine is awaited by delegating to it directly (it is a generator
//! underneath, so `Send` drives it as `yield from` would); any other
//! object must have `__await__` returning an iterator. Everything the
//! innermost iterator yields reaches whoever drives the outermost
//! coroutine: the event loop.

use super::error::type_error;
use super::{PyResult, Vm};
use crate::bytecode::op::awaited;
use crate::runtime::value::Value;

impl Vm {
    /// `GetAwaitable`: the iterator `await v` delegates to.
    pub(super) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        self.get_awaitable_at(v, awaited::EXPR)
    }

    /// The iterator an await of `v` delegates to, `v` coming from `at`
    /// (an `awaited` constant, for CPython's wording of the TypeError).
    pub(super) fn get_awaitable_at(&mut self, v: Value, at: u8) -> PyResult<Value> {
        match &v {
            Value::Generator(g) if g.is_coroutine => return Ok(v),
            Value::Generator(_) => {}
            _ => {
                if let Some(it) = self.call_dunder(&v, "__await__", &[])? {
                    let is_iter = match &it {
                        Value::Iter(_) => true,
                        Value::Generator(g) => !g.is_coroutine && !g.is_async_gen,
                        _ => it.class().lookup_str("__next__").is_some(),
                    };
                    if !is_iter {
                        return Err(type_error(format!(
                            "__await__() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    }
                    return Ok(it);
                }
            }
        }
        let name = v.type_name();
        Err(type_error(match at {
            awaited::AENTER => {
                format!("'async with' received an object from __aenter__ that does not implement __await__: {name}")
            }
            awaited::AEXIT => {
                format!("'async with' received an object from __aexit__ that does not implement __await__: {name}")
            }
            _ => format!("object {name} can't be used in 'await' expression"),
        }))
    }
}
