//! How values cross a process boundary: pyl's own small binary encoding,
//! playing pickle's role for `multiprocessing` (design decision 5).
//!
//! Encoded: None, bools, ints of any size, floats, str, bytes, lists,
//! tuples, dicts, sets, frozensets, instances of classes (their class by
//! reference and their attribute dict), exceptions (class and args), and
//! functions, classes and builtins by module and qualified name — found
//! again by name on the other side, as pickle does. Anything else (a
//! lambda, a lock, an open file) fails in the sender with pickle's message.
//! Shared objects are encoded once per occurrence (no cycles).

use crate::runtime::pyarc::PyArc;
use std::sync::OnceLock;

use num_bigint::BigInt;

use crate::runtime::class::{Class, ClassKind};
use crate::runtime::dict::PyDict;
use crate::runtime::set::PySet;
use crate::runtime::str::{PyBytes, PyStr};
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::vm::error::type_error;
use crate::vm::recursion::Recursing;
use crate::vm::{PyErr, PyResult, Vm};

const NONE: u8 = 0;
const TRUE: u8 = 1;
const FALSE: u8 = 2;
const INT: u8 = 3;
const BIGINT: u8 = 4;
const FLOAT: u8 = 5;
const STR: u8 = 6;
const BYTES: u8 = 7;
const LIST: u8 = 8;
const TUPLE: u8 = 9;
const DICT: u8 = 10;
const SET: u8 = 11;
const FROZENSET: u8 = 12;
const GLOBAL: u8 = 13;
const INSTANCE: u8 = 14;
const EXCEPTION: u8 = 15;

/// `_pickle.PicklingError`.
pub fn pickling_error() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let cls = Class::builtin(
                "PicklingError",
                vec![types().exc.exception.clone()],
                ClassKind::Exception,
                None,
                &[],
                "PicklingError",
            );
            *cls.module.lock() = Value::str("_pickle");
            cls
        })
        .clone()
}

pub fn dumps(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(64);
    encode(vm, v, &mut out)?;
    Ok(out)
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Each nested value is a level of recursion (pickle's RecursionError
/// past the limit or when the native stack runs low).
fn encode(vm: &mut Vm, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    vm.nested(Recursing::Pickle, |vm| encode_value(vm, v, out))
}

fn encode_value(vm: &mut Vm, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    match v {
        Value::None => out.push(NONE),
        Value::Bool(true) => out.push(TRUE),
        Value::Bool(false) => out.push(FALSE),
        Value::Int(i) => {
            out.push(INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::BigInt(b) => {
            out.push(BIGINT);
            put_str(out, &b.to_str_radix(16));
        }
        Value::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Str(s) => {
            out.push(STR);
            put_str(out, s.as_str());
        }
        Value::Bytes(b) => {
            out.push(BYTES);
            put_len(out, b.data.len());
            out.extend_from_slice(&b.data);
        }
        Value::List(l) => {
            let items = l.snapshot();
            out.push(LIST);
            put_len(out, items.len());
            for x in &items {
                encode(vm, x, out)?;
            }
        }
        Value::Tuple(t) => {
            out.push(TUPLE);
            put_len(out, t.len());
            for x in t.items.iter() {
                encode(vm, x, out)?;
            }
        }
        Value::Dict(d) => {
            let items = d.items();
            out.push(DICT);
            put_len(out, items.len());
            for (k, x) in &items {
                encode(vm, k, out)?;
                encode(vm, x, out)?;
            }
        }
        Value::Set(s) | Value::FrozenSet(s) => {
            let items = s.items();
            out.push(if matches!(v, Value::Set(_)) { SET } else { FROZENSET });
            put_len(out, items.len());
            for x in &items {
                encode(vm, x, out)?;
            }
        }
        Value::Function(_) | Value::Class(_) | Value::Builtin(_) => {
            let (module, qualname) = global_name(vm, v)?;
            out.push(GLOBAL);
            put_str(out, &module);
            put_str(out, &qualname);
        }
        Value::Instance(inst) if inst.base_value().is_none() => {
            let cls = Value::Class(inst.class());
            if let Some(d) = inst.exc() {
                let args = d.lock().args.clone();
                out.push(EXCEPTION);
                encode(vm, &cls, out)?;
                encode(vm, &args, out)?;
            } else {
                out.push(INSTANCE);
                encode(vm, &cls, out)?;
            }
            encode(vm, &Value::Dict(inst.dict.clone()), out)?;
        }
        other => {
            let cls = other.class();
            let module = match &*cls.module.lock() {
                Value::Str(m) if m.as_str() != "builtins" => format!("{}.", m.as_str()),
                _ => String::new(),
            };
            return Err(type_error(format!("cannot pickle '{module}{}' object", cls.name.as_str())));
        }
    }
    Ok(())
}

/// The (module, qualified name) a function or class is found again by,
/// checked as pickle checks it: looking the name up must give the object.
fn global_name(vm: &mut Vm, v: &Value) -> PyResult<(String, String)> {
    let (module, qualname) = match v {
        Value::Function(f) => {
            let module = match &f.module {
                Value::Str(m) => m.as_str().to_string(),
                _ => "__main__".to_string(),
            };
            (module, f.qualname.lock().as_str().to_string())
        }
        Value::Class(c) => {
            let module = match &*c.module.lock() {
                Value::Str(m) => m.as_str().to_string(),
                _ => "builtins".to_string(),
            };
            (module, c.qualname.lock().as_str().to_string())
        }
        Value::Builtin(b) => ("builtins".to_string(), b.name.to_string()),
        _ => unreachable!("global_name of a function, class or builtin"),
    };
    let found = lookup_global(vm, &module, &qualname).ok();
    if !found.as_ref().is_some_and(|f| f.is(v)) {
        let what = vm.repr(v)?;
        let last = qualname.rsplit('.').next().unwrap_or(&qualname);
        return Err(PyErr::new(
            &pickling_error(),
            format!("Can't pickle {what}: attribute lookup {last} on {module} failed"),
        ));
    }
    Ok((module, qualname))
}

fn lookup_global(vm: &mut Vm, module: &str, qualname: &str) -> PyResult<Value> {
    let mut obj = match vm.shared.modules.get_item_str(module) {
        Some(m) => m,
        None => Value::Module(vm.import_module(module)?),
    };
    for part in qualname.split('.') {
        obj = vm.get_attr(&obj, &PyArc::new(PyStr::new(part.to_string())))?;
    }
    Ok(obj)
}

pub fn loads(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    let mut r = Reader { data, pos: 0 };
    let v = r.value(vm)?;
    Ok(v)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

fn truncated() -> PyErr {
    PyErr::new(&types().exc.eof_error, "Ran out of input")
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len()).ok_or_else(truncated)?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u64(&mut self) -> PyResult<u64> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    fn len(&mut self) -> PyResult<usize> {
        let n = self.u64()? as usize;
        if n > self.data.len() {
            return Err(truncated());
        }
        Ok(n)
    }

    fn string(&mut self) -> PyResult<String> {
        let n = self.len()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| PyErr::new(&pickling_error(), "corrupt message"))
    }

    /// Decoding nests as deep as the encoder did, so it is guarded alike.
    fn value(&mut self, vm: &mut Vm) -> PyResult<Value> {
        vm.nested(Recursing::Other, |vm| self.value_inner(vm))
    }

    fn value_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let tag = self.take(1)?[0];
        Ok(match tag {
            NONE => Value::None,
            TRUE => Value::Bool(true),
            FALSE => Value::Bool(false),
            INT => Value::Int(self.u64()? as i64),
            BIGINT => {
                let s = self.string()?;
                let b = BigInt::parse_bytes(s.as_bytes(), 16)
                    .ok_or_else(|| PyErr::new(&pickling_error(), "corrupt message"))?;
                Value::from_bigint(b)
            }
            FLOAT => Value::Float(f64::from_bits(self.u64()?)),
            STR => Value::str(self.string()?),
            BYTES => {
                let n = self.len()?;
                Value::Bytes(PyArc::new(PyBytes::new(self.take(n)?.to_vec())))
            }
            LIST | TUPLE => {
                let n = self.len()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(vm)?);
                }
                if tag == LIST { Value::list(items) } else { Value::tuple(items) }
            }
            DICT => {
                let n = self.len()?;
                let d = PyArc::new(PyDict::new());
                crate::vm::gc::track_dict(&d);
                for _ in 0..n {
                    let k = self.value(vm)?;
                    let v = self.value(vm)?;
                    d.set(vm, k, v)?;
                }
                Value::Dict(d)
            }
            SET | FROZENSET => {
                let n = self.len()?;
                let s = PyArc::new(PySet::new());
                for _ in 0..n {
                    let x = self.value(vm)?;
                    s.add(vm, x)?;
                }
                if tag == SET { Value::Set(s) } else { Value::FrozenSet(s) }
            }
            GLOBAL => {
                let module = self.string()?;
                let qualname = self.string()?;
                lookup_global(vm, &module, &qualname)?
            }
            INSTANCE => {
                let Value::Class(cls) = self.value(vm)? else {
                    return Err(PyErr::new(&pickling_error(), "corrupt message"));
                };
                let Value::Dict(d) = self.value(vm)? else {
                    return Err(PyErr::new(&pickling_error(), "corrupt message"));
                };
                // Like pickle: the instance is made without calling __init__.
                let inst = PyArc::new(crate::runtime::instance::Instance::new(cls));
                for (k, v) in d.items() {
                    inst.dict.set(vm, k, v)?;
                }
                Value::Instance(inst)
            }
            EXCEPTION => {
                let cls = self.value(vm)?;
                let args = self.value(vm)?;
                let Value::Dict(d) = self.value(vm)? else {
                    return Err(PyErr::new(&pickling_error(), "corrupt message"));
                };
                let args = match args {
                    Value::Tuple(t) => t.items.to_vec(),
                    other => vec![other],
                };
                let exc = vm.call(&cls, &args)?;
                if let Value::Instance(inst) = &exc {
                    for (k, v) in d.items() {
                        inst.dict.set(vm, k, v)?;
                    }
                }
                exc
            }
            _ => return Err(PyErr::new(&pickling_error(), "corrupt message")),
        })
    }
}
