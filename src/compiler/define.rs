//! Definitions to bytecode: `def` and `class` statements, lambdas' and
//! functions' code objects with their defaults, annotations and closures.

use crate::bytecode::Op;
use crate::bytecode::code::flags;
use crate::bytecode::op::make_fn;
use crate::runtime::pyarc::PyArc;
use crate::runtime::value::Value;
use crate::syntax::SyntaxError;
use crate::syntax::ast::*;
use crate::syntax::span::Span;

use super::Compiler;
use super::scope::ScopeKind;

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    pub(super) fn function_def(&mut self, f: &'a FunctionDef, span: Span) -> R {
        for d in &f.decorators {
            self.expr(d)?;
        }
        self.make_function(&f.name, &f.params, FunctionBody::Stmts(&f.body), f, span)?;
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    /// Emits code that leaves a new function object on the stack.
    pub(super) fn make_function<T>(
        &mut self,
        name: &str,
        params: &'a Params,
        body: FunctionBody<'a>,
        node: &T,
        span: Span,
    ) -> R {
        let mut fn_flags = 0;
        if !params.defaults.is_empty() {
            for d in &params.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(params.defaults.len() as u32));
            fn_flags |= make_fn::DEFAULTS;
        }
        let kw: Vec<(&Param, &'a Expr)> =
            params.kwonly.iter().zip(&params.kw_defaults).filter_map(|(p, d)| d.as_ref().map(|d| (p, d))).collect();
        if !kw.is_empty() {
            for (p, d) in &kw {
                let key = Value::Str(self.intern(&p.name));
                self.load_const(key);
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kw.len() as u32));
            fn_flags |= make_fn::KWDEFAULTS;
        }
        let scope = self.table.scope_of(node);
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, span);
        {
            let u = self.unit();
            u.argcount = (params.posonly.len() + params.args.len()) as u32;
            u.posonlyargcount = params.posonly.len() as u32;
            u.kwonlyargcount = params.kwonly.len() as u32;
            if params.vararg.is_some() {
                u.flags |= flags::VARARGS;
            }
            if params.kwarg.is_some() {
                u.flags |= flags::VARKEYWORDS;
            }
        }
        match body {
            FunctionBody::Stmts(stmts) => {
                self.docstring(stmts);
                self.stmts(stmts)?;
                self.load_const(Value::None);
                self.emit(Op::ReturnValue);
            }
            FunctionBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::ReturnValue);
            }
        }
        let code = self.pop_unit();
        self.closure_and_make(code, fn_flags);
        self.set_annotations(params)
    }

    /// `f.__annotations__ = {...}` on the new function on top of the stack;
    /// the annotations are evaluated in the enclosing scope.
    fn set_annotations(&mut self, params: &'a Params) -> R {
        if params.annotations.is_empty() {
            return Ok(());
        }
        self.emit(Op::Copy(1));
        for (name, a) in &params.annotations {
            let key = Value::Str(self.intern(name));
            self.load_const(key);
            self.expr(a)?;
        }
        self.emit(Op::BuildMap(params.annotations.len() as u32));
        self.emit(Op::Swap(2));
        let i = self.name_index("__annotations__");
        self.emit(Op::StoreAttr(i));
        Ok(())
    }

    /// Pushes the closure (if any), the code, and `MakeFunction`.
    pub(super) fn closure_and_make(&mut self, code: PyArc<crate::bytecode::Code>, mut fn_flags: u8) {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                let i = self.cell_index(name.as_str());
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            fn_flags |= make_fn::CLOSURE;
        }
        self.load_const(Value::Code(code));
        self.emit(Op::MakeFunction(fn_flags));
    }

    pub(super) fn class_def(&mut self, c: &'a ClassDef, span: Span) -> R {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.emit(Op::LoadBuildClass);
        let scope = self.table.scope_of(c);
        let qualname = self.qualname_for(&c.name);
        self.push_unit(scope, c.name.clone(), qualname.clone(), span);
        debug_assert_eq!(self.kind(), ScopeKind::Class);
        let module_name = self.name_index("__name__");
        self.emit(Op::LoadName(module_name));
        let i = self.name_index("__module__");
        self.emit(Op::StoreName(i));
        let q = Value::Str(self.intern(&qualname));
        self.load_const(q);
        let i = self.name_index("__qualname__");
        self.emit(Op::StoreName(i));
        self.docstring(&c.body);
        let doc = self.unit().doc.clone();
        if !doc.is_none() {
            self.load_const(doc);
            let i = self.name_index("__doc__");
            self.emit(Op::StoreName(i));
        }
        self.setup_annotations(&c.body);
        self.stmts(&c.body)?;
        if self.table.scopes[scope].needs_class_cell {
            let i = self.cell_index("__class__");
            self.emit(Op::LoadClosure(i));
            let n = self.name_index("__classcell__");
            self.emit(Op::StoreName(n));
        }
        self.load_const(Value::None);
        self.emit(Op::ReturnValue);
        let code = self.pop_unit();
        self.closure_and_make(code, 0);
        let name = Value::Str(self.intern(&c.name));
        self.load_const(name);
        self.call_args(&c.bases, &c.keywords, 2)?;
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }
}

/// What a function's body is: statements, or a lambda's expression.
pub(super) enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

impl Compiler<'_> {
    /// `__annotations__ = {}` at the start of a module or class body that
    /// annotates a name somewhere (CPython's SETUP_ANNOTATIONS).
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Op::BuildMap(0));
            self.store_name("__annotations__");
        }
    }
}

/// Does the body contain an annotated assignment, outside nested functions
/// and classes?
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}
