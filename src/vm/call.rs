//! Calling anything from Rust: functions, builtins, bound methods,
//! classes (instantiation), callable instances; and resuming generators.

use std::sync::Arc;

use super::error::type_error;
use super::eval::Exit;
use super::{PyErr, PyResult, Vm};
use crate::runtime::class::{Class, ClassKind};
use crate::runtime::function::{Args, Function};
use crate::runtime::generator::{GenState, Generator};
use crate::runtime::instance::Instance;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    /// Calls `callee(*args, **kwargs)` and returns its result.
    pub fn call_value(&mut self, callee: &Value, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
        match callee {
            Value::Function(f) => self.call_function(f, None, args, kwargs),
            Value::Builtin(b) => crate::runtime::subclass::call_builtin(self, b, args, kwargs),
            Value::BoundMethod(bm) => match &bm.func {
                Value::Function(f) => self.call_function(f, Some(&bm.receiver), args, kwargs),
                other => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(bm.receiver.clone());
                    full.extend_from_slice(args);
                    self.call_value(other, &full, kwargs)
                }
            },
            Value::Class(cls) => self.call_class(cls, args, kwargs),
            Value::StaticMethod(w) => {
                let f = w.func.clone();
                self.call_value(&f, args, kwargs)
            }
            _ => {
                let cls = callee.class();
                match cls.lookup_str("__call__") {
                    Some(call) if !matches!(callee, Value::Class(_)) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(callee.clone());
                        full.extend_from_slice(args);
                        // A callable object may call itself: CPython's tp_call.
                        self.nested(super::recursion::Recursing::Other, |vm| vm.call_value(&call, &full, kwargs))
                    }
                    _ => Err(type_error(format!("'{}' object is not callable", callee.type_name()))),
                }
            }
        }
    }

    /// Calls with positional arguments only.
    pub fn call(&mut self, callee: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_value(callee, args, &[])
    }

    pub fn call_function(
        &mut self,
        f: &Arc<Function>,
        receiver: Option<&Value>,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let frame = self.frame_for_call(f, receiver, args, kwargs)?;
        if f.code.is_generator() {
            let d = self.detach(frame, Vec::new());
            return Ok(Value::Generator(Arc::new(Generator::new(d))));
        }
        self.run_frame(frame)
    }

    /// Calls a method found on the type of `obj` (`obj.name(*args)`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = Arc::new(PyStr::new(name.to_string()));
        let (m, recv) = self.load_method(obj, &name)?;
        if recv.is_undef() {
            return self.call_value(&m, args, &[]);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(recv);
        full.extend_from_slice(args);
        self.call_value(&m, &full, &[])
    }

    /// Looks up `name` on the class of `obj` (not the instance) and calls it
    /// with `obj` first; `None` if the class has no such attribute.
    pub fn call_dunder(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let cls = obj.class();
        let Some(m) = cls.lookup_str(name) else {
            return Ok(None);
        };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        match m {
            Value::StaticMethod(w) => self.call_value(&w.func, args, &[]).map(Some),
            Value::ClassMethod(w) => {
                let mut full = vec![Value::Class(cls.clone())];
                full.extend_from_slice(args);
                self.call_value(&w.func, &full, &[]).map(Some)
            }
            Value::None => Ok(None),
            m => self.call_value(&m, &full, &[]).map(Some),
        }
    }

    /// `cls(*args, **kwargs)`.
    pub fn call_class(&mut self, cls: &Arc<Class>, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
        let t = types();
        if Arc::ptr_eq(cls, &t.type_type) {
            return crate::runtime::object::type_call(self, args, kwargs);
        }
        // A builtin type (`int`, `str`, `list`...) makes its values itself:
        // no Python-level __new__ or __init__ can be in the way.
        if cls.builtin
            && cls.kind == ClassKind::Builtin
            && cls.metaclass.is_none()
            && let Some(ctor) = cls.ctor
        {
            return ctor(self, cls, &Args { pos: args, kw: kwargs });
        }
        // A metaclass with its own __call__ decides everything.
        if let Some(meta) = &cls.metaclass
            && let Some(call @ Value::Function(_)) = meta.lookup_str("__call__")
        {
            let mut full = vec![Value::Class(cls.clone())];
            full.extend_from_slice(args);
            return self.call_value(&call, &full, kwargs);
        }
        let user_new = match cls.lookup_str("__new__") {
            Some(v @ (Value::Function(_) | Value::StaticMethod(_))) => Some(v),
            _ => None,
        };
        let obj = match user_new {
            Some(new) => {
                let f = match new {
                    Value::StaticMethod(w) => w.func.clone(),
                    other => other,
                };
                let mut full = vec![Value::Class(cls.clone())];
                full.extend_from_slice(args);
                self.call_value(&f, &full, kwargs)?
            }
            None => self.construct(cls, args, kwargs)?,
        };
        if !self.isinstance_class(&obj, cls) || cls.builtin {
            return Ok(obj);
        }
        match cls.lookup_str("__init__") {
            Some(init @ Value::Function(_)) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                let r = self.call_value(&init, &full, kwargs)?;
                if !r.is_none() {
                    return Err(type_error(format!("__init__() should return None, not '{}'", r.type_name())));
                }
            }
            Some(init @ Value::Builtin(_)) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                self.call_value(&init, &full, kwargs)?;
            }
            _ => {}
        }
        Ok(obj)
    }

    /// Makes the instance for a class call with no Python `__new__`.
    fn construct(&mut self, cls: &Arc<Class>, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
        match cls.kind {
            ClassKind::BuiltinValue => crate::runtime::subclass::new_instance(self, cls, args, kwargs),
            ClassKind::Object if !cls.builtin || cls.name.as_str() == "object" => {
                let has_init = !matches!(cls.lookup_str("__init__"), Some(Value::Builtin(_)) | None);
                if !has_init && (!args.is_empty() || !kwargs.is_empty()) {
                    return Err(type_error(format!("{}() takes no arguments", cls.name.as_str())));
                }
                Ok(Value::new_instance(Instance::new(cls.clone())))
            }
            _ => match cls.ctor {
                Some(ctor) => ctor(self, cls, &Args { pos: args, kw: kwargs }),
                None => Err(type_error(format!("cannot create '{}' instances", cls.name.as_str()))),
            },
        }
    }

    /// isinstance(obj, cls) by the class hierarchy.
    pub fn isinstance_class(&self, obj: &Value, cls: &Class) -> bool {
        match obj {
            Value::Instance(i) => i.class_ref().is_subclass(cls),
            Value::Bool(_) if std::ptr::eq(cls, &*types().int_type) => true,
            _ => obj.class().is_subclass(cls),
        }
    }

    // ------------------------------------------------------------ generators

    /// Resumes a generator with `sent`; `Ok(Ok(v))` if it yielded `v`,
    /// `Ok(Err(v))` if it returned `v`.
    pub fn resume_generator(&mut self, g: &Generator, sent: Value) -> PyResult<Result<Value, Value>> {
        self.resume_with(g, Resume::Send(sent))
    }

    /// Throws an exception into a generator at its current yield.
    pub fn throw_generator(&mut self, g: &Generator, err: PyErr) -> PyResult<Result<Value, Value>> {
        self.resume_with(g, Resume::Throw(err))
    }

    fn resume_with(&mut self, g: &Generator, how: Resume) -> PyResult<Result<Value, Value>> {
        let (detached, started) = {
            let mut st = g.state.lock();
            match std::mem::replace(&mut *st, GenState::Running) {
                GenState::Suspended(frame, started) => {
                    if !started
                        && let Resume::Send(v) = &how
                        && !v.is_none()
                    {
                        *st = GenState::Suspended(frame, started);
                        return Err(type_error("can't send non-None value to a just-started generator"));
                    }
                    (frame, started)
                }
                GenState::Running => {
                    *st = GenState::Running;
                    return Err(super::error::value_error("generator already executing"));
                }
                GenState::Finished => {
                    *st = GenState::Finished;
                    return match how {
                        Resume::Send(_) => Ok(Err(Value::None)),
                        Resume::Throw(e) => Err(e),
                    };
                }
            }
        };
        let (frame, buffer) = self.attach(*detached);
        if started && let Resume::Send(v) = &how {
            self.stack.push(v.clone());
        }
        let saved_exc = std::mem::replace(&mut self.exc_info, g.take_exc_info());
        let outcome = match how {
            Resume::Send(_) => self.run_boundary(frame),
            Resume::Throw(err) => self.throw_into(frame, err),
        };
        let gen_exc = std::mem::replace(&mut self.exc_info, saved_exc);
        match outcome {
            Ok(Exit::Yield(v)) => {
                let frame = self.frames.pop().expect("a yielding frame stays on the stack");
                let d = self.detach(frame, buffer);
                g.set_exc_info(gen_exc);
                *g.state.lock() = GenState::Suspended(Box::new(d), true);
                Ok(Ok(v))
            }
            Ok(Exit::Return(v)) => {
                *g.state.lock() = GenState::Finished;
                Ok(Err(v))
            }
            Err(e) => {
                *g.state.lock() = GenState::Finished;
                if e.is(&types().exc.stop_iteration) {
                    let re = super::error::runtime_error("generator raised StopIteration");
                    if let Some(d) = re.0.exc() {
                        d.lock().cause = e.value();
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// Pushes a suspended frame and raises `err` at its yield point.
    fn throw_into(&mut self, mut frame: crate::vm::frame::Frame, err: PyErr) -> PyResult<Exit> {
        frame.boundary = true;
        if let Err(e) = self.check_native_stack() {
            self.stack.truncate(frame.ret);
            return Err(e);
        }
        self.native_depth += 1;
        self.frames.push(frame);
        let r = self.eval_with_error(err);
        self.native_depth -= 1;
        r
    }

    /// Sends into whatever `yield from` delegates to: `Ok(Ok(yielded))` or
    /// `Ok(Err(result))` when it finishes.
    pub(crate) fn send_to(&mut self, it: &Value, sent: Value) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Generator(g) => self.resume_generator(g, sent),
            _ => {
                let r =
                    if sent.is_none() { self.iter_next(it) } else { self.call_method(it, "send", &[sent]).map(Some) };
                match r {
                    Ok(Some(v)) => Ok(Ok(v)),
                    Ok(None) => Ok(Err(Value::None)),
                    Err(e) if e.is(&types().exc.stop_iteration) => {
                        let args = e.args();
                        let v = match &args {
                            Value::Tuple(t) if !t.is_empty() => t.items[0].clone(),
                            _ => Value::None,
                        };
                        Ok(Err(v))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }
}

enum Resume {
    Send(Value),
    Throw(PyErr),
}

impl Generator {
    /// A generator over a frame that has not started.
    pub fn new(frame: crate::vm::frame::Detached) -> Generator {
        let name = frame.frame.code().name.clone();
        let qualname = frame.frame.code().qualname.clone();
        Generator::from_parts(Box::new(frame), name, qualname)
    }
}

impl Vm {
    /// `with mgr:` — returns (bound `__exit__`, result of `__enter__()`).
    pub(crate) fn enter_context(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = mgr.class();
        let (Some(enter), Some(exit)) = (cls.lookup_str("__enter__"), cls.lookup_str("__exit__")) else {
            let missing = if cls.lookup_str("__enter__").is_none() { "" } else { " (missed __exit__ method)" };
            return Err(type_error(format!(
                "'{}' object does not support the context manager protocol{missing}",
                mgr.type_name()
            )));
        };
        let exit = Value::bound_method(mgr.clone(), exit);
        let entered = self.call(&enter, std::slice::from_ref(mgr))?;
        Ok((exit, entered))
    }
}
