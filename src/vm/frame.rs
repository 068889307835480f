//! Frames: one activation of a code object, and argument binding.

use crate::runtime::pyarc::PyArc;

use super::error::type_error;
use super::{PyResult, Vm};
use crate::bytecode::Code;
use crate::bytecode::code::flags;
use crate::runtime::dict::PyDict;
use crate::runtime::function::{Cell, Function};
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;

pub struct Frame {
    /// The function being run: its code, globals and closure. Module and
    /// class bodies run as functions too.
    pub func: PyArc<Function>,
    pub pc: usize,
    /// Where local 0 is on the thread's value stack (`Vm::stack`); the
    /// frame's operand stack starts after its locals.
    pub base: usize,
    /// The stack length to cut back to when the frame returns (just below
    /// the callee's slot for a call made by the evaluation loop).
    pub ret: usize,
    /// This frame's own cells (cellvars); free variables are in the closure.
    pub cells: Vec<PyArc<Cell>>,
    /// The namespace of a class body.
    pub locals: Option<PyArc<PyDict>>,
    /// Where the frame's return (or yield) goes.
    pub kind: FrameKind,
    /// For an `__init__` called by instantiating a class: the instance,
    /// which is the call's result.
    pub init_self: Option<Value>,
}

/// Pushes `frame` onto a thread's frame stack, writing its fields straight
/// into the new slot. Why not `Vec::push`: that call is not inlined, so the
/// frame is built in a temporary, field by field, and then copied with
/// vector moves, which wait on those field stores (see `value_words`);
/// perf showed the copy among the top costs of call-heavy programs.
#[inline(always)]
pub fn push_frame(frames: &mut Vec<Frame>, frame: Frame) {
    let len = frames.len();
    if len == frames.capacity() {
        frames.reserve(1);
    }
    // SAFETY: there is room for one more frame (reserved above).
    unsafe {
        std::ptr::write(frames.as_mut_ptr().add(len), frame);
        frames.set_len(len + 1);
    }
}

/// Who runs on when a frame returns (or, for a generator, yields).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// Called by the evaluation loop: the frame below resumes.
    Call,
    /// Entered from Rust (`run_boundary`): the loop that runs it returns.
    Boundary,
    /// A generator that the frame below resumed in the same loop, with a
    /// `ForIter` or `Send` on it (`vm/resume.rs`): that instruction
    /// completes with what the generator yields or returns.
    Generator,
}

impl Frame {
    #[inline]
    pub fn code(&self) -> &PyArc<Code> {
        &self.func.code
    }

    #[inline]
    pub fn globals(&self) -> &PyArc<PyDict> {
        &self.func.globals
    }

    /// Cell `i`: cellvars first, then the closure's free variables.
    #[inline]
    pub fn cell(&self, i: usize) -> &PyArc<Cell> {
        let own = self.cells.len();
        if i < own { &self.cells[i] } else { &self.func.closure[i - own] }
    }

    pub fn nlocals(&self) -> usize {
        self.func.code.nlocals()
    }

    /// Where the operand stack starts.
    #[inline]
    pub fn stack_base(&self) -> usize {
        self.base + self.func.code.nlocals()
    }

    /// The frame a fast-path call pushes: locals at `base`, the caller's
    /// stack cut back to `ret` on return, no cells or class namespace.
    #[inline]
    pub fn for_call(func: PyArc<Function>, base: usize, ret: usize, init_self: Option<Value>) -> Frame {
        Frame { func, pc: 0, base, ret, cells: Vec::new(), locals: None, kind: FrameKind::Call, init_self }
    }

    fn new(func: PyArc<Function>, base: usize, cells: Vec<PyArc<Cell>>, locals: Option<PyArc<PyDict>>) -> Frame {
        Frame { func, pc: 0, base, ret: base, cells, locals, kind: FrameKind::Call, init_self: None }
    }
}

impl Vm {
    /// A frame for module-level code, its locals on the stack.
    pub fn frame_for_code(&mut self, code: PyArc<Code>, globals: PyArc<PyDict>) -> Frame {
        let func = PyArc::new(Function::new(code, globals, Box::new([])));
        self.frame_for_body(func, None)
    }

    /// A frame running a function's code with no arguments, in `locals`
    /// for a class body. Its locals are pushed on the stack.
    pub fn frame_for_body(&mut self, func: PyArc<Function>, locals: Option<PyArc<PyDict>>) -> Frame {
        let code = &func.code;
        let base = self.stack.len();
        self.stack.resize(base + code.nlocals(), Value::Undef);
        let cells: Vec<PyArc<Cell>> = (0..code.cellvars.len()).map(|_| new_cell()).collect();
        Frame::new(func, base, cells, locals)
    }

    /// A frame for calling `func` with positional `args` (after `receiver`,
    /// if any) and keyword `kwargs`: binds the arguments into locals pushed
    /// on the stack. The frame must be pushed (or its values removed) next.
    pub fn frame_for_call(
        &mut self,
        func: &PyArc<Function>,
        receiver: Option<&Value>,
        args: &[Value],
        kwargs: &[(PyArc<PyStr>, Value)],
    ) -> PyResult<Frame> {
        let code = &func.code;
        let nlocals = code.nlocals();
        let base = self.stack.len();
        let npos = args.len() + receiver.is_some() as usize;
        let argcount = code.argcount as usize;
        let simple = kwargs.is_empty()
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && code.kwonlyargcount == 0
            && npos <= argcount
            && npos + func.defaults.len() >= argcount;
        if simple {
            self.stack.extend(receiver.cloned());
            self.stack.extend_from_slice(args);
            let missing = argcount - npos;
            if missing > 0 {
                let d = &func.defaults;
                self.stack.extend_from_slice(&d[d.len() - missing..]);
            }
            self.stack.resize(base + nlocals, Value::Undef);
        } else {
            self.stack.resize(base + nlocals, Value::Undef);
            if let Err(e) = bind_general(func, receiver, args, kwargs, &mut self.stack[base..]) {
                self.stack.truncate(base);
                return Err(e);
            }
        }
        let mut cells: Vec<PyArc<Cell>> = Vec::new();
        if !code.cellvars.is_empty() {
            cells.reserve(code.cellvars.len());
            for _ in 0..code.cellvars.len() {
                cells.push(new_cell());
            }
            for &(ci, pi) in &code.cell_params {
                let v = std::mem::take(&mut self.stack[base + pi as usize]);
                cells[ci as usize].set(v);
            }
        }
        Ok(Frame::new(func.clone(), base, cells, None))
    }
}

/// CPython's full argument binding, with its error messages.
fn bind_general(
    func: &Function,
    receiver: Option<&Value>,
    args: &[Value],
    kwargs: &[(PyArc<PyStr>, Value)],
    regs: &mut [Value],
) -> PyResult<()> {
    let code = &func.code;
    let name = func.qualname();
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & flags::VARARGS != 0;
    let has_varkw = code.flags & flags::VARKEYWORDS != 0;
    let positional: Vec<&Value> = receiver.into_iter().chain(args.iter()).collect();
    let n = positional.len();
    for (i, v) in positional.iter().take(argcount).enumerate() {
        regs[i] = (*v).clone();
    }
    let mut slot = argcount + kwonly;
    if has_varargs {
        let extra: Vec<Value> = positional.iter().skip(argcount).map(|v| (*v).clone()).collect();
        regs[slot] = Value::tuple(extra);
        slot += 1;
    } else if n > argcount {
        let kw_given = kwargs
            .iter()
            .filter(|(k, _)| code.varnames[argcount..argcount + kwonly].iter().any(|v| v.as_str() == k.as_str()))
            .count();
        return Err(too_many_positional(&name, argcount, func.defaults.len(), n, kw_given));
    }
    let kwdict = if has_varkw {
        let d = PyArc::new(PyDict::new());
        super::gc::track_dict(&d);
        regs[slot] = Value::Dict(d.clone());
        Some(d)
    } else {
        None
    };
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    for (k, v) in kwargs {
        let found = code.varnames[..argcount + kwonly].iter().position(|p| p.as_str() == k.as_str());
        match found {
            Some(i) if i >= posonly => {
                if !regs[i].is_undef() {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        name.as_str(),
                        k.as_str()
                    )));
                }
                regs[i] = v.clone();
            }
            _ => match &kwdict {
                Some(d) => d.set_str(k.clone(), v.clone()),
                None => {
                    if found.is_some() {
                        posonly_as_kw.push(k.as_str());
                        continue;
                    }
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        name.as_str(),
                        k.as_str()
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            name.as_str(),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for the positional parameters left empty.
    let first_default = argcount - func.defaults.len();
    let mut missing: Vec<String> = Vec::new();
    for (i, reg) in regs.iter_mut().enumerate().take(argcount).skip(n.min(argcount)) {
        if reg.is_undef() {
            if i >= first_default {
                *reg = func.defaults[i - first_default].clone();
            } else {
                missing.push(format!("'{}'", code.varnames[i].as_str()));
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(&name, "positional", &missing));
    }
    let mut missing_kw: Vec<String> = Vec::new();
    for (i, reg) in regs.iter_mut().enumerate().take(argcount + kwonly).skip(argcount) {
        if reg.is_undef() {
            let pname = &code.varnames[i];
            match func.kwdefaults.iter().find(|(k, _)| k.as_str() == pname.as_str()) {
                Some((_, v)) => *reg = v.clone(),
                None => missing_kw.push(format!("'{}'", pname.as_str())),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(missing_args(&name, "keyword-only", &missing_kw));
    }
    Ok(())
}

fn too_many_positional(name: &PyStr, argcount: usize, ndefaults: usize, given: usize, kw_given: usize) -> super::PyErr {
    let takes = if ndefaults > 0 {
        format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
    } else {
        format!("{argcount} positional argument{}", if argcount == 1 { "" } else { "s" })
    };
    let was = if given == 1 { "was" } else { "were" };
    let kw = if kw_given > 0 {
        format!(
            " positional argument{} (and {kw_given} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            if kw_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    type_error(format!("{}() takes {takes} but {given}{kw} {was} given", name.as_str()))
}

fn missing_args(name: &PyStr, kind: &str, names: &[String]) -> super::PyErr {
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    type_error(format!(
        "{}() missing {} required {kind} argument{}: {list}",
        name.as_str(),
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// A fresh closure cell, tracked by the cycle collector (a closure stored
/// in what it closes over is a cycle through the cell).
fn new_cell() -> PyArc<Cell> {
    let cell = PyArc::new(Cell::default());
    super::gc::track_cell(&cell);
    cell
}
