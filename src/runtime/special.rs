//! The special attributes and reprs of builtin objects that are not
//! methods: `f.__name__`, `range.start`, `<function f at 0x...>`...

use crate::runtime::pyarc::PyArc;

use super::generator::GenStatus;
use super::value::Value;
use crate::vm::{PyResult, Vm};

/// The prefix of a generator's own attributes: `gi_` (`gi_running`...),
/// `cr_` for a coroutine, `ag_` for an async generator.
fn generator_attr_kind(g: &super::generator::Generator) -> &'static str {
    match (g.is_coroutine, g.is_async_gen) {
        (true, _) => "cr_",
        (_, true) => "ag_",
        _ => "gi_",
    }
}

/// `obj.name` for attributes that are not in the type's dict.
pub fn special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match (obj, name) {
        (Value::Function(f), _) => match name {
            "__name__" => Some(Value::Str(f.name())),
            "__qualname__" => Some(Value::Str(f.qualname())),
            "__doc__" => Some(f.doc.lock().clone()),
            "__module__" => Some(f.module.clone()),
            "__defaults__" => Some(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) }),
            "__kwdefaults__" => Some(if f.kwdefaults.is_empty() {
                Value::None
            } else {
                let d = super::dict::PyDict::new();
                for (k, v) in &f.kwdefaults {
                    d.set_str(k.clone(), v.clone());
                }
                Value::new_dict(d)
            }),
            "__globals__" => Some(Value::Dict(f.globals.clone())),
            "__dict__" => Some(Value::Dict(f.attrs())),
            // An empty dict made on first use when there are none.
            "__annotations__" => {
                let d = f.attrs();
                Some(d.get_item_str(name).unwrap_or_else(|| {
                    let fresh = Value::new_dict(super::dict::PyDict::new());
                    d.set_item_str(name, fresh.clone());
                    fresh
                }))
            }
            "__code__" => Some(Value::Code(f.code.clone())),
            "__closure__" => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
            }),
            _ => f.dict.lock().as_ref().and_then(|d| d.get_item_str(name)),
        },
        (Value::BoundMethod(m), _) => match name {
            "__self__" => Some(m.receiver.clone()),
            "__func__" => Some(m.func.clone()),
            _ => {
                return vm.get_attr_opt(&m.func, &PyArc::new(super::str::PyStr::new(name.to_string())));
            }
        },
        (Value::Builtin(b), "__name__") => Some(Value::str(b.name)),
        (Value::Builtin(b), "__qualname__") => Some(Value::str(b.qualname())),
        (Value::Builtin(b), "__doc__") => {
            Some(b.doc().filter(|d| !d.doc.is_empty()).map_or(Value::None, |d| Value::str(d.doc)))
        }
        (Value::Builtin(b), "__text_signature__") => {
            Some(b.doc().filter(|d| !d.signature.is_empty()).map_or(Value::None, |d| Value::str(d.signature)))
        }
        // A module function's module (`posix` for `os.getpid`, as CPython
        // names it); a method of a builtin type has none.
        (Value::Builtin(b), "__module__") => Some(match (b.owner, b.module) {
            (Some(_), _) => Value::None,
            (None, Some(m)) => Value::str(b.doc().map_or(m, |d| d.module)),
            (None, None) => Value::str("builtins"),
        }),
        (Value::Builtin(_), "__self__") => Some(Value::None),
        (Value::Generator(g), "__name__") => Some(Value::Str(g.name.clone())),
        (Value::Generator(g), "__qualname__") => Some(Value::Str(g.qualname.clone())),
        (Value::Generator(g), _) if generator_attr_kind(g) == name.get(..3).unwrap_or("") => match &name[3..] {
            "running" => Some(Value::Bool(g.is_running())),
            // pyl has no frame objects: a stand-in while there is a frame.
            "frame" => Some(if g.is_finished() { Value::None } else { Value::Bool(true) }),
            "suspended" => Some(Value::Bool(g.status() == GenStatus::Suspended)),
            "code" => Some(Value::Code(g.code.clone())),
            "await" | "yieldfrom" => Some(crate::vm::delegate::delegate_of(g).unwrap_or(Value::None)),
            _ => None,
        },
        (Value::Range(r), "start") => Some(r.start_value()),
        (Value::Range(r), "stop") => Some(r.stop_value()),
        (Value::Range(r), "step") => Some(r.step_value()),
        (Value::Slice(s), "start") => Some(s.start.clone()),
        (Value::Slice(s), "stop") => Some(s.stop.clone()),
        (Value::Slice(s), "step") => Some(s.step.clone()),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => Some(match obj {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
        (Value::Float(_), "real") => Some(obj.clone()),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Property(p), "fget") => Some(p.fget.clone()),
        (Value::Property(p), "fset") => Some(p.fset.clone()),
        (Value::Property(p), "fdel") => Some(p.fdel.clone()),
        (Value::Property(p), "__doc__") => Some(p.doc.clone()),
        (Value::StaticMethod(w) | Value::ClassMethod(w), "__func__") => Some(w.func.clone()),
        (Value::StaticMethod(w) | Value::ClassMethod(w), "__doc__") => {
            return vm.get_attr_opt(&w.func, &PyArc::new(super::str::PyStr::new(name.to_string())));
        }
        (Value::Cell(c), "cell_contents") => Some(c.get()),
        (Value::Native(_), _) => match super::memoryview_ops::attr(obj, name)? {
            Some(v) => Some(v),
            None => super::complex_ops::attr(obj, name).or_else(|| super::traceback::traceback_attr(obj, name)),
        },
        (Value::Code(c), "co_name") => Some(Value::Str(c.name.clone())),
        (Value::Code(c), "co_filename") => Some(Value::str(c.source.filename.clone())),
        (Value::Code(c), "co_firstlineno") => Some(Value::Int(c.first_line as i64)),
        (Value::Code(c), "co_argcount") => Some(Value::Int(c.argcount as i64)),
        (Value::Code(c), "co_posonlyargcount") => Some(Value::Int(c.posonlyargcount as i64)),
        (Value::Code(c), "co_kwonlyargcount") => Some(Value::Int(c.kwonlyargcount as i64)),
        (Value::Code(c), "co_flags") => Some(Value::Int(cpython_code_flags(c.flags))),
        (Value::Code(c), "co_varnames") => {
            Some(Value::tuple(c.varnames.iter().map(|v| Value::Str(v.clone())).collect()))
        }
        (_, "__doc__") => Some(Value::None),
        _ => None,
    })
}

/// `repr()` of builtin objects other than numbers, strings and containers.
pub fn repr_builtin(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bytes(b) => repr_bytes(&b.data),
        Value::Range(r) if r.is_big() => {
            let (start, stop, step) = r.bounds();
            if num_traits::One::is_one(&step) {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Value::Slice(s) => format!("slice({}, {}, {})", vm.repr(&s.start)?, vm.repr(&s.stop)?, vm.repr(&s.step)?),
        Value::Function(f) => format!("<function {} at {:#x}>", f.qualname().as_str(), v.id()),
        Value::Builtin(b) => format!("<built-in function {}>", b.name),
        Value::BoundMethod(m) => match &m.func {
            Value::Builtin(b) => {
                format!("<built-in method {} of {} object at {:#x}>", b.name, m.receiver.type_name(), m.receiver.id())
            }
            f => {
                let name = callable_name(f);
                let recv = vm.repr(&m.receiver)?;
                format!("<bound method {name} of {recv}>")
            }
        },
        Value::Class(c) => {
            let module = match &*c.module.lock() {
                Value::Str(s) if s.as_str() != "builtins" => format!("{}.", s.as_str()),
                _ => String::new(),
            };
            format!("<class '{module}{}'>", c.qualname().as_str())
        }
        Value::Module(m) => match m.dict.get_item_str("__file__") {
            Some(Value::Str(f)) => format!("<module '{}' from '{}'>", m.name.as_str(), f.as_str()),
            // Made by `types.ModuleType`: no loader, no origin to show.
            _ if m.dict.get_item_str("__loader__").is_some_and(|l| l.is_none()) => {
                format!("<module '{}'>", m.name.as_str())
            }
            _ => format!("<module '{}' (built-in)>", m.name.as_str()),
        },
        Value::Generator(g) if g.is_coroutine => {
            format!("<coroutine object {} at {:#x}>", g.qualname.as_str(), v.id())
        }
        Value::Generator(g) if g.is_async_gen => {
            format!("<async_generator object {} at {:#x}>", g.qualname.as_str(), v.id())
        }
        Value::Generator(g) => format!("<generator object {} at {:#x}>", g.qualname.as_str(), v.id()),
        Value::Code(c) => format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.name.as_str(),
            v.id(),
            c.source.filename,
            c.first_line
        ),
        Value::Cell(c) => {
            let inner = c.get();
            if inner.is_undef() {
                format!("<cell at {:#x}: empty>", v.id())
            } else {
                format!("<cell at {:#x}: {} object at {:#x}>", v.id(), inner.type_name(), inner.id())
            }
        }
        _ => crate::vm::convert::default_repr(v),
    })
}

/// `b'...'` with CPython's escapes.
pub fn repr_bytes(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The name CPython uses for a callable in messages (`f`, `A.m`, `len`).
pub fn callable_name(c: &Value) -> String {
    match c {
        Value::Function(f) => f.qualname().as_str().to_string(),
        Value::Builtin(b) => b.qualname(),
        Value::BoundMethod(m) => callable_name(&m.func),
        Value::Class(cls) => cls.name.as_str().to_string(),
        other => other.type_name(),
    }
}

/// `co_flags` in CPython's bits (what `inspect` tests), from pyl's own:
/// a coroutine is CO_COROUTINE there, never also CO_GENERATOR.
fn cpython_code_flags(flags: u32) -> i64 {
    use crate::bytecode::code::flags as f;
    let mut out = 0;
    if flags & f::VARARGS != 0 {
        out |= 0x04;
    }
    if flags & f::VARKEYWORDS != 0 {
        out |= 0x08;
    }
    if flags & f::COROUTINE != 0 {
        out |= 0x80;
    } else if flags & f::GENERATOR != 0 {
        out |= 0x20;
    }
    out
}
