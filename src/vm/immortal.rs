//! Immortal objects: what every thread touches, made free to share when
//! a second thread starts without the GIL.
//!
//! Why: without the GIL, reference counts are atomic, and an object that
//! two threads clone and drop all the time — the function both call, its
//! code, the class of the objects both make, the names their code stores
//! attributes under — bounces its count's cache line between the cores on
//! every use. Two threads each calling a small global function in a loop
//! ran five times slower than one thread doing both jobs. CPython's
//! free-threaded build meets the same problem with deferred and biased
//! reference counting; pyl makes these objects immortal instead (as
//! CPython 3.12 does for its static objects): the count carries
//! `pyarc::IMMORTAL`, clones and drops only read it, and the object is
//! never freed.
//!
//! Which: at the moment the program turns no-GIL multi-threaded (the
//! first `Thread.start()` of a `--no-gil` run), everything reachable from
//! the loaded modules' globals and the builtins through module-level
//! functions and classes: the functions, their code objects with their
//! names and constants, the classes and what their namespaces hold of the
//! same kinds, builtin functions, modules, and the names (keys) of those
//! namespaces. These live until the program ends anyway; what is made
//! later (closures, local classes) is counted as usual. The cost: such an
//! object is not freed if the program drops it later (a module-level
//! function deleted, a class replaced), and at exit the values its
//! defaults or class attributes hold are not dropped (no `__del__` for
//! them). Only the `pyl` command does this (a process whose counts were
//! plain until then), never a library host, whose interpreters come and
//! go.

use std::collections::HashSet;

use super::Shared;
use crate::runtime::pyarc::make_immortal_raw;
use crate::runtime::value::Value;
use crate::runtime::value_words::Words;

/// Makes the shared objects described above immortal. Call while the
/// calling thread is the only one running Python code, with atomic
/// counts on.
pub(crate) fn immortalize_shared(shared: &Shared) {
    let mut todo: Vec<Value> = Vec::new();
    for module in shared.modules.values() {
        todo.push(module);
    }
    push_namespace(&mut todo, &shared.builtins);
    let mut seen: HashSet<usize> = HashSet::new();
    // A work list, not recursion: the walk follows classes' bases and
    // code objects' nested code, whose depth the program decides.
    while let Some(v) = todo.pop() {
        // SAFETY: `v` is live.
        let w = unsafe { Words::read(&v) };
        if !w.is_arc() {
            continue;
        }
        let ptr = w.payload_ptr();
        if !seen.insert(ptr as usize) {
            continue;
        }
        let keep = match &v {
            Value::Module(m) => {
                push_namespace(&mut todo, &m.dict);
                true
            }
            Value::Function(f) => {
                todo.push(Value::Code(f.code.clone()));
                true
            }
            Value::Code(c) => {
                todo.extend(c.names.iter().chain(&c.varnames).map(|n| Value::Str(n.clone())));
                todo.extend(c.consts.iter().cloned());
                true
            }
            Value::Class(c) => {
                push_namespace(&mut todo, &c.dict);
                todo.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
                true
            }
            Value::Tuple(t) => {
                // Only a code object's constant tuples get here.
                todo.extend(t.items.iter().cloned());
                true
            }
            Value::StaticMethod(m) | Value::ClassMethod(m) => {
                todo.push(m.func.clone());
                true
            }
            Value::Property(p) => {
                todo.extend([p.fget.clone(), p.fset.clone(), p.fdel.clone()]);
                true
            }
            Value::Str(_) | Value::Builtin(_) | Value::BigInt(_) => true,
            _ => false,
        };
        if keep {
            // SAFETY: `ptr` is the pointer inside `v`'s live `PyArc`; the
            // caller turned atomic counts on.
            unsafe { make_immortal_raw(ptr) };
        }
    }
}

/// The names and the values of a module's or a class's namespace that the
/// walk follows: tuples there are data, not constants, and are left alone.
fn push_namespace(todo: &mut Vec<Value>, dict: &crate::runtime::dict::PyDict) {
    for (k, v) in dict.items() {
        todo.push(k);
        if !matches!(v, Value::Tuple(_)) {
            todo.push(v);
        }
    }
}
