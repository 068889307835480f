//! The compiler: a checked AST in, a tree of `Code` objects out.
//!
//! `scope` resolves every name first; then `stmt` and `expr` walk the tree
//! emitting bytecode into one `Unit` per scope being compiled. Each
//! instruction records the span of the expression it came from, which the
//! VM turns into traceback lines. Anything still wrong at this stage
//! (`break` outside a loop, a misplaced starred expression) is reported as
//! a `SyntaxError` with CPython's message.

mod async_loop;
mod define;
mod expr;
mod handlers;
mod pattern;
pub mod scope;
mod scope_async;
mod stmt;

use crate::runtime::pyarc::PyArc;
use std::collections::HashMap;
use std::sync::Arc;

use crate::bytecode::code::flags;
use crate::bytecode::{Code, Op, Source};
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;
use crate::syntax::SyntaxError;
use crate::syntax::ast::{Const, ExprKind, Stmt, StmtKind};
use crate::syntax::span::Span;
use scope::{ScopeKind, Storage, SymbolTable};

/// How expression statements at the top level behave.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A script: values of expression statements are discarded.
    Exec,
    /// The REPL: values of expression statements are echoed.
    Interactive,
    /// `exec()` of a string: as `Exec`, but the top level's names go
    /// through the frame's locals mapping (CPython's `*_NAME` opcodes), so
    /// the code sees and binds the mapping `exec` was given.
    Dynamic,
    /// `eval()`: one expression, whose value the code returns; names as
    /// in `Dynamic`.
    Eval,
}

/// Compiles a parsed module.
pub fn compile_module(module: &[Stmt], source: Arc<Source>, mode: Mode) -> Result<PyArc<Code>, SyntaxError> {
    let table = SymbolTable::build(module)?;
    let mut c = Compiler { table, source, units: Vec::new(), interned: HashMap::new(), mode };
    c.push_unit(0, "<module>".into(), "<module>".into(), Span::default());
    c.unit().flags |= flags::MODULE;
    if mode == Mode::Eval {
        let e = eval_expression(module, &c.source.text)?;
        c.expr(e)?;
        c.emit(Op::ReturnValue);
        return Ok(c.pop_unit());
    }
    c.docstring(module);
    let doc = c.unit().doc.clone();
    if !doc.is_none() {
        c.load_const(doc);
        c.store_name("__doc__");
    }
    c.setup_annotations(module);
    c.stmts(module)?;
    c.load_const(Value::None);
    c.emit(Op::ReturnValue);
    Ok(c.pop_unit())
}

/// The expression `eval` evaluates: its source must parse as exactly one
/// expression statement, with nothing after it but blanks and comments (the
/// module grammar also accepts a statement separator: `eval("1;")` is
/// CPython's SyntaxError).
fn eval_expression<'m>(module: &'m [Stmt], text: &str) -> Result<&'m crate::syntax::ast::Expr, SyntaxError> {
    match module {
        [Stmt { kind: StmtKind::Expr(e), .. }] => {
            let end = e.span.end as usize;
            match text.get(end..).and_then(|rest| rest.find(';')) {
                Some(at) if !text[end..end + at].contains('#') => {
                    let at = end + at;
                    Err(SyntaxError::new("invalid syntax", Span::new(at, at + 1)))
                }
                _ => Ok(e),
            }
        }
        [] => Err(SyntaxError::new("invalid syntax", Span::default())),
        [first, ..] => Err(SyntaxError::new("invalid syntax", first.span)),
    }
}

/// Parses and compiles source text in one step.
pub fn compile_source(text: &str, filename: &str, mode: Mode) -> Result<PyArc<Code>, SyntaxError> {
    compile_library(text, filename, mode, false)
}

/// As [`compile_source`], for a module whose frames tracebacks leave out
/// when `hidden` (see `Source::hidden`).
pub fn compile_library(text: &str, filename: &str, mode: Mode, hidden: bool) -> Result<PyArc<Code>, SyntaxError> {
    let module = crate::syntax::parse_module(text)?;
    let mut source = Source::new(filename, text);
    source.hidden = hidden;
    compile_module(&module, Arc::new(source), mode)
}

/// The constants `add_const` shares: equal type and value (a float by
/// its bits, so 0.0 and -0.0 stay apart).
#[derive(PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
}

impl ConstKey {
    fn of(v: &Value) -> Option<ConstKey> {
        Some(match v {
            Value::None => ConstKey::None,
            Value::Bool(b) => ConstKey::Bool(*b),
            Value::Int(i) => ConstKey::Int(*i),
            Value::Float(f) => ConstKey::Float(f.to_bits()),
            Value::Str(s) => ConstKey::Str(s.as_str().to_string()),
            _ => return None,
        })
    }
}

/// What a `break`/`continue`/`return` must undo on its way out.
enum FBlock<'a> {
    While {
        start: usize,
        breaks: Vec<usize>,
    },
    For {
        start: usize,
        breaks: Vec<usize>,
    },
    /// A `try` body, covered by its `except` handler.
    TryExcept,
    /// A `try` body whose `finally` must run on the way out.
    TryFinally(&'a [Stmt]),
    /// The exceptional copy of a `finally` body: (prev exc) on the stack.
    FinallyEnd,
    /// An `except` body: (prev exc) on the stack, maybe a named target.
    Handler(Option<&'a str>),
    /// A `with` body: exit on the stack, covered by its handler; `true`
    /// for `async with`, whose exit call is awaited.
    With(bool),
    /// A `finally` body inlined on a `return`'s way out: the value to
    /// return on the stack.
    PopValue,
}

struct Unit<'a> {
    scope: usize,
    name: String,
    qualname: String,
    ops: Vec<Op>,
    spans: Vec<Span>,
    consts: Vec<Value>,
    names: Vec<PyArc<PyStr>>,
    name_index: HashMap<String, u32>,
    varnames: Vec<PyArc<PyStr>>,
    /// Slot of each name in `varnames`, `cells` and `consts`: lookups by
    /// hashing, so a function with many locals compiles in linear time.
    varname_index: HashMap<String, u32>,
    cells: Vec<String>,
    cell_index: HashMap<String, u32>,
    ncellvars: usize,
    const_index: HashMap<ConstKey, u32>,
    fblocks: Vec<FBlock<'a>>,
    /// The handlers made so far, the one active now, and the one active
    /// at each instruction (`handlers.rs`).
    handlers: Vec<handlers::HandlerInfo>,
    handler: Option<u32>,
    cover: Vec<Option<u32>>,
    span: Span,
    flags: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    doc: Value,
    first_line: u32,
    /// The last position handed out as a possible jump target.
    label: usize,
}

struct Compiler<'a> {
    table: SymbolTable,
    source: Arc<Source>,
    units: Vec<Unit<'a>>,
    interned: HashMap<String, PyArc<PyStr>>,
    mode: Mode,
}

fn error(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn kind(&self) -> ScopeKind {
        let u = self.units.last().expect("a unit is being compiled");
        self.table.scopes[u.scope].kind
    }

    /// Whether the unit being compiled reads and binds its implicit
    /// globals through the frame's locals mapping: a class body, and the
    /// top level of code run by `exec`/`eval`.
    fn names_via_locals(&self) -> bool {
        match self.kind() {
            ScopeKind::Class => true,
            ScopeKind::Module => matches!(self.mode, Mode::Dynamic | Mode::Eval),
            _ => false,
        }
    }

    fn intern(&mut self, s: &str) -> PyArc<PyStr> {
        if let Some(v) = self.interned.get(s) {
            return v.clone();
        }
        let v = PyArc::new(PyStr::new(s.to_string()));
        self.interned.insert(s.to_string(), v.clone());
        v
    }

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, span: Span) {
        let sc = &self.table.scopes[scope];
        let varnames: Vec<String> = sc.varnames.clone();
        let mut cells: Vec<String> = sc.cellvars.clone();
        let ncellvars = cells.len();
        if sc.needs_class_cell {
            cells.push("__class__".into());
        }
        let ncellvars = if sc.needs_class_cell { ncellvars + 1 } else { ncellvars };
        cells.extend(sc.freevars.iter().cloned());
        let mut flags = 0;
        // A comprehension that awaits is a coroutine: it runs on the
        // generator machinery like an `async def`.
        if sc.is_generator || sc.is_coroutine {
            flags |= flags::GENERATOR;
        }
        if sc.is_coroutine && sc.has_yield {
            flags |= flags::ASYNC_GENERATOR;
        } else if sc.is_coroutine {
            flags |= flags::COROUTINE;
        }
        if sc.kind == ScopeKind::Class {
            flags |= flags::CLASS_BODY;
        }
        let varname_index = varnames.iter().enumerate().map(|(i, v)| (v.clone(), i as u32)).collect();
        let varnames = varnames.iter().map(|v| self.intern(v)).collect();
        // The first of equal names wins, as a linear search would find.
        let mut cell_index = HashMap::new();
        for (i, c) in cells.iter().enumerate() {
            cell_index.entry(c.clone()).or_insert(i as u32);
        }
        let first_line = self.source.line_of(span.start) as u32;
        self.units.push(Unit {
            scope,
            name,
            qualname,
            ops: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            varname_index,
            cells,
            cell_index,
            ncellvars,
            const_index: HashMap::new(),
            fblocks: Vec::new(),
            handlers: Vec::new(),
            handler: None,
            cover: Vec::new(),
            span,
            flags,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            doc: Value::None,
            first_line,
            label: usize::MAX,
        });
    }

    fn pop_unit(&mut self) -> PyArc<Code> {
        let mut u = self.units.pop().expect("a unit is being compiled");
        thread_jumps(&mut u.ops);
        let intern = |c: &mut Self, s: &String| c.intern(s);
        let cellvars: Vec<PyArc<PyStr>> = u.cells[..u.ncellvars].iter().map(|s| intern(self, s)).collect();
        let freevars: Vec<PyArc<PyStr>> = u.cells[u.ncellvars..].iter().map(|s| intern(self, s)).collect();
        let cell_params = cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, name)| {
                let params = (u.argcount + u.kwonlyargcount) as usize
                    + (u.flags & flags::VARARGS != 0) as usize
                    + (u.flags & flags::VARKEYWORDS != 0) as usize;
                u.varnames[..params.min(u.varnames.len())]
                    .iter()
                    .position(|v| v == name)
                    .map(|pi| (ci as u32, pi as u32))
            })
            .collect();
        let max_stack = estimate_stack(&u.ops);
        let exception_table = handlers::exception_table(&u.cover, &u.handlers);
        PyArc::new(Code {
            name: self.intern(&u.name),
            qualname: self.intern(&u.qualname),
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            varnames: u.varnames,
            cellvars,
            freevars,
            cell_params,
            names: u.names.clone(),
            consts: u.consts,
            ops: u.ops,
            spans: u.spans,
            exception_table,
            source: self.source.clone(),
            first_line: u.first_line,
            max_stack,
            doc: u.doc,
            global_cache: (0..u.names.len()).map(|_| Default::default()).collect(),
            method_cache: (0..u.names.len()).map(|_| Default::default()).collect(),
        })
    }

    /// Emits an instruction at the current span; returns its index.
    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        match fuse(u, op) {
            Some(Fused::One(fused)) => {
                let at = u.ops.len() - 1;
                u.ops[at] = fused;
                // The span of the half that can raise: a constant cannot.
                if !matches!(fused, Op::LoadFastConst(..)) {
                    u.spans[at] = u.span;
                }
                return at;
            }
            Some(Fused::Split(first, second)) => {
                // The last instruction kept the span of its load half, which
                // is the one a `LoadFastConst` raises with.
                let at = u.ops.len() - 1;
                let span = if matches!(second, Op::LoadFastConst(..)) { u.spans[at] } else { u.span };
                u.ops[at] = first;
                u.ops.push(second);
                u.spans.push(span);
                u.cover.push(u.handler);
                return at + 1;
            }
            None => {}
        }
        u.ops.push(op);
        u.spans.push(u.span);
        u.cover.push(u.handler);
        u.ops.len() - 1
    }

    fn here(&mut self) -> usize {
        let u = self.unit();
        // This position may become a jump target: the next instruction must
        // stay an instruction of its own.
        u.label = u.ops.len();
        u.label
    }

    /// Points the jump at `at` to the current position.
    fn patch_here(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch(at, target);
    }

    fn patch(&mut self, at: usize, target: u32) {
        let u = self.unit();
        if target as usize == u.ops.len() {
            u.label = u.ops.len();
        }
        u.ops[at] = u.ops[at].with_target(target);
    }

    /// Runs `f` with the current span set to `span`.
    fn at<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.unit().span, span);
        let r = f(self);
        self.unit().span = saved;
        r
    }

    fn add_const(&mut self, v: Value) -> u32 {
        let u = self.unit();
        // Reuse equal simple constants (same type and value).
        let key = ConstKey::of(&v);
        if let Some(i) = key.as_ref().and_then(|k| u.const_index.get(k)) {
            return *i;
        }
        u.consts.push(v);
        let i = (u.consts.len() - 1) as u32;
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Op::LoadConst(i));
    }

    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::True => Value::Bool(true),
            Const::False => Value::Bool(false),
            Const::Ellipsis => Value::Ellipsis,
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(b) => Value::from_bigint(b.clone()),
            Const::Float(f) => Value::Float(*f),
            Const::Imag(f) => crate::runtime::complex::new_complex(0.0, *f),
            Const::Str(s) => Value::Str(self.intern(s)),
            Const::Bytes(b) => Value::Bytes(PyArc::new(crate::runtime::str::PyBytes::new(b.clone()))),
        }
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit().name_index.get(name) {
            return i;
        }
        let s = self.intern(name);
        let u = self.unit();
        u.names.push(s);
        let i = (u.names.len() - 1) as u32;
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.varname_index.get(name) {
            return i;
        }
        u.varnames.push(PyArc::new(PyStr::new(name.to_string())));
        let i = (u.varnames.len() - 1) as u32;
        u.varname_index.insert(name.to_string(), i);
        i
    }

    fn cell_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        u.cell_index.get(name).copied().unwrap_or(0)
    }

    fn storage(&mut self, name: &str) -> Storage {
        let scope = self.unit().scope;
        let s = self.table.scopes[scope].lookup(name);
        if name == "__class__" && self.table.scopes[scope].kind == ScopeKind::Class {
            return Storage::Cell;
        }
        s
    }

    fn load_name(&mut self, name: &str) {
        let op = match self.storage(name) {
            Storage::Local => Op::LoadFast(self.varname_index(name)),
            Storage::Cell => Op::LoadDeref(self.cell_index(name)),
            Storage::Free if self.kind() == ScopeKind::Class => Op::LoadClassDeref(self.cell_index(name)),
            Storage::Free => Op::LoadDeref(self.cell_index(name)),
            Storage::GlobalExplicit => Op::LoadGlobal(self.name_index(name)),
            Storage::GlobalImplicit if self.names_via_locals() => Op::LoadName(self.name_index(name)),
            Storage::GlobalImplicit => Op::LoadGlobal(self.name_index(name)),
            Storage::ClassName => Op::LoadName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn store_name(&mut self, name: &str) {
        let op = match self.storage(name) {
            Storage::Local => Op::StoreFast(self.varname_index(name)),
            Storage::Cell | Storage::Free => Op::StoreDeref(self.cell_index(name)),
            Storage::GlobalExplicit => Op::StoreGlobal(self.name_index(name)),
            Storage::GlobalImplicit if self.names_via_locals() => Op::StoreName(self.name_index(name)),
            Storage::GlobalImplicit => Op::StoreGlobal(self.name_index(name)),
            Storage::ClassName => Op::StoreName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn delete_name(&mut self, name: &str) {
        let op = match self.storage(name) {
            Storage::Local => Op::DeleteFast(self.varname_index(name)),
            Storage::Cell | Storage::Free => Op::DeleteDeref(self.cell_index(name)),
            Storage::GlobalExplicit => Op::DeleteGlobal(self.name_index(name)),
            Storage::GlobalImplicit if self.names_via_locals() => Op::DeleteName(self.name_index(name)),
            Storage::GlobalImplicit => Op::DeleteGlobal(self.name_index(name)),
            Storage::ClassName => Op::DeleteName(self.name_index(name)),
        };
        self.emit(op);
    }

    /// A docstring: the first statement, if it is a string literal.
    fn docstring(&mut self, body: &[Stmt]) {
        if let Some(Stmt { kind: StmtKind::Expr(e), .. }) = body.first()
            && let ExprKind::Const(Const::Str(s)) = &e.kind
        {
            let v = Value::Str(self.intern(s));
            self.unit().doc = v;
        }
    }

    /// The qualified name of a definition called `name` in the current unit.
    fn qualname_for(&self, name: &str) -> String {
        let u = self.units.last().expect("a unit is being compiled");
        match self.table.scopes[u.scope].kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", u.qualname),
            _ => format!("{}.<locals>.{name}", u.qualname),
        }
    }
}

/// What `fuse` makes of the last instruction and the next one.
enum Fused {
    /// One superinstruction replaces both.
    One(Op),
    /// A superinstruction is taken apart again so that its second half
    /// fuses with the next instruction instead (`x = ...; x.attr`).
    Split(Op, Op),
}

/// Fuses `op` with the instruction before it into a superinstruction
/// (`local.attr`, `local.method`, `local` and a constant, a store and
/// the next load of a local), unless a jump may
/// land between them. Each saves a dispatch of the evaluation loop, and
/// the attribute forms a reference count on the local.
fn fuse(u: &Unit, op: Op) -> Option<Fused> {
    let last = *u.ops.last()?;
    if u.label == u.ops.len() {
        return None;
    }
    let small = |i: u32| u16::try_from(i).ok();
    let with_local = |local: u16| match op {
        Op::LoadAttr(n) => Some(Op::LoadFastAttr(local, small(n)?)),
        Op::StoreAttr(n) => Some(Op::StoreFastAttr(local, small(n)?)),
        Op::LoadMethod(n) => Some(Op::LoadFastMethod(local, small(n)?)),
        Op::LoadConst(k) => Some(Op::LoadFastConst(local, small(k)?)),
        _ => None,
    };
    match last {
        Op::LoadFast(local) => with_local(small(local)?).map(Fused::One),
        Op::StoreFast(store) => match op {
            Op::LoadFast(load) => Some(Fused::One(Op::StoreFastLoadFast(small(store)?, small(load)?))),
            _ => None,
        },
        Op::StoreFastLoadFast(store, load) => {
            with_local(load).map(|second| Fused::Split(Op::StoreFast(store as u32), second))
        }
        _ => None,
    }
}

/// Jumps that land on an unconditional `Jump` go straight to its target:
/// one dispatch less where a `try` body, an `if` branch or a loop body
/// ends in a jump (CPython's optimizer does the same). A backward jump is
/// an eval-breaker point, so a hop over a backward `Jump` is taken only
/// by a `Jump` that is then backward itself: every loop keeps a backward
/// `Jump` on its path.
fn thread_jumps(ops: &mut [Op]) {
    for i in 0..ops.len() {
        let Some(mut t) = ops[i].target() else { continue };
        if matches!(ops[i], Op::Send(_)) {
            continue;
        }
        // Bounded: a chain of jumps may be a cycle.
        for _ in 0..8 {
            match ops.get(t as usize) {
                Some(&Op::Jump(next)) if next > t => t = next,
                Some(&Op::Jump(next)) if matches!(ops[i], Op::Jump(_)) && (next as usize) <= i => {
                    t = next;
                    break;
                }
                _ => break,
            }
        }
        ops[i] = ops[i].with_target(t);
    }
}

/// A rough bound on stack use, to size frames (they grow if it is short).
fn estimate_stack(ops: &[Op]) -> u32 {
    let mut depth: i64 = 0;
    let mut max: i64 = 0;
    for op in ops {
        depth += match op {
            Op::LoadConst(_)
            | Op::LoadFast(_)
            | Op::LoadDeref(_)
            | Op::LoadGlobal(_)
            | Op::LoadName(_)
            | Op::LoadClosure(_)
            | Op::LoadClassDeref(_)
            | Op::Copy(_)
            | Op::LoadBuildClass
            | Op::LoadAssertionError
            | Op::LoadMethod(_)
            | Op::ImportFrom(_)
            | Op::BeforeWith
            | Op::BeforeAsyncWith
            | Op::GetANext
            | Op::PushExcInfo => 1,
            Op::LoadFastMethod(..) | Op::LoadFastConst(..) => 2,
            Op::LoadFastAttr(..) => 1,
            Op::StoreFastLoadFast(..) => 0,
            Op::StoreFastAttr(..) => -1,
            Op::SliceSubscr => -2,
            Op::Binary(_)
            | Op::Inplace(_)
            | Op::Compare(_)
            | Op::Is(_)
            | Op::Contains(_)
            | Op::Subscr
            | Op::PopTop
            | Op::StoreFast(_)
            | Op::StoreGlobal(_)
            | Op::StoreName(_)
            | Op::StoreDeref(_) => -1,
            Op::BuildTuple(n) | Op::BuildList(n) | Op::BuildSet(n) | Op::BuildString(n) | Op::Call(n) => 1 - *n as i64,
            Op::UnpackSequence(n) => *n as i64 - 1,
            Op::MatchSequence(n, _) => *n as i64,
            Op::MatchMapping(..) => 1,
            Op::MatchClass(n, _) => *n as i64 + 8,
            _ => 0,
        };
        max = max.max(depth);
    }
    (max.max(4) + 4) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(src: &str) -> PyArc<Code> {
        compile_source(src, "<test>", Mode::Exec).unwrap()
    }

    #[test]
    fn module_ends_with_return_none() {
        let code = compile("x = 1\n");
        assert_eq!(code.ops.last(), Some(&Op::ReturnValue));
        assert!(matches!(code.ops[..], [Op::LoadConst(_), Op::StoreGlobal(_), Op::LoadConst(_), Op::ReturnValue]));
    }

    #[test]
    fn functions_use_fast_locals() {
        let code = compile("def f(a):\n    b = a + 1\n    return b\n");
        let Value::Code(f) = &code.consts[0] else { panic!("function code is the first constant") };
        // `a + 1` and `b = ...; return b` as the fused forms of the slots.
        assert!(f.ops.iter().any(|op| matches!(op, Op::LoadFastConst(0, _))));
        assert!(f.ops.iter().any(|op| matches!(op, Op::StoreFastLoadFast(1, 1))));
        assert_eq!(f.argcount, 1);
    }

    #[test]
    fn a_store_then_load_gives_way_to_an_attribute_fusion() {
        let code = compile("def f(a):\n    b = a\n    return b.real\n");
        let Value::Code(f) = &code.consts[0] else { panic!("function code is the first constant") };
        assert!(matches!(f.ops[..], [Op::LoadFast(0), Op::StoreFast(1), Op::LoadFastAttr(1, _), Op::ReturnValue, ..]));
    }

    #[test]
    fn no_fusion_across_a_jump_target() {
        // The loop's `while` test is a jump target: `i` is stored, then
        // loaded again by the test, in two instructions.
        let code = compile("def f():\n    i = 0\n    while i < 3:\n        i = i + 1\n");
        let Value::Code(f) = &code.consts[0] else { panic!("function code is the first constant") };
        assert!(!f.ops.iter().any(|op| matches!(op, Op::StoreFastLoadFast(..))), "{:?}", f.ops);
    }

    #[test]
    fn method_calls_use_load_method() {
        let code = compile("x.append(1)\n");
        assert!(code.ops.iter().any(|op| matches!(op, Op::LoadMethod(_))));
        assert!(code.ops.iter().any(|op| matches!(op, Op::CallMethod(1))));
    }

    #[test]
    fn compile_errors() {
        let e = |src: &str| compile_source(src, "<test>", Mode::Exec).err().unwrap().msg;
        assert_eq!(e("break\n"), "'break' outside loop");
        assert_eq!(e("continue\n"), "'continue' not properly in loop");
        assert_eq!(e("*a = 1\n"), "starred assignment target must be in a list or tuple");
        assert!(!e("print(*a for a in b)\n").is_empty());
    }
}
