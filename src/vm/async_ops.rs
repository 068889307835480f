//! The instructions of `async with` and `async for` (PEP 492): finding
//! `__aenter__`/`__aexit__` and `__aiter__`/`__anext__` on the type, with
//! CPython's TypeErrors when they are missing, and the end of an `async
//! for` loop. What they return is awaited by the `Send` loop the
//! compiler puts after them (`compiler/async_loop.rs`, `with_stmt`).

use super::error::type_error;
use super::exec::Flow;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::Op;
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    /// `BeforeAsyncWith`, `GetAIter`, `GetANext`, `EndAsyncFor`.
    #[cold]
    pub(super) fn async_op(&mut self, op: Op) -> PyResult<Flow> {
        match op {
            Op::BeforeAsyncWith => {
                let mgr = self.stack.pop().unwrap_or_default();
                let cls = mgr.class();
                let (Some(enter), Some(exit)) = (cls.lookup_str("__aenter__"), cls.lookup_str("__aexit__")) else {
                    let missing =
                        if cls.lookup_str("__aenter__").is_none() { "" } else { " (missed __aexit__ method)" };
                    return Err(type_error(format!(
                        "'{}' object does not support the asynchronous context manager protocol{missing}",
                        mgr.type_name()
                    )));
                };
                let exit = Value::bound_method(mgr.clone(), exit);
                let entered = self.call(&enter, std::slice::from_ref(&mgr))?;
                self.stack.push(exit);
                self.stack.push(entered);
            }
            Op::GetAIter => {
                let obj = self.stack.pop().unwrap_or_default();
                let it = self.async_iter(&obj)?;
                self.stack.push(it);
            }
            Op::GetANext => {
                let it = self.stack.last().cloned().unwrap_or_default();
                let Some(next) = self.call_dunder(&it, "__anext__", &[])? else {
                    return Err(type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                        it.type_name()
                    )));
                };
                let awaitable = match self.get_awaitable(next.clone()) {
                    Ok(a) => a,
                    Err(e) if e.is(&types().exc.type_error) => {
                        return Err(type_error(format!(
                            "'async for' received an invalid object from __anext__: {}",
                            next.type_name()
                        )));
                    }
                    Err(e) => return Err(e),
                };
                self.stack.push(awaitable);
            }
            Op::EndAsyncFor => {
                let exc = self.stack.pop().unwrap_or_default();
                let Value::Instance(i) = exc else { unreachable!("a handler gets an exception") };
                let err = PyErr(i);
                if !err.is(&types().exc.stop_async_iteration) {
                    return Ok(Flow::Reraise(err));
                }
                if let Some(it) = self.stack.pop() {
                    it.release();
                }
            }
            op => unreachable!("not an async op: {op:?}"),
        }
        Ok(Flow::Next)
    }

    /// `__aiter__()` of `obj` for `async for` (`aiter()` words its
    /// errors differently, in `_asyncgen`).
    fn async_iter(&mut self, obj: &Value) -> PyResult<Value> {
        let Some(it) = self.call_dunder(obj, "__aiter__", &[])? else {
            return Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                obj.type_name()
            )));
        };
        if it.class().lookup_str("__anext__").is_none() {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                it.type_name()
            )));
        }
        Ok(it)
    }
}
