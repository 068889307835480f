//! Calls made by the evaluation loop: the fast path that turns a call of
//! a plain Python function into a new frame over arguments already on the
//! stack, the general path through `call_value`, and instantiation with a
//! Python `__init__` run as a frame.

use crate::runtime::pyarc::PyArc;

use smallvec::SmallVec;

use super::error::type_error;
use super::frame::{Frame, push_frame};
use super::{PyResult, Vm};
use crate::runtime::class::{Class, ClassFlags};
use crate::runtime::dict::PyDict;
use crate::runtime::function::{Cell, Function};
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;

/// Values popped for a call, kept on the Rust stack when few.
pub type ArgVec = SmallVec<[Value; 8]>;

/// Calls of Rust functions with up to this many arguments pass them in a
/// plain buffer on the Rust stack.
const SHORT_ARGS: usize = 4;

impl Vm {
    /// The fast path of a call: when the callable at `stack[slot]` is a
    /// plain Python function whose parameters are exactly the
    /// positional values above it (plus defaults), moves them straight into
    /// a new frame and pushes it. Returns false to take the general path.
    #[inline]
    pub(super) fn push_simple_call(&mut self, slot: usize) -> bool {
        let mut stack = std::mem::take(&mut self.stack);
        let pushed = self.push_call_frame(&mut stack, slot);
        self.stack = stack;
        pushed
    }

    /// [`Vm::push_simple_call`] on a value stack the evaluation loop holds
    /// in a local (it hands it back to `self` only around other work).
    #[inline]
    pub(super) fn push_call_frame(&mut self, stack: &mut Vec<Value>, slot: usize) -> bool {
        let depth = self.frames.len();
        let func = match &stack[slot] {
            Value::Function(func) => func,
            Value::Class(cls) => return self.push_simple_init(stack, slot, cls.clone()),
            _ => return false,
        };
        let code = &func.code;
        let nargs = stack.len() - slot - 1;
        let argcount = code.argcount as usize;
        if code.flags
            & (crate::bytecode::code::flags::VARARGS
                | crate::bytecode::code::flags::VARKEYWORDS
                | crate::bytecode::code::flags::GENERATOR)
            != 0
            || code.kwonlyargcount != 0
            || nargs > argcount
            || nargs + func.defaults.len() < argcount
            || !code.cellvars.is_empty()
            || depth + self.c_depth >= self.shared.recursion_limit.load(std::sync::atomic::Ordering::Relaxed)
        {
            return false;
        }
        // The function moves from its stack slot into the frame (no
        // refcounting) and the arguments, already in place above the slot,
        // become the first locals.
        let Value::Function(func) = std::mem::take(&mut stack[slot]) else { unreachable!("checked above") };
        if nargs < argcount {
            let d = &func.defaults;
            stack.extend_from_slice(&d[d.len() - (argcount - nargs)..]);
        }
        let base = slot + 1;
        let nlocals = func.code.nlocals();
        if stack.len() < base + nlocals {
            stack.resize(base + nlocals, Value::Undef);
        }
        push_frame(&mut self.frames, Frame::for_call(func, base, slot, None));
        true
    }

    /// The fast path of `Cls(args)` for a class with a plain Python
    /// `__init__`: the new instance takes the class's stack slot and
    /// becomes `self`, the arguments follow it.
    fn push_simple_init(&mut self, stack: &mut Vec<Value>, slot: usize, cls: PyArc<Class>) -> bool {
        let Some(init) = self.plain_init(&cls) else {
            return false;
        };
        let code = &init.code;
        let nargs = stack.len() - slot;
        let argcount = code.argcount as usize;
        if code.flags & (crate::bytecode::code::flags::VARARGS | crate::bytecode::code::flags::VARKEYWORDS) != 0
            || code.kwonlyargcount != 0
            || nargs > argcount
            || nargs + init.defaults.len() < argcount
            || !code.cellvars.is_empty()
            || self.depth() >= self.shared.recursion_limit.load(std::sync::atomic::Ordering::Relaxed)
        {
            return false;
        }
        let inst = Value::new_instance(crate::runtime::instance::Instance::new(cls));
        stack[slot] = inst.clone();
        if nargs < argcount {
            let d = &init.defaults;
            stack.extend_from_slice(&d[d.len() - (argcount - nargs)..]);
        }
        let nlocals = init.code.nlocals();
        if stack.len() < slot + nlocals {
            stack.resize(slot + nlocals, Value::Undef);
        }
        push_frame(&mut self.frames, Frame::for_call(init, slot, slot, Some(inst)));
        true
    }

    /// Pops the top `n` values, in order, without touching their counts.
    #[inline]
    fn take_args(&mut self, n: usize) -> ArgVec {
        let mut args = ArgVec::new();
        args.reserve_exact(n);
        let keep = self.stack.len() - n;
        // SAFETY: the top `n` values are moved bit for bit into `args`
        // (which has room for them) and the stack forgets them at once by
        // shrinking its length, so each is owned exactly once.
        unsafe {
            std::ptr::copy_nonoverlapping(self.stack.as_ptr().add(keep), args.as_mut_ptr(), n);
            args.set_len(n);
            self.stack.set_len(keep);
        }
        args
    }

    /// The fast path of a call of a Rust function or of a builtin type
    /// (`len(x)`, `parts.append(w)`, `str(n)`) with positional arguments:
    /// the arguments move (no reference counting) from the stack above
    /// `slot` into a small buffer, and the result replaces them and the
    /// callee. Returns None, touching nothing, for any other callee.
    #[inline]
    pub(super) fn call_native_at(&mut self, slot: usize) -> Option<PyResult<()>> {
        enum Native {
            Func(crate::runtime::function::NativeFn),
            Ctor(crate::runtime::class::NativeCtor, PyArc<Class>),
        }
        // A bound Rust method (`exit = lock.__exit__; exit(None, None,
        // None)`, as every `with` ends): unbind it on the stack.
        if let Value::BoundMethod(bm) = &self.stack[slot]
            && let Value::Builtin(_) = &bm.func
            && !matches!(&bm.receiver, Value::Instance(i) if i.base_value().is_some())
        {
            let (func, receiver) = (bm.func.clone(), bm.receiver.clone());
            self.stack[slot] = func;
            self.stack.insert(slot + 1, receiver);
        }
        let native = match &self.stack[slot] {
            Value::Builtin(b) => Native::Func(b.func),
            Value::Class(cls)
                if cls.builtin && cls.kind == crate::runtime::class::ClassKind::Builtin && cls.metaclass.is_none() =>
            {
                match cls.ctor {
                    Some(ctor) if !PyArc::ptr_eq(cls, &crate::runtime::types::types().type_type) => {
                        Native::Ctor(ctor, cls.clone())
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        let n = self.stack.len() - slot - 1;
        // `list.append(x)`, the most common method call of all: the value
        // moves into the list instead of being copied and released.
        if let Native::Func(f) = native
            && n == 2
            && std::ptr::fn_addr_eq(f, crate::runtime::list_methods::list_append as crate::runtime::function::NativeFn)
            && matches!(self.stack[slot + 1], Value::List(_))
        {
            let v = self.stack.pop().unwrap_or_default();
            let pushed = match &self.stack[slot + 1] {
                Value::List(l) => l.try_push(v),
                _ => Ok(()),
            };
            self.stack.truncate(slot);
            if let Err(e) = pushed {
                return Some(Err(e));
            }
            self.stack.push(Value::None);
            return Some(Ok(()));
        }
        // A Rust function may call back into Python: its call counts as a
        // level of recursion, as CPython's C functions do. A builtin type
        // called with positional arguments (`str(x)`, `tuple(x)`) does not,
        // as CPython's specialised calls of them do not.
        let call = |vm: &mut Vm, args: &[Value]| {
            let pos = crate::runtime::function::Args::new(args);
            match &native {
                Native::Func(f) => {
                    vm.enter(super::recursion::Recursing::Other)?;
                    let r = f(vm, &pos);
                    vm.leave();
                    r
                }
                Native::Ctor(ctor, cls) => ctor(vm, cls, &pos),
            }
        };
        // The callee stays alive (in its slot) for the duration of the call.
        let r = if n <= SHORT_ARGS {
            // The arguments move into a buffer on the Rust stack: cheaper
            // than any vector for the one, two or three arguments of most
            // calls.
            let mut buf: [std::mem::MaybeUninit<Value>; SHORT_ARGS] =
                [const { std::mem::MaybeUninit::uninit() }; SHORT_ARGS];
            let keep = self.stack.len() - n;
            // SAFETY: the top `n` values are moved bit for bit into the
            // buffer and the stack forgets them at once; the buffer's first
            // `n` slots are then initialised, viewed as a slice, and dropped
            // in place exactly once after the call.
            unsafe {
                std::ptr::copy_nonoverlapping(self.stack.as_ptr().add(keep), buf.as_mut_ptr().cast::<Value>(), n);
                self.stack.set_len(keep);
                let args = std::slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<Value>(), n);
                let r = call(self, args);
                std::ptr::drop_in_place(args);
                r
            }
        } else {
            let args = self.take_args(n);
            call(self, &args)
        };
        // As CPython after a builtin call: a signal that arrived during
        // the call (`os.kill` of this process, a wait) has its Python
        // handler run before the next statement.
        let r = match r {
            Ok(v) if self.shared.gil.signal_pending() => self.signals_after_call().map(|()| v),
            r => r,
        };
        Some(r.map(|v| {
            let callee = std::mem::replace(&mut self.stack[slot], v);
            callee.release();
        }))
    }

    /// Calls the callable below `argc` arguments on frame `fi`'s stack (the
    /// last `kwnames.len()` of them keywords). Pushes a frame for Python
    /// functions and returns true; otherwise pushes the result.
    pub(super) fn call_on_stack(&mut self, argc: usize, kwnames: Option<&[Value]>) -> PyResult<bool> {
        let args = self.take_args(argc);
        let callee = self.stack.pop().unwrap_or_default();
        let (pos, kw) = match kwnames {
            None => (&args[..], Vec::new()),
            Some(names) => {
                let npos = argc - names.len();
                let kw: Vec<(PyArc<PyStr>, Value)> = names
                    .iter()
                    .zip(&args[npos..])
                    .filter_map(|(n, v)| n.as_str().map(|n| (n.clone(), v.clone())))
                    .collect();
                (&args[..npos], kw)
            }
        };
        self.call_pushing(&callee, pos, &kw)
    }

    /// Calls `callee`, pushing a frame for a Python function (returns true)
    /// or pushing the result on the current frame (returns false).
    pub(super) fn call_pushing(
        &mut self,
        callee: &Value,
        args: &[Value],
        kw: &[(PyArc<PyStr>, Value)],
    ) -> PyResult<bool> {
        let (func, receiver, init_self): (&PyArc<Function>, Option<&Value>, Option<Value>) = match callee {
            Value::Function(func) if !func.code.is_generator() => (func, None, None),
            Value::BoundMethod(bm) => match &bm.func {
                Value::Function(func) if !func.code.is_generator() => (func, Some(&bm.receiver), None),
                _ => return self.call_and_push(callee, args, kw),
            },
            Value::Class(cls) => match self.plain_init(cls) {
                Some(init) => {
                    let inst = crate::runtime::instance::Instance::new(cls.clone());
                    let inst = Value::new_instance(inst);
                    return self.push_init_frame(&init, inst, args, kw);
                }
                None => return self.call_and_push(callee, args, kw),
            },
            _ => return self.call_and_push(callee, args, kw),
        };
        if self.depth() >= self.recursion_limit() {
            return Err(super::error::recursion_error());
        }
        let mut frame = self.frame_for_call(func, receiver, args, kw)?;
        frame.init_self = init_self;
        self.frames.push(frame);
        Ok(true)
    }

    fn push_init_frame(
        &mut self,
        init: &PyArc<Function>,
        inst: Value,
        args: &[Value],
        kw: &[(PyArc<PyStr>, Value)],
    ) -> PyResult<bool> {
        if self.depth() >= self.recursion_limit() {
            return Err(super::error::recursion_error());
        }
        let mut frame = self.frame_for_call(init, Some(&inst), args, kw)?;
        frame.init_self = Some(inst);
        self.frames.push(frame);
        Ok(true)
    }

    fn call_and_push(&mut self, callee: &Value, args: &[Value], kw: &[(PyArc<PyStr>, Value)]) -> PyResult<bool> {
        let r = self.call_value(callee, args, kw)?;
        self.stack.push(r);
        Ok(false)
    }

    /// The Python `__init__` of a class that needs nothing else to build an
    /// instance (no `__new__`, plain instances), for the fast path.
    pub(crate) fn plain_init(&self, cls: &PyArc<Class>) -> Option<PyArc<Function>> {
        if cls.builtin || cls.kind != crate::runtime::class::ClassKind::Object || cls.metaclass.is_some() {
            return None;
        }
        if cls.has_flag(ClassFlags::NEW) {
            return None;
        }
        match cls.lookup_init() {
            Some(Value::Function(f)) if !f.code.is_generator() => Some(f),
            _ => None,
        }
    }
}

pub(super) fn add_all(vm: &mut Vm, set: &crate::runtime::set::PySet, items: Vec<Value>) -> PyResult<()> {
    for it in items {
        set.add(vm, it)?;
    }
    Ok(())
}

/// Fills a dict from a flat key, value, key, value... list.
pub(super) fn set_pairs(vm: &mut Vm, d: &PyDict, items: Vec<Value>) -> PyResult<()> {
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        d.set(vm, k, v)?;
    }
    Ok(())
}

/// Builds a function object from `MakeFunction`'s operands.
pub(super) fn make_function(
    code: PyArc<crate::bytecode::Code>,
    globals: PyArc<PyDict>,
    defaults: Value,
    kwdefaults: Value,
    closure: Value,
) -> Function {
    let mut f = Function::new(code, globals, Box::new([]));
    let defaults = match defaults {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    let kwdefaults = match kwdefaults {
        Value::Dict(d) => d
            .items()
            .into_iter()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s, v)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let closure: Box<[PyArc<Cell>]> = match closure {
        Value::Tuple(t) => t
            .items
            .iter()
            .filter_map(|c| match c {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            })
            .collect(),
        _ => Box::new([]),
    };
    f.defaults = defaults;
    f.kwdefaults = kwdefaults;
    f.closure = closure;
    f
}

/// `**kwargs` as the keyword list calls take.
pub(crate) fn kwargs_from_dict(d: &PyDict) -> PyResult<Vec<(PyArc<PyStr>, Value)>> {
    d.items()
        .into_iter()
        .map(|(k, v)| match k {
            Value::Str(s) => Ok((s, v)),
            _ => Err(type_error("keywords must be strings")),
        })
        .collect()
}
