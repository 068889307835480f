//! The symbol table: where each name of each scope lives.
//!
//! One pass records, per scope (module, class, function, lambda,
//! comprehension), which names are bound, used, or declared `global` /
//! `nonlocal`. A second pass resolves every name to local, cell, free,
//! global, or class-namespace storage, as CPython's `symtable.c` does,
//! including the implicit `__class__` cell behind zero-argument `super()`
//! and assignment expressions in comprehensions binding in the enclosing
//! function. Scopes are keyed by the address of their AST node.

use std::collections::{HashMap, HashSet};

use crate::syntax::SyntaxError;
use crate::syntax::ast::*;
use crate::syntax::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// Where a name's value is stored, as seen from one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// A fast local slot.
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere visible: globals, then builtins.
    GlobalImplicit,
    /// Bound in a class body: the class namespace.
    ClassName,
}

const BOUND: u8 = 1;
const USED: u8 = 2;
const GLOBAL: u8 = 4;
const NONLOCAL: u8 = 8;
const PARAM: u8 = 16;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Names in first-seen order with their flags.
    order: Vec<String>,
    flags: HashMap<String, u8>,
    pub params: Vec<String>,
    pub is_generator: bool,
    /// An `async def`: its code makes a coroutine, `await` is allowed.
    pub is_coroutine: bool,
    /// Contains `yield` (with `is_coroutine`: an async generator).
    pub has_yield: bool,
    /// Names resolved by `analyze`.
    pub storage: HashMap<String, Storage>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Locals in slot order: parameters first, then in first-seen order.
    pub varnames: Vec<String>,
    children: Vec<usize>,
    /// The class scope needs a `__class__` cell for its methods.
    pub needs_class_cell: bool,
    /// Where `nonlocal` declarations are, for errors found later.
    decl_spans: HashMap<String, Span>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            flags: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            has_yield: false,
            storage: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            needs_class_cell: false,
            decl_spans: HashMap::new(),
        }
    }

    fn add(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.order.push(name.to_string());
                self.flags.insert(name.to_string(), flag);
            }
        }
    }

    fn has(&self, name: &str, flag: u8) -> bool {
        self.flags.get(name).is_some_and(|f| f & flag != 0)
    }

    /// How `name` is stored in this scope.
    pub fn lookup(&self, name: &str) -> Storage {
        if let Some(s) = self.storage.get(name) {
            return *s;
        }
        match self.kind {
            ScopeKind::Class => Storage::ClassName,
            _ => Storage::GlobalImplicit,
        }
    }
}

/// All scopes of a module; scope 0 is the module itself.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub fn build(module: &[Stmt]) -> Result<SymbolTable, SyntaxError> {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>")],
            stack: vec![0],
            by_node: HashMap::new(),
        };
        for s in module {
            b.stmt(s)?;
        }
        let mut table = SymbolTable { scopes: b.scopes, by_node: b.by_node };
        table.analyze(0, &HashSet::new())?;
        Ok(table)
    }

    /// The scope created by an AST node (function, class, lambda, comprehension).
    pub fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }

    /// Resolves names of scope `id`, given the names bound in enclosing
    /// function scopes; returns the free variables it needs from outside.
    fn analyze(&mut self, id: usize, enclosing: &HashSet<String>) -> Result<HashSet<String>, SyntaxError> {
        let kind = self.scopes[id].kind;
        let names: Vec<String> = self.scopes[id].order.clone();
        let mut storage = HashMap::new();
        for name in &names {
            let s = &self.scopes[id];
            let st = if s.has(name, GLOBAL) {
                Storage::GlobalExplicit
            } else if s.has(name, NONLOCAL) {
                if !enclosing.contains(name) {
                    let span = s.decl_spans.get(name).copied().unwrap_or_default();
                    return Err(err(format!("no binding for nonlocal '{name}' found"), span));
                }
                Storage::Free
            } else if s.has(name, BOUND) || s.has(name, PARAM) {
                match kind {
                    ScopeKind::Module => Storage::GlobalImplicit,
                    ScopeKind::Class => Storage::ClassName,
                    _ => Storage::Local,
                }
            } else if kind != ScopeKind::Module && enclosing.contains(name) {
                Storage::Free
            } else if kind == ScopeKind::Class {
                Storage::ClassName
            } else {
                Storage::GlobalImplicit
            };
            storage.insert(name.clone(), st);
        }
        // Names visible as free variables to children.
        let mut visible = enclosing.clone();
        match kind {
            ScopeKind::Function | ScopeKind::Comprehension => {
                for (n, st) in &storage {
                    match st {
                        Storage::Local | Storage::Free => {
                            visible.insert(n.clone());
                        }
                        Storage::GlobalExplicit => {
                            visible.remove(n);
                        }
                        _ => {}
                    }
                }
            }
            ScopeKind::Class => {
                visible.insert("__class__".to_string());
            }
            ScopeKind::Module => visible.clear(),
        }
        let children = self.scopes[id].children.clone();
        let mut child_free: HashSet<String> = HashSet::new();
        for c in children {
            child_free.extend(self.analyze(c, &visible)?);
        }
        let scope = &mut self.scopes[id];
        let mut cellvars = Vec::new();
        let mut freevars: Vec<String> = names.iter().filter(|n| storage[*n] == Storage::Free).cloned().collect();
        let mut sorted_child_free: Vec<String> = child_free.into_iter().collect();
        sorted_child_free.sort();
        for n in sorted_child_free {
            if kind == ScopeKind::Class && n == "__class__" {
                scope.needs_class_cell = true;
                continue;
            }
            match storage.get(&n) {
                Some(Storage::Local) => {
                    storage.insert(n.clone(), Storage::Cell);
                    cellvars.push(n);
                }
                Some(Storage::Cell) | Some(Storage::Free) => {}
                Some(Storage::ClassName) | Some(Storage::GlobalImplicit) | None if kind != ScopeKind::Module => {
                    // Passes through this scope to a child.
                    if !freevars.contains(&n) {
                        freevars.push(n.clone());
                    }
                    if kind != ScopeKind::Class || !storage.contains_key(&n) {
                        storage.insert(n.clone(), Storage::Free);
                    }
                }
                _ => {}
            }
        }
        // Parameters come first among the locals, in declaration order.
        let mut varnames: Vec<String> = scope.params.clone();
        if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
            let mut seen: HashSet<String> = varnames.iter().cloned().collect();
            for n in &names {
                if matches!(storage[n], Storage::Local | Storage::Cell) && seen.insert(n.clone()) {
                    varnames.push(n.clone());
                }
            }
        }
        // Cells and free variables in the order their names first appear.
        let order: HashMap<&str, usize> = names.iter().enumerate().rev().map(|(i, n)| (n.as_str(), i)).collect();
        cellvars.sort_by_key(|n| order.get(n.as_str()).copied());
        scope.storage = storage;
        scope.cellvars = cellvars;
        scope.varnames = varnames;
        // The free variables this scope needs from its parent.
        let need: HashSet<String> = freevars.iter().cloned().collect();
        freevars.sort_by_key(|n| order.get(n.as_str()).copied().unwrap_or(usize::MAX));
        scope.freevars = freevars;
        Ok(need)
    }
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_node: HashMap<usize, usize>,
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("scope stack is never empty");
        &mut self.scopes[id]
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name));
        let parent = *self.stack.last().expect("scope stack is never empty");
        self.scopes[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn bind(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let _ = span;
        self.cur().add(name, BOUND);
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        self.cur().add(name, USED);
        if name == "super" && self.cur().kind == ScopeKind::Function {
            self.cur().add("__class__", USED);
        }
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                if matches!(self.cur().kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(annotation)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    self.bind(n, target.span)?;
                } else {
                    self.expr(target)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if matches!(self.cur().kind, ScopeKind::Module | ScopeKind::Class) {
                    return Err(err("'return' outside function", s.span));
                }
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async {
                    super::scope_async::async_stmt(self.cur(), "'async for' outside async function", s.span)?;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    let (names, exprs) = super::pattern::parts(&c.pattern);
                    exprs.into_iter().try_for_each(|e| self.expr(e))?;
                    names.into_iter().try_for_each(|n| self.bind(n, c.pattern.span))?;
                    c.guard.iter().try_for_each(|g| self.expr(g))?;
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async {
                    super::scope_async::async_stmt(self.cur(), "'async with' outside async function", s.span)?;
                }
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.defaults(&f.params)?;
                self.bind(&f.name, s.span)?;
                self.push_scope(&**f, ScopeKind::Function, &f.name);
                // A coroutine runs on the generator machinery (a new scope: both false before).
                let sc = self.cur();
                (sc.is_coroutine, sc.is_generator) = (f.is_async, f.is_async);
                self.params(&f.params)?;
                self.stmts(&f.body)?;
                self.stack.pop();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.bind(&c.name, s.span)?;
                self.push_scope(&**c, ScopeKind::Class, &c.name);
                self.stmts(&c.body)?;
                self.stack.pop();
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&name, a.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", a.span));
                        }
                        continue;
                    }
                    let name = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&name, a.span)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let scope = self.cur();
                    if scope.has(n, PARAM) {
                        return Err(err(format!("name '{n}' is parameter and global"), s.span));
                    }
                    if scope.has(n, BOUND) {
                        return Err(err(format!("name '{n}' is assigned to before global declaration"), s.span));
                    }
                    if scope.has(n, USED) {
                        return Err(err(format!("name '{n}' is used prior to global declaration"), s.span));
                    }
                    scope.add(n, GLOBAL);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(err("nonlocal declaration not allowed at module level", s.span));
                }
                for n in names {
                    let scope = self.cur();
                    if scope.has(n, PARAM) {
                        return Err(err(format!("name '{n}' is parameter and nonlocal"), s.span));
                    }
                    if scope.has(n, BOUND) {
                        return Err(err(format!("name '{n}' is assigned to before nonlocal declaration"), s.span));
                    }
                    if scope.has(n, USED) {
                        return Err(err(format!("name '{n}' is used prior to nonlocal declaration"), s.span));
                    }
                    scope.add(n, NONLOCAL);
                    scope.decl_spans.insert(n.clone(), s.span);
                }
                self.check_nonlocal(names, s.span)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
        }
        Ok(())
    }

    /// `nonlocal x` needs `x` bound in an enclosing function.
    fn check_nonlocal(&mut self, names: &[Name], span: Span) -> Result<(), SyntaxError> {
        // Enclosing scopes have been visited up to this point; bindings that
        // come later in the enclosing function count too, so only scopes
        // that are functions are required, and the final check happens in
        // analyze through `enclosing`.
        let has_function_parent = self.stack[..self.stack.len() - 1]
            .iter()
            .any(|&i| matches!(self.scopes[i].kind, ScopeKind::Function | ScopeKind::Comprehension));
        if !has_function_parent && let Some(n) = names.first() {
            return Err(err(format!("no binding for nonlocal '{n}' found"), span));
        }
        Ok(())
    }

    fn defaults(&mut self, p: &Params) -> Result<(), SyntaxError> {
        for d in &p.defaults {
            self.expr(d)?;
        }
        for d in p.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        for (_, a) in &p.annotations {
            self.expr(a)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &Params) -> Result<(), SyntaxError> {
        let names: Vec<String> = p.names().map(|x| x.name.clone()).collect();
        for n in names {
            self.cur().add(&n, PARAM);
            self.cur().params.push(n);
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Const(_) => {}
            ExprKind::FString(parts) => self.fparts(parts)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare { left, ops } => {
                self.expr(left)?;
                for (_, r) in ops {
                    self.expr(r)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let is_gen = matches!(e.kind, ExprKind::GeneratorExp { .. });
                let name = match &e.kind {
                    ExprKind::ListComp { .. } => "<listcomp>",
                    ExprKind::SetComp { .. } => "<setcomp>",
                    _ => "<genexpr>",
                };
                self.comprehension(e, name, generators, is_gen, &[elt])?;
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", generators, false, &[key, value])?;
            }
            ExprKind::Lambda { params, body } => {
                self.defaults(params)?;
                self.push_scope(e, ScopeKind::Function, "<lambda>");
                self.params(params)?;
                self.expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_target(target, e.span)?;
            }
            ExprKind::Yield(v) => {
                super::scope_async::async_rules(self.cur(), e)?;
                self.yield_here(e.span)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                super::scope_async::async_rules(self.cur(), e)?;
                self.yield_here(e.span)?;
                self.expr(v)?;
            }
            ExprKind::Await(v) => {
                super::scope_async::async_rules(self.cur(), e)?;
                self.expr(v)?;
            }
            // The first compiler pass to see it, as CPython's symbol table is.
            ExprKind::TooDeep => return Err(SyntaxError::too_deep(e.span)),
        }
        Ok(())
    }

    fn yield_here(&mut self, span: Span) -> Result<(), SyntaxError> {
        let scope = self.cur();
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => Err(err("'yield' outside function", span)),
            ScopeKind::Comprehension if scope.name != "<genexpr>" => {
                Err(err(format!("'yield' inside {}", comprehension_word(&scope.name)), span))
            }
            _ => {
                scope.is_generator = true;
                scope.has_yield = true;
                Ok(())
            }
        }
    }

    /// `(x := v)` binds `x` in the nearest scope that is not a comprehension.
    fn named_target(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let mut depth = self.stack.len() - 1;
        if self.scopes[self.stack[depth]].kind != ScopeKind::Comprehension {
            return self.bind(name, span);
        }
        while self.scopes[self.stack[depth]].kind == ScopeKind::Comprehension {
            let id = self.stack[depth];
            if self.scopes[id].has(name, BOUND) && !self.scopes[id].has(name, NONLOCAL) {
                return Err(err(
                    format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                    span,
                ));
            }
            depth -= 1;
        }
        let owner = self.stack[depth];
        match self.scopes[owner].kind {
            ScopeKind::Class => {
                return Err(err("assignment expression within a comprehension cannot be used in a class body", span));
            }
            ScopeKind::Module => {
                self.scopes[owner].add(name, BOUND);
                for &id in &self.stack[depth + 1..] {
                    self.scopes[id].add(name, GLOBAL);
                }
            }
            _ => {
                self.scopes[owner].add(name, BOUND);
                for &id in &self.stack[depth + 1..] {
                    self.scopes[id].add(name, NONLOCAL);
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[Comprehension],
        is_gen: bool,
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.push_scope(node, ScopeKind::Comprehension, name);
        self.cur().is_generator = is_gen;
        // A generator expression is an async generator if it awaits.
        self.cur().has_yield = is_gen;
        self.cur().is_coroutine = generators.iter().any(|g| g.is_async);
        self.cur().add(".0", PARAM);
        self.cur().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        let awaits = self.cur().is_coroutine && !is_gen;
        self.stack.pop();
        if awaits {
            super::scope_async::awaited_comprehension(self.cur(), node.span)?;
        }
        Ok(())
    }

    fn fparts(&mut self, parts: &[FPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FPart::Value { expr, spec, .. } = p {
                self.expr(expr)?;
                if let Some(spec) = spec {
                    self.fparts(spec)?;
                }
            }
        }
        Ok(())
    }
}

fn comprehension_word(name: &str) -> &'static str {
    match name {
        "<listcomp>" => "list comprehension",
        "<setcomp>" => "set comprehension",
        "<dictcomp>" => "dict comprehension",
        _ => "generator expression",
    }
}

#[cfg(test)]
#[path = "scope_tests.rs"]
mod tests;
