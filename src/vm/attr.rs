//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the
//! method lookup behind `obj.name(...)` that avoids a bound-method object.
//!
//! Follows CPython's order: data descriptors on the class (properties)
//! first, then the instance dict, then other class attributes (functions
//! become bound methods), then `__getattr__`.

use crate::runtime::pyarc::PyArc;

use super::error::{attribute_error, type_error};
use super::{PyErr, PyResult, Vm};
use crate::runtime::class::{Class, ClassFlags, is_data_descriptor};
use crate::runtime::instance::Instance;
use crate::runtime::module::Module;
use crate::runtime::str::PyStr;
use crate::runtime::super_obj::Super;
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    pub fn get_attr(&mut self, obj: &Value, name: &PyArc<PyStr>) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(obj, name.as_str())),
        }
    }

    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        self.get_attr(obj, &PyArc::new(PyStr::new(name.to_string())))
    }

    /// `getattr(obj, name)`, with `Ok(None)` where AttributeError would be
    /// raised by the lookup itself (errors raised by getters propagate).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &PyArc<PyStr>) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Class(cls) => match self.class_getattr(cls, name)? {
                None if let Some(hook) = meta_hook(obj, "__getattr__") => {
                    self.call(&hook, &[obj.clone(), Value::Str(name.clone())]).map(Some)
                }
                found => Ok(found),
            },
            Value::Module(m) => {
                if let Some(v) = m.dict.get_str(name) {
                    return Ok(Some(v));
                }
                if name.as_str() == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                self.module_getattr_hook(m, name)
            }
            Value::Native(n) => {
                if let Some(s) = n.as_any().downcast_ref::<Super>() {
                    return self.super_getattr(s, name);
                }
                self.builtin_getattr(obj, name)
            }
            _ => self.builtin_getattr(obj, name),
        }
    }

    /// A name a module's dict lacks: the module's own `__getattr__`
    /// (PEP 562; its AttributeError, with its own message, propagates as
    /// in CPython), then the attributes `sys` builds on first use.
    fn module_getattr_hook(&mut self, m: &PyArc<Module>, name: &PyArc<PyStr>) -> PyResult<Option<Value>> {
        if let Some(hook) = m.dict.get_item_str("__getattr__") {
            return self.call(&hook, &[Value::Str(name.clone())]).map(Some);
        }
        if m.name.as_str() == "sys" {
            return crate::modules::sys::lazy_attr(self, m, name.as_str());
        }
        Ok(None)
    }

    fn instance_getattr(
        &mut self,
        obj: &Value,
        inst: &PyArc<Instance>,
        name: &PyArc<PyStr>,
    ) -> PyResult<Option<Value>> {
        let cls = inst.class_ref().clone();
        if cls.has_flag(ClassFlags::GETATTRIBUTE)
            && let Some(ga) = cls.lookup_str("__getattribute__")
        {
            return match self.call(&ga, &[obj.clone(), Value::Str(name.clone())]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is(&types().exc.attribute_error) => self.try_getattr_hook(obj, &cls, name, Some(e)),
                Err(e) => Err(e),
            };
        }
        match self.generic_getattr(obj, inst, name) {
            Ok(Some(v)) => Ok(Some(v)),
            // A subclass of complex, int or float has its value's `real`
            // and `imag` (data attributes, not in the class's dict).
            Ok(None) if matches!(name.as_str(), "real" | "imag") && inst.base_value().is_some() => {
                let base = inst.base_value().cloned().unwrap_or_default();
                match crate::runtime::special::special_attr(self, &base, name.as_str())? {
                    Some(v) => Ok(Some(v)),
                    None => self.try_getattr_hook(obj, &cls, name, None),
                }
            }
            Ok(None) => self.try_getattr_hook(obj, &cls, name, None),
            Err(e) if e.is(&types().exc.attribute_error) && cls.has_flag(ClassFlags::GETATTR) => {
                self.try_getattr_hook(obj, &cls, name, Some(e))
            }
            Err(e) => Err(e),
        }
    }

    fn try_getattr_hook(
        &mut self,
        obj: &Value,
        cls: &PyArc<Class>,
        name: &PyArc<PyStr>,
        err: Option<PyErr>,
    ) -> PyResult<Option<Value>> {
        if cls.has_flag(ClassFlags::GETATTR)
            && let Some(hook) = cls.lookup_str("__getattr__")
        {
            return self.call(&hook, &[obj.clone(), Value::Str(name.clone())]).map(Some);
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `object.__getattribute__`: descriptors, instance dict, class.
    pub fn generic_getattr(
        &mut self,
        obj: &Value,
        inst: &PyArc<Instance>,
        name: &PyArc<PyStr>,
    ) -> PyResult<Option<Value>> {
        let cls = inst.class_ref();
        // Data descriptors on the class win over the instance dict; other
        // class attributes lose to it, so the dict is tried first.
        if cls.is_descriptor_name(name)
            && let Some(a) = cls.lookup(name)
            && is_data_descriptor(&a)
        {
            return self.descriptor_get(&a, obj, cls).map(Some);
        }
        if let Some(v) = inst.dict.get_str(name) {
            return Ok(Some(v));
        }
        if let Some(a) = cls.lookup(name) {
            return self.bind(a, obj, cls).map(Some);
        }
        let n = name.as_str();
        if n.starts_with("__") {
            match n {
                "__class__" => return Ok(Some(Value::Class(cls.clone()))),
                "__dict__" => return Ok(Some(Value::Dict(inst.dict.clone()))),
                _ => {}
            }
        }
        if let Some(d) = inst.exc() {
            let mut d = d.lock();
            match n {
                "args" => return Ok(Some(d.args.clone())),
                "__cause__" => return Ok(Some(d.cause.clone())),
                "__context__" => return Ok(Some(d.context.clone())),
                "__suppress_context__" => return Ok(Some(Value::Bool(d.suppress_context))),
                "__traceback__" => {
                    return Ok(Some(crate::runtime::traceback::traceback_of(&mut d)));
                }
                _ => {}
            }
            drop(d);
            return Ok(crate::runtime::exception::exception_attr(inst, n));
        }
        Ok(None)
    }

    /// The value of class attribute `a` looked up through instance `obj`.
    fn bind(&mut self, a: Value, obj: &Value, cls: &PyArc<Class>) -> PyResult<Value> {
        Ok(match a {
            Value::Function(_) | Value::Builtin(_) => Value::bound_method(obj.clone(), a),
            Value::ClassMethod(w) => Value::bound_method(Value::Class(cls.clone()), w.func.clone()),
            Value::StaticMethod(w) => w.func.clone(),
            Value::Property(_) => self.descriptor_get(&a, obj, cls)?,
            Value::Instance(ref i) if i.class_ref().lookup_str("__get__").is_some() => {
                self.call_method(&a, "__get__", &[obj.clone(), Value::Class(cls.clone())])?
            }
            other => other,
        })
    }

    fn descriptor_get(&mut self, d: &Value, obj: &Value, cls: &PyArc<Class>) -> PyResult<Value> {
        match d {
            Value::Property(p) => {
                if p.fget.is_none() {
                    return Err(attribute_error("unreadable attribute"));
                }
                let g = p.fget.clone();
                self.call(&g, std::slice::from_ref(obj))
            }
            _ => self.call_method(d, "__get__", &[obj.clone(), Value::Class(cls.clone())]),
        }
    }

    fn class_getattr(&mut self, cls: &PyArc<Class>, name: &PyArc<PyStr>) -> PyResult<Option<Value>> {
        // A property of the metaclass wins over the class's own attributes,
        // as data descriptors of a type do.
        if let Some(meta) = &cls.metaclass
            && let Some(p @ Value::Property(_)) = meta.lookup(name)
        {
            return self.descriptor_get(&p, &Value::Class(cls.clone()), meta).map(Some);
        }
        if let Some(v) = cls.lookup(name) {
            return Ok(Some(match v {
                Value::ClassMethod(w) => Value::bound_method(Value::Class(cls.clone()), w.func.clone()),
                Value::StaticMethod(w) => w.func.clone(),
                Value::Instance(ref i) if i.class_ref().lookup_str("__get__").is_some() => {
                    self.call_method(&v, "__get__", &[Value::None, Value::Class(cls.clone())])?
                }
                other => other,
            }));
        }
        let n = name.as_str();
        let special = match n {
            "__name__" => Some(Value::Str(cls.name.clone())),
            "__qualname__" => Some(Value::Str(cls.qualname())),
            "__module__" => Some(cls.module.lock().clone()),
            "__dict__" => Some(crate::runtime::mapping_proxy::mapping_proxy(cls.dict.clone())),
            "__bases__" => Some(Value::tuple(cls.bases.iter().map(|b| Value::Class(b.clone())).collect())),
            "__base__" => Some(cls.bases.first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None)),
            "__mro__" => {
                let mut v = vec![Value::Class(cls.clone())];
                v.extend(cls.mro.iter().map(|c| Value::Class(c.clone())));
                Some(Value::tuple(v))
            }
            "__class__" => Some(Value::Class(cls.metaclass())),
            "__doc__" => Some(Value::None),
            "__text_signature__" => Some(builtin_class_signature(cls)),
            // Only Py_TPFLAGS_HEAPTYPE is kept: set for a class made by a
            // class statement, clear for a type written in Rust (how
            // pydoc tells `_thread.lock` from a class defined in pyl).
            "__flags__" => Some(Value::Int(if cls.builtin { 0 } else { 1 << 9 })),
            _ => None,
        };
        if special.is_some() {
            return Ok(special);
        }
        // Methods of the metaclass (`type.mro`, a custom metaclass's methods).
        let meta = cls.metaclass();
        if let Some(m) = meta.lookup(name) {
            return self.bind(m, &Value::Class(cls.clone()), &meta).map(Some);
        }
        Ok(None)
    }

    fn super_getattr(&mut self, s: &Super, name: &PyArc<PyStr>) -> PyResult<Option<Value>> {
        let start_cls = match &s.obj {
            Value::Class(c) if c.is_subclass(&s.cls) => c.clone(),
            other => other.class(),
        };
        let mro: Vec<PyArc<Class>> = std::iter::once(start_cls.clone()).chain(start_cls.mro.iter().cloned()).collect();
        let pos = mro.iter().position(|c| PyArc::ptr_eq(c, &s.cls)).map(|p| p + 1).unwrap_or(mro.len());
        // `super()` in a classmethod or `__new__` looks along the class's
        // own MRO and leaves functions unbound; in a metaclass method, the
        // class is the instance and methods bind to it.
        let class_level = matches!(&s.obj, Value::Class(c) if c.is_subclass(&s.cls));
        for c in &mro[pos..] {
            if let Some(v) = c.dict.get_str(name) {
                return Ok(Some(match (&s.obj, v) {
                    (Value::Class(_), Value::Function(f)) if class_level => Value::Function(f),
                    (_, Value::ClassMethod(w)) => Value::bound_method(Value::Class(start_cls.clone()), w.func.clone()),
                    (_, Value::StaticMethod(w)) => w.func.clone(),
                    (Value::Class(_), v) if class_level => v,
                    (obj, Value::Property(p)) => {
                        let g = p.fget.clone();
                        self.call(&g, std::slice::from_ref(obj))?
                    }
                    (obj, v @ (Value::Function(_) | Value::Builtin(_))) => Value::bound_method(obj.clone(), v),
                    (_, v) => v,
                }));
            }
        }
        if name.as_str() == "__class__" {
            return Ok(Some(Value::Class(types().super_type.clone())));
        }
        Ok(None)
    }

    /// Attributes of builtin values: methods of their type, then a few
    /// special attributes (`__name__` of functions and so on).
    fn builtin_getattr(&mut self, obj: &Value, name: &PyArc<PyStr>) -> PyResult<Option<Value>> {
        let cls = obj.class();
        // The callables and descriptors that carry their own docstring
        // (a data descriptor on their type in CPython): it comes before
        // the type's own `__doc__`.
        let own_doc = matches!(
            obj,
            Value::Function(_)
                | Value::Builtin(_)
                | Value::BoundMethod(_)
                | Value::Property(_)
                | Value::StaticMethod(_)
                | Value::ClassMethod(_)
        );
        if own_doc && name.as_str() == "__doc__" {
            return crate::runtime::special::special_attr(self, obj, "__doc__");
        }
        if let Some(a) = cls.lookup(name) {
            return self.bind(a, obj, &cls).map(Some);
        }
        Ok(crate::runtime::special::special_attr(self, obj, name.as_str())?.or_else(|| match name.as_str() {
            "__class__" => Some(Value::Class(cls.clone())),
            _ => None,
        }))
    }

    /// Finds `obj.name` for an immediate call: `(function, obj)` when it is
    /// a method on the class, else `(attribute, Undef)`.
    pub fn load_method(&mut self, obj: &Value, name: &PyArc<PyStr>) -> PyResult<(Value, Value)> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class_ref();
                if !cls.has_flag(ClassFlags::GETATTRIBUTE)
                    && let Some(a @ Value::Function(_)) = cls.lookup(name)
                    && inst.dict.get_str(name).is_none()
                {
                    return Ok((a, obj.clone()));
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Native(_) => {}
            _ => {
                let cls = obj.class();
                if let Some(a @ Value::Builtin(_)) = cls.lookup(name) {
                    return Ok((a, obj.clone()));
                }
            }
        }
        Ok((self.get_attr(obj, name)?, Value::Undef))
    }

    pub fn set_attr(&mut self, obj: &Value, name: &PyArc<PyStr>, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class_ref();
                if cls.has_flag(ClassFlags::SETATTR)
                    && let Some(hook) = cls.lookup_str("__setattr__")
                {
                    self.call(&hook, &[obj.clone(), Value::Str(name.clone()), value])?;
                    return Ok(());
                }
                self.generic_setattr(obj, inst, name, value)
            }
            Value::Class(cls) => {
                if let Some(hook) = meta_hook(obj, "__setattr__") {
                    self.call(&hook, &[obj.clone(), Value::Str(name.clone()), value])?;
                    return Ok(());
                }
                self.set_class_attr(cls, name, value)
            }
            Value::Module(m) => {
                m.dict.set_str(name.clone(), value);
                Ok(())
            }
            Value::Function(f) => {
                match (name.as_str(), &value) {
                    ("__name__", Value::Str(s)) => *f.name.lock() = s.clone(),
                    ("__qualname__", Value::Str(s)) => *f.qualname.lock() = s.clone(),
                    ("__doc__", _) => *f.doc.lock() = value,
                    _ => f.attrs().set_str(name.clone(), value),
                }
                Ok(())
            }
            // Builtin values have no instance dict: what their type defines
            // is read-only, anything else does not exist.
            _ if obj.class().lookup(name).is_some() => {
                Err(attribute_error(format!("'{}' object attribute '{}' is read-only", obj.type_name(), name.as_str())))
            }
            _ => Err(attribute_error(format!("'{}' object has no attribute '{}'", obj.type_name(), name.as_str()))),
        }
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        inst: &PyArc<Instance>,
        name: &PyArc<PyStr>,
        value: Value,
    ) -> PyResult<()> {
        let cls = inst.class_ref();
        if cls.is_descriptor_name(name) {
            match cls.lookup(name) {
                Some(Value::Property(p)) => {
                    if p.fset.is_none() {
                        return Err(attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str(),
                            cls.name.as_str()
                        )));
                    }
                    let s = p.fset.clone();
                    self.call(&s, &[obj.clone(), value])?;
                    return Ok(());
                }
                Some(d @ Value::Instance(_)) if is_data_descriptor(&d) => {
                    self.call_method(&d, "__set__", &[obj.clone(), value])?;
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some(d) = inst.exc() {
            let mut d = d.lock();
            match name.as_str() {
                "args" => {
                    d.args = match value {
                        Value::Tuple(_) => value,
                        other => Value::tuple(vec![other]),
                    };
                    return Ok(());
                }
                "__cause__" => {
                    d.cause = value;
                    d.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    d.context = value;
                    return Ok(());
                }
                "__suppress_context__" => {
                    d.suppress_context = matches!(value, Value::Bool(true));
                    return Ok(());
                }
                "__traceback__" => {
                    if !crate::runtime::traceback::set_traceback(&mut d, &value) {
                        return Err(type_error("__traceback__ must be a traceback or None"));
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        inst.dict.set_str(name.clone(), value);
        Ok(())
    }

    pub fn del_attr(&mut self, obj: &Value, name: &PyArc<PyStr>) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class_ref();
                if cls.has_flag(ClassFlags::DELATTR)
                    && let Some(hook) = cls.lookup_str("__delattr__")
                {
                    self.call(&hook, &[obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
                if let Some(Value::Property(p)) = cls.lookup(name) {
                    if p.fdel.is_none() {
                        return Err(attribute_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            name.as_str(),
                            cls.name.as_str()
                        )));
                    }
                    let d = p.fdel.clone();
                    self.call(&d, std::slice::from_ref(obj))?;
                    return Ok(());
                }
                match inst.dict.remove_str(name.as_str()) {
                    Some(_) => Ok(()),
                    None => Err(no_attribute(obj, name.as_str())),
                }
            }
            Value::Class(cls) => {
                if let Some(hook) = meta_hook(obj, "__delattr__") {
                    self.call(&hook, &[obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
                if cls.builtin {
                    return Err(no_attribute(obj, name.as_str()));
                }
                self.del_class_attr(cls, name)
            }
            Value::Module(m) => match m.dict.remove_str(name.as_str()) {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, name.as_str())),
            },
            Value::Function(f) => match f.attrs().remove_str(name.as_str()) {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, name.as_str())),
            },
            _ => Err(no_attribute(obj, name.as_str())),
        }
    }

    /// `type.__setattr__`: sets a class attribute, keeping the caches right.
    pub fn set_class_attr(&mut self, cls: &PyArc<Class>, name: &PyArc<PyStr>, value: Value) -> PyResult<()> {
        if cls.builtin {
            return Err(type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                cls.name.as_str()
            )));
        }
        match name.as_str() {
            "__name__" | "__qualname__" if matches!(value, Value::Str(_)) => {
                if let Value::Str(s) = &value {
                    *cls.qualname.lock() = s.clone();
                }
            }
            "__module__" => *cls.module.lock() = value.clone(),
            _ => {}
        }
        cls.dict.set_str(name.clone(), value);
        crate::runtime::class::bump_class_epoch();
        if name.as_str().starts_with("__") || is_data_descriptor(&cls.dict.get_str(name).unwrap_or_default()) {
            cls.refresh_flags();
        }
        Ok(())
    }

    /// `type.__delattr__`.
    pub fn del_class_attr(&mut self, cls: &PyArc<Class>, name: &PyArc<PyStr>) -> PyResult<()> {
        if cls.builtin {
            return Err(type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                cls.name.as_str()
            )));
        }
        match cls.dict.remove_str(name.as_str()) {
            Some(_) => {
                crate::runtime::class::bump_class_epoch();
                cls.refresh_flags();
                Ok(())
            }
            None => Err(no_attribute(&Value::Class(cls.clone()), name.as_str())),
        }
    }

    /// `hasattr`/`getattr` with a default: AttributeError means absent.
    pub fn get_attr_or_none(&mut self, obj: &Value, name: &PyArc<PyStr>) -> PyResult<Option<Value>> {
        match self.get_attr_opt(obj, name) {
            Err(e) if e.is(&types().exc.attribute_error) => Ok(None),
            other => other,
        }
    }
}

/// CPython's AttributeError message for each kind of object.
pub fn no_attribute(obj: &Value, name: &str) -> PyErr {
    let msg = match obj {
        Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name.as_str()),
        Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name.as_str()),
        _ => format!("'{}' object has no attribute '{name}'", obj.type_name()),
    };
    let err = attribute_error(msg);
    if let Some(d) = err.0.exc() {
        let _ = d;
    }
    err.0.dict.set_item_str("name", Value::str(name));
    err.0.dict.set_item_str("obj", obj.clone());
    err
}

/// The Python-level method `name` of the metaclass of class `v`, when `v`
/// is a class whose metaclass is not `type` and defines it: what a special
/// method on a class (`len(C)`, `repr(C)`, `C[k]`) calls.
pub(crate) fn meta_hook(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Class(c) => match c.metaclass.as_ref()?.lookup_str(name)? {
            f @ Value::Function(_) => Some(f),
            _ => None,
        },
        _ => None,
    }
}

/// `cls.__text_signature__`: CPython's for a builtin type that has one
/// (`list` has `(iterable=(), /)`), else None (every class statement).
fn builtin_class_signature(cls: &Class) -> Value {
    match crate::modules::builtins::docs::class(cls.name.as_str()) {
        Some(d) if cls.builtin && !d.signature.is_empty() => Value::str(d.signature),
        _ => Value::None,
    }
}
