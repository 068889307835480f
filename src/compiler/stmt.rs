//! Statements to bytecode: control flow, exception handling, definitions.

use crate::bytecode::Op;
use crate::bytecode::op::awaited;
use crate::runtime::value::Value;
use crate::syntax::SyntaxError;
use crate::syntax::ast::*;
use crate::syntax::span::Span;

use super::scope::ScopeKind;
use super::{Compiler, FBlock, Mode, error};

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        let saved = std::mem::replace(&mut self.unit().span, s.span);
        let r = self.stmt_inner(s);
        self.unit().span = saved;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.mode == Mode::Interactive && self.units.len() == 1 {
                    self.expr(e)?;
                    self.emit(Op::PrintExpr);
                } else if !matches!(e.kind, ExprKind::Const(_)) {
                    self.expr(e)?;
                    self.emit(Op::PopTop);
                }
            }
            StmtKind::Assign { targets, value } if Self::is_swap(targets, value) => {
                // `a, b = b, a` (and three names): the values stay on the
                // stack, reversed, instead of going through a tuple, as
                // CPython does.
                let ExprKind::Tuple(items) = &value.kind else { unreachable!("checked by is_swap") };
                for v in items {
                    self.expr(v)?;
                }
                self.emit(Op::Swap(items.len() as u32));
                let (ExprKind::Tuple(ts) | ExprKind::List(ts)) = &targets[0].kind else {
                    unreachable!("checked by is_swap")
                };
                for t in ts {
                    self.store_target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
                // Module and class bodies record a plain name's annotation;
                // function bodies do not evaluate it (CPython).
                if let (ExprKind::Name(n), ScopeKind::Module | ScopeKind::Class) = (&target.kind, self.kind()) {
                    self.expr(annotation)?;
                    self.load_name("__annotations__");
                    let key = Value::Str(self.intern(n));
                    self.load_const(key);
                    self.emit(Op::StoreSubscr);
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_stmt(s.span)?,
            StmtKind::Continue => self.continue_stmt(s.span)?,
            StmtKind::Return(v) => {
                if v.is_some() && self.unit().flags & crate::bytecode::code::flags::ASYNC_GENERATOR != 0 {
                    return Err(error("'return' with value in async generator", s.span));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.exit_path(|c| {
                    c.unwind_all()?;
                    c.emit(Op::ReturnValue);
                    Ok(())
                })?;
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let mut to_else = Vec::new();
                self.jump_if(test, false, &mut to_else)?;
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch_all_here(&to_else);
                } else {
                    let to_end = self.emit(Op::Jump(0));
                    self.patch_all_here(&to_else);
                    self.stmts(orelse)?;
                    self.patch_here(to_end);
                }
            }
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For { target, iter, body, orelse, is_async: false } => {
                self.for_stmt(target, iter, body, orelse)?
            }
            StmtKind::For { target, iter, body, orelse, is_async: true } => {
                self.async_for_stmt(target, iter, body, orelse)?
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.emit(Op::Raise(n));
            }
            StmtKind::With { items, body, is_async } => self.with_stmt(items, body, *is_async)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::FunctionDef(f) => self.function_def(f, s.span)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.span)?,
            StmtKind::Import(aliases) => {
                // Import errors point at the whole statement, as in CPython.
                for a in aliases {
                    self.at(s.span, |c| -> R {
                        c.load_const(Value::Int(0));
                        c.load_const(Value::None);
                        let i = c.name_index(&a.name);
                        c.emit(Op::ImportName(i));
                        match &a.asname {
                            Some(asname) => {
                                for part in a.name.split('.').skip(1) {
                                    let i = c.name_index(part);
                                    c.emit(Op::LoadAttr(i));
                                }
                                c.store_name(asname);
                            }
                            None => {
                                let top = a.name.split('.').next().unwrap_or("");
                                c.store_name(top);
                            }
                        }
                        Ok(())
                    })?;
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.load_const(Value::Int(*level as i64));
                let fromlist: Vec<Value> = names.iter().map(|a| Value::Str(self.intern(&a.name))).collect();
                self.load_const(Value::tuple(fromlist));
                let i = self.name_index(module.as_deref().unwrap_or(""));
                self.emit(Op::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Op::ImportStar);
                } else {
                    for a in names {
                        self.at(s.span, |c| {
                            let i = c.name_index(&a.name);
                            c.emit(Op::ImportFrom(i));
                            c.store_name(a.asname.as_ref().unwrap_or(&a.name));
                        });
                    }
                    self.emit(Op::PopTop);
                }
            }
            StmtKind::Assert { test, msg } => {
                let mut ok = Vec::new();
                self.jump_if(test, true, &mut ok)?;
                // CPython reports a failed assert at its test.
                self.at(test.span, |c| -> R {
                    c.emit(Op::LoadAssertionError);
                    if let Some(m) = msg {
                        c.expr(m)?;
                        c.emit(Op::Call(1));
                    }
                    c.emit(Op::Raise(1));
                    Ok(())
                })?;
                self.patch_all_here(&ok);
            }
        }
        Ok(())
    }

    pub(super) fn patch_all_here(&mut self, jumps: &[usize]) {
        for &j in jumps {
            self.patch_here(j);
        }
    }

    // ------------------------------------------------------------ assignment

    /// An assignment of a tuple display of two or three values to as many
    /// targets, none starred.
    fn is_swap(targets: &[Expr], value: &Expr) -> bool {
        let plain = |items: &[Expr]| {
            (2..=3).contains(&items.len()) && !items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)))
        };
        match (targets, &value.kind) {
            ([t], ExprKind::Tuple(vs)) => match &t.kind {
                ExprKind::Tuple(ts) | ExprKind::List(ts) => plain(ts) && plain(vs) && ts.len() == vs.len(),
                _ => false,
            },
            _ => false,
        }
    }

    pub(super) fn store_target(&mut self, t: &'a Expr) -> R {
        self.at(t.span, |c| match &t.kind {
            ExprKind::Name(n) => {
                c.store_name(n);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                c.expr(value)?;
                let i = c.name_index(attr);
                c.emit(Op::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                c.expr(value)?;
                c.expr(index)?;
                c.emit(Op::StoreSubscr);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => c.unpack(items),
            ExprKind::Starred(_) => Err(error("starred assignment target must be in a list or tuple", t.span)),
            _ => Err(error("cannot assign to expression", t.span)),
        })
    }

    fn unpack(&mut self, items: &'a [Expr]) -> R {
        match items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_))) {
            None => {
                self.emit(Op::UnpackSequence(items.len() as u32));
            }
            Some(star) => {
                let after = items.len() - star - 1;
                if star > 255 || after > 255 {
                    return Err(error("too many expressions in star-unpacking assignment", items[0].span));
                }
                self.emit(Op::UnpackEx(star as u16, after as u16));
            }
        }
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => self.store_target(inner)?,
                _ => self.store_target(item)?,
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> R {
        match &target.kind {
            ExprKind::Name(n) => {
                self.at(target.span, |c| c.load_name(n));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.at(target.span, |c| c.store_name(n));
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Copy(1));
                let i = self.name_index(attr);
                self.at(target.span, |c| c.emit(Op::LoadAttr(i)));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap(2));
                self.at(target.span, |c| c.emit(Op::StoreAttr(i)));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.at(target.span, |c| c.emit(Op::Subscr));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap(3));
                self.emit(Op::Swap(2));
                self.at(target.span, |c| c.emit(Op::StoreSubscr));
            }
            _ => {
                return Err(error("illegal expression for augmented assignment", target.span));
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        self.at(t.span, |c| match &t.kind {
            ExprKind::Name(n) => {
                c.delete_name(n);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                c.expr(value)?;
                let i = c.name_index(attr);
                c.emit(Op::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                c.expr(value)?;
                c.expr(index)?;
                c.emit(Op::DeleteSubscr);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    c.delete_target(i)?;
                }
                Ok(())
            }
            _ => Err(error("cannot delete expression", t.span)),
        })
    }

    // ------------------------------------------------------------ loops

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let start = self.here();
        let mut to_else = Vec::new();
        let always = matches!(test.kind, ExprKind::Const(Const::True))
            || matches!(test.kind, ExprKind::Const(Const::Int(i)) if i != 0);
        if !always {
            self.jump_if(test, false, &mut to_else)?;
        }
        self.unit().fblocks.push(FBlock::While { start, breaks: Vec::new() });
        self.stmts(body)?;
        self.emit(Op::Jump(start as u32));
        let Some(FBlock::While { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!("loop block is on top")
        };
        self.patch_all_here(&to_else);
        self.stmts(orelse)?;
        self.patch_all_here(&breaks);
        Ok(())
    }

    fn for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        self.expr(iter)?;
        // Getting and advancing the iterator are the whole statement's, as
        // in CPython's tracebacks.
        self.emit(Op::GetIter);
        let start = self.here();
        let for_iter = self.emit(Op::ForIter(0));
        self.store_target(target)?;
        self.unit().fblocks.push(FBlock::For { start, breaks: Vec::new() });
        self.stmts(body)?;
        self.emit(Op::Jump(start as u32));
        let Some(FBlock::For { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!("loop block is on top") };
        self.patch_here(for_iter);
        self.stmts(orelse)?;
        self.patch_all_here(&breaks);
        Ok(())
    }

    fn break_stmt(&mut self, span: Span) -> R {
        let Some(loop_at) = self.innermost_loop() else {
            return Err(error("'break' outside loop", span));
        };
        let j = self.exit_path(|c| {
            c.unwind_to(loop_at + 1, false)?;
            if let FBlock::For { .. } = c.unit().fblocks[loop_at] {
                c.emit(Op::PopTop);
            }
            Ok(c.emit(Op::Jump(0)))
        })?;
        match &mut self.unit().fblocks[loop_at] {
            FBlock::For { breaks, .. } | FBlock::While { breaks, .. } => breaks.push(j),
            _ => unreachable!("innermost_loop finds loops"),
        }
        Ok(())
    }

    fn continue_stmt(&mut self, span: Span) -> R {
        let Some(loop_at) = self.innermost_loop() else {
            return Err(error("'continue' not properly in loop", span));
        };
        let start = match &self.unit().fblocks[loop_at] {
            FBlock::For { start, .. } | FBlock::While { start, .. } => *start,
            _ => unreachable!("innermost_loop finds loops"),
        };
        self.exit_path(|c| {
            c.unwind_to(loop_at + 1, false)?;
            c.emit(Op::Jump(start as u32));
            Ok(())
        })
    }

    pub(super) fn innermost_loop(&mut self) -> Option<usize> {
        self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::For { .. } | FBlock::While { .. }))
    }

    /// Undoes the blocks above `depth` for a jump out of them.
    fn unwind_to(&mut self, depth: usize, preserve_tos: bool) -> R {
        let mut i = self.unit().fblocks.len();
        while i > depth {
            i -= 1;
            self.unwind_block(i, preserve_tos)?;
        }
        Ok(())
    }

    /// Undoes every block for a `return` (the value to return is on top).
    fn unwind_all(&mut self) -> R {
        self.unwind_to(0, true)
    }

    fn unwind_block(&mut self, i: usize, p: bool) -> R {
        let swap_pop = |c: &mut Self, op: Op| {
            if p {
                c.emit(Op::Swap(2));
            }
            c.emit(op);
        };
        match &self.unit().fblocks[i] {
            FBlock::While { .. } => {}
            FBlock::For { .. } | FBlock::PopValue => swap_pop(self, Op::PopTop),
            FBlock::TryExcept => self.pop_handler(),
            FBlock::TryFinally(body) => {
                let body: &'a [Stmt] = body;
                self.pop_handler();
                // The finally body runs outside its own block. On a
                // `return`'s way out the value to return sits under it:
                // a `break`/`continue`/`return` in the body drops it.
                let outer = self.unit().fblocks.split_off(i);
                if p {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                let r = self.stmts(body);
                if p {
                    self.unit().fblocks.pop();
                }
                self.unit().fblocks.extend(outer);
                r?;
            }
            FBlock::FinallyEnd => {
                self.pop_handler();
                swap_pop(self, Op::PopTop);
                swap_pop(self, Op::PopExcept);
            }
            FBlock::Handler(name) => {
                let name = *name;
                if name.is_some() {
                    self.pop_handler();
                }
                self.pop_handler();
                swap_pop(self, Op::PopTop);
                swap_pop(self, Op::PopExcept);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
            FBlock::With(is_async) => {
                let is_async = *is_async;
                self.pop_handler();
                if p {
                    self.emit(Op::Swap(2));
                }
                self.call_exit_none(is_async);
            }
        }
        Ok(())
    }

    /// `exit(None, None, None)` with `exit` on top, awaited for `async
    /// with`; leaves nothing.
    fn call_exit_none(&mut self, is_async: bool) {
        for _ in 0..3 {
            self.load_const(Value::None);
        }
        self.emit(Op::Call(3));
        if is_async {
            self.await_from(awaited::AEXIT);
        }
        self.emit(Op::PopTop);
    }

    /// `name = None; del name` (the end of `except ... as name`).
    fn clear_name(&mut self, name: &str) {
        self.load_const(Value::None);
        self.store_name(name);
        self.delete_name(name);
    }

    // ------------------------------------------------------------ exceptions

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [Handler], orelse: &'a [Stmt]) -> R {
        let d = self.stmt_depth();
        let setup = self.push_handler(d);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.stmts(orelse)?;
        let to_end = self.emit(Op::Jump(0));
        self.handler_here(setup);
        let mut ends = vec![to_end];
        // Stack: exc
        self.emit(Op::PushExcInfo);
        // Stack: prev exc
        let cleanup = self.push_handler(d + 2);
        let mut bare_seen = false;
        for (k, h) in handlers.iter().enumerate() {
            if bare_seen {
                return Err(error("default 'except:' must be last", handlers[k - 1].span));
            }
            let saved = std::mem::replace(&mut self.unit().span, h.span);
            let mut next = None;
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch);
                    next = Some(self.emit(Op::PopJumpIfFalse(0)));
                }
                None => bare_seen = true,
            }
            match &h.name {
                Some(name) => {
                    self.emit(Op::Copy(1));
                    self.store_name(name);
                    let name_cleanup = self.push_handler(d + 2);
                    self.unit().fblocks.push(FBlock::Handler(Some(name)));
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Op::PopTop);
                    self.emit(Op::PopExcept);
                    self.clear_name(name);
                    ends.push(self.emit(Op::Jump(0)));
                    // An exception in the body: clear the name, re-raise.
                    self.handler_here(name_cleanup);
                    self.pop_handler();
                    self.clear_name(name);
                    self.emit(Op::CleanupReraise);
                }
                None => {
                    self.unit().fblocks.push(FBlock::Handler(None));
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_handler();
                    self.emit(Op::PopTop);
                    self.emit(Op::PopExcept);
                    ends.push(self.emit(Op::Jump(0)));
                }
            }
            // The next clause is tried under the clean-up handler still.
            self.set_handler(Some(cleanup));
            if let Some(n) = next {
                self.patch_here(n);
            }
            self.unit().span = saved;
        }
        if !bare_seen {
            // No handler matched: restore and re-raise.
            self.pop_handler();
            self.emit(Op::Swap(2));
            self.emit(Op::PopExcept);
            self.emit(Op::Reraise);
        }
        self.handler_here(cleanup);
        self.emit(Op::CleanupReraise);
        self.patch_all_here(&ends);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [Handler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> R {
        let d = self.stmt_depth();
        let setup = self.push_handler(d);
        self.unit().fblocks.push(FBlock::TryFinally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.pop_handler();
        self.stmts(finalbody)?;
        let to_end = self.emit(Op::Jump(0));
        // The exceptional path: run the body again, then re-raise.
        self.handler_here(setup);
        self.emit(Op::PushExcInfo);
        let cleanup = self.push_handler(d + 2);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.handler_here(cleanup);
        self.emit(Op::CleanupReraise);
        self.patch_here(to_end);
        Ok(())
    }

    /// `with` and `async with` (whose `__aenter__`, `__aexit__` results
    /// are awaited where `with` uses `__enter__`, `__exit__` results).
    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context)?;
        if is_async {
            // Reported at the whole statement, as CPython does.
            self.emit(Op::BeforeAsyncWith);
            self.await_from(awaited::AENTER);
        } else {
            self.emit(Op::BeforeWith);
        }
        // Stack: exit enter_result. The handler keeps the exit only: the
        // body consumes the result.
        let d = self.stmt_depth();
        let setup = self.push_handler(d + 1);
        self.unit().fblocks.push(FBlock::With(is_async));
        match &item.target {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::PopTop);
            }
        }
        self.with_stmt(rest, body, is_async)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.at(item.context.span, |c| c.call_exit_none(is_async));
        let to_end = self.emit(Op::Jump(0));
        self.handler_here(setup);
        // Stack: exit exc
        self.emit(Op::PushExcInfo);
        // Stack: exit prev exc
        let cleanup = self.push_handler(d + 3);
        self.at(item.context.span, |c| {
            c.emit(Op::WithExceptStart);
            if is_async {
                c.await_from(awaited::AEXIT);
            }
        });
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.pop_handler();
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.set_handler(Some(cleanup));
        self.patch_here(suppress);
        self.pop_handler();
        self.emit(Op::PopTop);
        self.emit(Op::PopExcept);
        self.emit(Op::PopTop);
        let to_end2 = self.emit(Op::Jump(0));
        self.handler_here(cleanup);
        self.emit(Op::CleanupReraise);
        self.patch_here(to_end);
        self.patch_here(to_end2);
        Ok(())
    }
}
