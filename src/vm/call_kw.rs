//! The fast path of a call with keyword arguments (`f(i, c=3)`) of a plain
//! Python function: the keyword values move from the stack straight into
//! their parameters' slots of the new frame, the missing parameters take
//! their defaults, and no vector of (name, value) pairs is built.
//!
//! It handles only calls that bind without error and need no `*args`,
//! `**kwargs` or cells; everything else (including every call that must
//! raise a TypeError) takes the general path through `bind_general`, which
//! owns CPython's binding rules and messages. The checks all run before
//! anything is moved, so a refusal leaves the stack as it was.

use crate::runtime::pyarc::PyArc;
use std::mem::MaybeUninit;
use std::sync::atomic::Ordering;

use super::Vm;
use super::frame::{Frame, push_frame};
use crate::bytecode::code::flags;
use crate::runtime::value::Value;

/// Keyword arguments per call the fast path takes (more go the general
/// way): their target slots are kept in a fixed array.
const MAX_KW: usize = 8;

/// Parameters the fast path takes: which ones are bound is one `u64` mask.
const MAX_PARAMS: usize = 64;

impl Vm {
    /// With the callee at `stack[slot]`, then the positional and keyword
    /// values, whose names are `names`: pushes the callee's frame and
    /// returns true, or returns false touching nothing.
    pub(super) fn push_kw_call_frame(&mut self, stack: &mut Vec<Value>, slot: usize, names: &[Value]) -> bool {
        let Value::Function(func) = &stack[slot] else { return false };
        let code = &func.code;
        let nkw = names.len();
        let npos = stack.len() - slot - 1 - nkw;
        let argcount = code.argcount as usize;
        let nparams = argcount + code.kwonlyargcount as usize;
        if code.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) != 0
            || !code.cellvars.is_empty()
            || npos > argcount
            || nkw > MAX_KW
            || nparams > MAX_PARAMS
            || self.frames.len() + self.c_depth >= self.shared.recursion_limit.load(Ordering::Relaxed)
        {
            return false;
        }
        // Where each keyword goes; a name that is unknown, positional-only
        // or given twice is an error for the general path to report.
        let mut target = [0u8; MAX_KW];
        let mut bound: u64 = if npos == 64 { u64::MAX } else { (1u64 << npos) - 1 };
        let posonly = code.posonlyargcount as usize;
        for (k, name) in names.iter().enumerate() {
            let Value::Str(name) = name else { return false };
            let Some(i) = code.varnames[posonly..nparams]
                .iter()
                .position(|p| PyArc::ptr_eq(p, name) || p.as_str() == name.as_str())
                .map(|i| i + posonly)
            else {
                return false;
            };
            if bound & (1 << i) != 0 {
                return false;
            }
            bound |= 1 << i;
            target[k] = i as u8;
        }
        // Every parameter left must have a default.
        let first_default = argcount - func.defaults.len().min(argcount);
        let mut missing = unbound(bound, nparams);
        while missing != 0 {
            let i = missing.trailing_zeros() as usize;
            missing &= missing - 1;
            let has_default = if i < argcount {
                i >= first_default
            } else {
                func.kwdefaults.iter().any(|(k, _)| k.as_str() == code.varnames[i].as_str())
            };
            if !has_default {
                return false;
            }
        }
        // Bind: nothing below can fail.
        let Value::Function(func) = std::mem::take(&mut stack[slot]) else { unreachable!("checked above") };
        let base = slot + 1;
        let nlocals = func.code.nlocals();
        let mut kw: [MaybeUninit<Value>; MAX_KW] = [const { MaybeUninit::uninit() }; MAX_KW];
        // SAFETY: the `nkw` keyword values on top of the stack move bit for
        // bit into `kw` and the stack forgets them at once; each is then
        // moved (read) exactly once into its parameter's slot, which holds
        // `Undef` after the resize (no drop is owed for it).
        unsafe {
            let from = base + npos;
            std::ptr::copy_nonoverlapping(stack.as_ptr().add(from), kw.as_mut_ptr().cast::<Value>(), nkw);
            stack.set_len(from);
            stack.resize(base + nlocals, Value::Undef);
            let locals = stack.as_mut_ptr().add(base);
            for k in 0..nkw {
                std::ptr::write(locals.add(target[k] as usize), kw[k].assume_init_read());
            }
        }
        let mut missing = unbound(bound, nparams);
        while missing != 0 {
            let i = missing.trailing_zeros() as usize;
            missing &= missing - 1;
            stack[base + i] = if i < argcount {
                func.defaults[i - first_default].clone()
            } else {
                let name = func.code.varnames[i].as_str();
                func.kwdefaults.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v.clone()).unwrap_or_default()
            };
        }
        push_frame(&mut self.frames, Frame::for_call(func, base, slot, None));
        true
    }
}

/// The parameters among the first `nparams` that `bound` leaves unset.
fn unbound(bound: u64, nparams: usize) -> u64 {
    if nparams == 0 { 0 } else { !bound & (u64::MAX >> (64 - nparams)) }
}
