//! The instructions that build and take apart values: slices, tuples,
//! lists, sets, dicts and strings from stack items, the appends and updates
//! of displays and comprehensions, unpacking, and f-string formatting. Kept
//! apart from `exec.rs` so each file holds one family of instructions.

use crate::runtime::pyarc::PyArc;

use super::exec::Flow;
use super::invoke::{add_all, set_pairs};
use super::{PyResult, Vm};
use crate::bytecode::Op;
use crate::runtime::dict::PyDict;
use crate::runtime::value::Value;

impl Vm {
    /// Executes one of the building instructions (see the module docs).
    pub(super) fn exec_build(&mut self, op: Op) -> PyResult<Flow> {
        macro_rules! pop {
            () => {
                self.stack.pop().unwrap_or_default()
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                &self.stack[self.stack.len() - ($n)]
            };
        }
        match op {
            Op::BuildSlice(n) => {
                let step = if n == 3 { pop!() } else { Value::None };
                let stop = pop!();
                let start = pop!();
                let s = crate::runtime::range::PySlice { start, stop, step };
                self.stack.push(Value::Slice(PyArc::new(s)));
            }
            Op::BuildTuple(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                self.stack.push(Value::tuple(items));
            }
            Op::BuildList(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                self.stack.push(Value::list(items));
            }
            Op::BuildSet(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                let set = crate::runtime::set::PySet::new();
                (add_all(self, &set, items))?;
                self.stack.push(Value::new_set(set));
            }
            Op::BuildMap(n) => {
                let items = self.stack.split_off(self.stack.len() - 2 * n as usize);
                let d = PyDict::new();
                (set_pairs(self, &d, items))?;
                self.stack.push(Value::new_dict(d));
            }
            Op::BuildString(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                let mut s = String::new();
                for it in &items {
                    if let Value::Str(p) = it {
                        s.push_str(p.as_str());
                    }
                }
                self.stack.push(Value::str(s));
            }
            Op::ListAppend(n) => {
                let v = pop!();
                if let Value::List(l) = peek!(n as usize) {
                    l.push(v);
                }
            }
            Op::SetAdd(n) => {
                let v = pop!();
                let target = peek!(n as usize).clone();
                if let Value::Set(s) = target {
                    (s.add(self, v))?;
                }
            }
            Op::MapAdd(n) => {
                let v = pop!();
                let k = pop!();
                let target = peek!(n as usize).clone();
                if let Value::Dict(d) = target {
                    (d.set(self, k, v))?;
                }
            }
            Op::ListExtend(n) => {
                let iterable = pop!();
                let target = peek!(n as usize).clone();
                let items = (self.iterate_for_unpack(&iterable))?;
                if let Value::List(l) = target {
                    l.lock().extend(items);
                }
            }
            Op::SetUpdate(n) => {
                let iterable = pop!();
                let target = peek!(n as usize).clone();
                // Sets merge tables as CPython's set_update does (order).
                if let (Value::Set(s), Value::Set(o) | Value::FrozenSet(o)) = (&target, &iterable) {
                    s.update_from_set(self, o)?;
                    return Ok(Flow::Next);
                }
                let items = (self.iterate_for_unpack(&iterable))?;
                if let Value::Set(s) = target {
                    (add_all(self, &s, items))?;
                }
            }
            Op::DictUpdate(n) => {
                let mapping = pop!();
                let target = peek!(n as usize).clone();
                if let Value::Dict(d) = target {
                    (self.dict_update(&d, &mapping, false, None))?;
                }
            }
            Op::DictMerge(n) => {
                let mapping = pop!();
                let target = peek!(n as usize).clone();
                let callee = peek!(n as usize + 2).clone();
                if let Value::Dict(d) = target {
                    (self.dict_update(&d, &mapping, true, Some(&callee)))?;
                }
            }
            Op::ListToTuple => {
                let v = pop!();
                let items = match v {
                    Value::List(l) => l.replace(Vec::new()),
                    _ => Vec::new(),
                };
                self.stack.push(Value::tuple(items));
            }
            Op::UnpackSequence(n) => {
                let seq = pop!();
                let n = n as usize;
                match &seq {
                    Value::Tuple(t) if t.len() == n => {
                        self.stack.extend(t.items.iter().rev().cloned());
                    }
                    Value::List(l) if l.len() == n => {
                        let items = l.lock();
                        self.stack.extend(items.iter().rev().cloned());
                    }
                    _ => {
                        let items = (self.unpack_exact(&seq, n))?;
                        self.stack.extend(items.into_iter().rev());
                    }
                }
            }
            Op::UnpackEx(before, after) => {
                let seq = pop!();
                let items = (self.unpack_starred(&seq, before as usize, after as usize))?;
                self.stack.extend(items.into_iter().rev());
            }
            Op::FormatValue(flags) => {
                let spec = if flags & crate::bytecode::op::format::HAS_SPEC != 0 { Some(pop!()) } else { None };
                let v = pop!();
                let s = (self.format_value(v, flags, spec))?;
                self.stack.push(s);
            }
            other => unreachable!("{other:?} is not a building instruction"),
        }
        Ok(Flow::Next)
    }
}
