//! Code objects: the compiled form of a module, class body or function.

use crate::runtime::pyarc::{PyArc, PyWeak};
use std::sync::Arc;

use super::op::Op;
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;
use crate::syntax::{LineIndex, Span};

/// A source file as the compiler saw it, kept for tracebacks.
pub struct Source {
    pub filename: String,
    pub text: String,
    pub lines: LineIndex,
    /// Frames running this code are left out of tracebacks: the frozen
    /// modules CPython implements in C (`warnings`, `itertools`...),
    /// whose functions have no Python frame there.
    pub hidden: bool,
}

impl Source {
    pub fn new(filename: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Source { filename: filename.into(), text, lines, hidden: false }
    }

    pub fn line_of(&self, offset: u32) -> usize {
        self.lines.line(offset)
    }

    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_text(&self.text, line)
    }
}

pub mod flags {
    pub const GENERATOR: u32 = 1;
    pub const VARARGS: u32 = 2;
    pub const VARKEYWORDS: u32 = 4;
    /// Module-level code: names resolve in the module dict.
    pub const MODULE: u32 = 8;
    /// A class body: names resolve in the class namespace.
    pub const CLASS_BODY: u32 = 16;
    /// An `async def` (always with GENERATOR): calling it makes a coroutine.
    pub const COROUTINE: u32 = 32;
    /// An `async def` with `yield`, or a generator expression that awaits
    /// (with GENERATOR, never COROUTINE): calling it makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 64;
}

/// A remembered `LoadGlobal`: where the name was found, the globals dict
/// and the write counters of it and of builtins when it was found, and
/// for a builtin its value. A global's value is never owned here (it
/// would outlive `del x` in the cache); it is read at `index`, or, while
/// the globals are unchanged and objects need no locks, through
/// `borrowed`.
#[derive(Default)]
pub struct GlobalCache {
    pub globals: usize,
    /// Keeps the globals dict's allocation (not the dict) alive, so no
    /// other dict can take the address `globals` remembers.
    pub globals_ref: PyWeak<crate::runtime::dict::PyDict>,
    pub globals_version: u64,
    pub builtins_version: u64,
    /// The builtin found; `Undef` while nothing is cached and for a name
    /// found in globals.
    pub value: Value,
    /// The name was found in globals, at this entry: when other globals
    /// change (module-level loops store globals all the time) the value
    /// is read again from there without a lookup.
    pub in_globals: bool,
    pub index: u32,
    /// For a builtin: the globals' key-set version (`PyDict::version`)
    /// when the name was missing from them. While it holds, the name is
    /// still missing however the values of other globals change.
    pub globals_keys: u64,
    /// For a global: a copy of the value at `index` that owns no reference,
    /// taken when the globals' write counter was `globals_version`. While
    /// the counter is unchanged the dict still holds that value, so it is
    /// alive and may be cloned (see `GlobalCache::global`).
    pub borrowed: std::mem::ManuallyDrop<Value>,
}

impl GlobalCache {
    /// Remembers `v`, the value the globals held at `index` when their
    /// write counter was `version`, without taking a reference to it.
    #[inline]
    pub fn borrow_global(&mut self, v: &Value, version: u64) {
        // SAFETY: a bit copy that is never dropped: it owns nothing, and is
        // only read by `global` while the dict still holds the original.
        self.borrowed = std::mem::ManuallyDrop::new(unsafe { std::ptr::read(v) });
        self.globals_version = version;
    }

    /// The global remembered by `borrow_global`, if the globals (at
    /// address `globals`, whose allocation `globals_ref` pins) are
    /// unchanged since (`mutations` is their write counter now) and no
    /// other thread can change them meanwhile (objects are not locked:
    /// with the GIL, this thread runs no other code until the clone is
    /// made).
    #[inline(always)]
    pub fn global(&self, globals: usize, mutations: u64) -> Option<Value> {
        if self.in_globals
            && self.globals == globals
            && self.globals_version == mutations
            && !self.borrowed.is_undef()
            && !crate::runtime::sync::locking_enabled()
        {
            // SAFETY: the dict at `globals` is the one the value was read
            // from (its allocation cannot have been reused while
            // `globals_ref` pins it), no write happened to it since, so it
            // still holds the value and keeps it alive; with locking off
            // nobody can write to it during this clone.
            Some((*self.borrowed).clone())
        } else {
            None
        }
    }
}

/// A remembered `LoadMethod` lookup: what the class (and its MRO) held
/// under the name at a class epoch. The class is known by its `uid()`, so
/// the cache holds no reference to it (no cycle, no count to update) and
/// cannot mistake a later class for it.
#[derive(Default)]
pub struct MethodCache {
    /// The class's `uid()`, compared on every use (0: empty).
    pub class_uid: u64,
    pub epoch: u64,
    /// `Undef` when the lookup found nothing.
    pub value: Value,
    /// The value is a data descriptor (a property...), which takes
    /// precedence over the instance dict.
    pub data_descriptor: bool,
    /// Where the name was last found in an instance dict.
    pub hint: u32,
}

/// A `LoadGlobal` site: its cache, and (without the GIL) the answer
/// published for lock-free reading: `[globals address, globals write
/// counter, builtins write counter, value tag, value payload]`.
#[derive(Default)]
pub struct GlobalSite {
    pub cache: crate::runtime::sync::PyLock<GlobalCache>,
    pub shared: super::snapshot::Snapshot<5>,
}

/// An attribute site (`LoadAttr`, `LoadMethod`, `StoreAttr` and their
/// fused forms): its cache, and (without the GIL) the answer published for
/// lock-free reading: `[class uid, class epoch, value tag, value payload,
/// data_descriptor | hint << 1]`.
#[derive(Default)]
pub struct MethodSite {
    pub cache: crate::runtime::sync::PyLock<MethodCache>,
    pub shared: super::snapshot::Snapshot<5>,
}

pub struct Code {
    pub name: PyArc<PyStr>,
    pub qualname: PyArc<PyStr>,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Fast locals; parameters first: positional, keyword-only, *args, **kwargs.
    pub varnames: Vec<PyArc<PyStr>>,
    /// Locals captured by inner functions.
    pub cellvars: Vec<PyArc<PyStr>>,
    /// Variables of enclosing functions this code uses.
    pub freevars: Vec<PyArc<PyStr>>,
    /// Parameters that are also cells: (cell index, parameter index).
    pub cell_params: Vec<(u32, u32)>,
    /// Names of globals and attributes.
    pub names: Vec<PyArc<PyStr>>,
    pub consts: Vec<Value>,
    pub ops: Vec<Op>,
    /// The source span of each instruction.
    pub spans: Vec<Span>,
    /// Where an exception raised at each instruction is handled.
    pub exception_table: super::exception_table::ExceptionTable,
    pub source: Arc<Source>,
    pub first_line: u32,
    /// Deepest the value stack gets, to size frames.
    pub max_stack: u32,
    pub doc: Value,
    /// One cache per entry of `names`, for `LoadGlobal`.
    pub global_cache: Box<[GlobalSite]>,
    /// One cache per entry of `names`, for `LoadMethod`.
    pub method_cache: Box<[MethodSite]>,
}

impl Code {
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    /// Number of fast local slots.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The line of instruction `pc`.
    pub fn line_at(&self, pc: usize) -> usize {
        let span = self.spans.get(pc).or(self.spans.last()).copied().unwrap_or_default();
        self.source.line_of(span.start)
    }

    /// The handler of an exception raised in a frame of this code whose
    /// `pc` has moved past the faulting instruction; none before the first
    /// instruction has run (a generator thrown into before it started).
    #[inline]
    pub fn handler_for(&self, pc: usize) -> Option<&super::exception_table::Handler> {
        pc.checked_sub(1).and_then(|at| self.exception_table.lookup(at))
    }

    pub fn span_at(&self, pc: usize) -> Span {
        self.spans.get(pc).or(self.spans.last()).copied().unwrap_or_default()
    }

    /// The name of cell `i` (cellvars then freevars).
    pub fn cell_name(&self, i: usize) -> &PyArc<PyStr> {
        if i < self.cellvars.len() { &self.cellvars[i] } else { &self.freevars[i - self.cellvars.len()] }
    }
}
