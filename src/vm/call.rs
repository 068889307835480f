//! Calling anything from Rust: functions, builtins, bound methods,
//! classes (instantiation), callable instances (generators resume in
//! `resume.rs`).

use crate::runtime::pyarc::PyArc;

use super::error::type_error;
use super::{PyResult, Vm};
use crate::runtime::class::{Class, ClassKind, class_epoch};
use crate::runtime::function::{Args, Function};
use crate::runtime::instance::Instance;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    /// Calls `callee(*args, **kwargs)` and returns its result.
    pub fn call_value(&mut self, callee: &Value, args: &[Value], kwargs: &[(PyArc<PyStr>, Value)]) -> PyResult<Value> {
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
        f: &PyArc<Function>,
        receiver: Option<&Value>,
        args: &[Value],
        kwargs: &[(PyArc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let frame = self.frame_for_call(f, receiver, args, kwargs)?;
        if f.code.is_generator() {
            return Ok(self.make_generator(frame));
        }
        self.run_frame(frame)
    }

    /// Calls a method found on the type of `obj` (`obj.name(*args)`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = PyArc::new(PyStr::new(name.to_string()));
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
    pub fn call_class(
        &mut self,
        cls: &PyArc<Class>,
        args: &[Value],
        kwargs: &[(PyArc<PyStr>, Value)],
    ) -> PyResult<Value> {
        // A metaclass with its own __call__ decides everything.
        if let Some(meta) = &cls.metaclass
            && let Some(call @ Value::Function(_)) = meta.lookup_str("__call__")
        {
            let mut full = vec![Value::Class(cls.clone())];
            full.extend_from_slice(args);
            return self.call_value(&call, &full, kwargs);
        }
        self.instantiate(cls, args, kwargs)
    }

    /// `type.__call__(cls, *args, **kwargs)`: `__new__`, then `__init__`
    /// when `__new__` made an instance of `cls`.
    pub fn instantiate(
        &mut self,
        cls: &PyArc<Class>,
        args: &[Value],
        kwargs: &[(PyArc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let t = types();
        if PyArc::ptr_eq(cls, &t.type_type) {
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
        // `__new__` and `__init__` through the caches (the thread's type
        // cache, the class's own): a walk of the MRO costs a dict lookup
        // per class, four for `raise ValueError`.
        let new = self.type_cache.lookup(cls, &crate::runtime::names::names().new, class_epoch()).0;
        let user_new = match new {
            v @ (Value::Function(_) | Value::StaticMethod(_)) => Some(v),
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
        match cls.lookup_init() {
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
    fn construct(&mut self, cls: &PyArc<Class>, args: &[Value], kwargs: &[(PyArc<PyStr>, Value)]) -> PyResult<Value> {
        match cls.kind {
            ClassKind::BuiltinValue => crate::runtime::subclass::new_instance(self, cls, args, kwargs),
            ClassKind::Object if !cls.builtin || cls.name.as_str() == "object" => {
                let has_init = !matches!(cls.lookup_init(), Some(Value::Builtin(_)) | None);
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
