//! Expressions to bytecode: operators, calls, displays, comprehensions.

use crate::runtime::pyarc::PyArc;

use crate::bytecode::Op;
use crate::bytecode::op::format;
use crate::runtime::value::Value;
use crate::syntax::ast::*;
use crate::syntax::{Span, SyntaxError};

use super::define::FunctionBody;
use super::{Compiler, error};

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> R {
        let saved = std::mem::replace(&mut self.unit().span, e.span);
        let r = self.expr_inner(e);
        self.unit().span = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Const(c) => {
                let v = self.const_value(c);
                self.load_const(v);
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::BinOp { op, left, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (UnaryOp::Neg, ExprKind::Const(c)) = (op, &operand.kind)
                    && let Some(v) = negate_const(c)
                {
                    self.load_const(v);
                    return Ok(());
                }
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::Neg => Op::UnaryNeg,
                    UnaryOp::Pos => Op::UnaryPos,
                    UnaryOp::Invert => Op::UnaryInvert,
                });
            }
            ExprKind::BoolOp { op, values } => {
                let mut ends = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        ends.push(self.emit(match op {
                            BoolOpKind::And => Op::JumpIfFalseOrPop(0),
                            BoolOpKind::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                self.patch_all_here(&ends);
            }
            ExprKind::Compare { left, ops } => self.compare(left, ops)?,
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                let span = self.attr_span(e.span, attr);
                self.at(span, |c| c.emit(Op::LoadAttr(i)));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                match &index.kind {
                    // `x[a:b]` needs no slice object (CPython 3.12's BINARY_SLICE).
                    ExprKind::Slice { lower, upper, step: None } => {
                        for part in [lower, upper] {
                            match part {
                                Some(x) => self.expr(x)?,
                                None => self.load_const(Value::None),
                            }
                        }
                        self.emit(Op::SliceSubscr);
                    }
                    _ => {
                        self.expr(index)?;
                        self.emit(Op::Subscr);
                    }
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Starred(_) => return Err(error("can't use starred expression here", e.span)),
            ExprKind::Tuple(items) => {
                if let Some(v) = self.const_tuple(items) {
                    self.load_const(v);
                } else {
                    self.sequence(items, SeqKind::Tuple)?;
                }
            }
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict(items) => self.dict(items)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", CompKind::List, elt, None, generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", CompKind::Set, elt, None, generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", CompKind::Generator, elt, None, generators)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", CompKind::Dict, key, Some(value), generators)?
            }
            ExprKind::Lambda { params, body } => {
                self.make_function("<lambda>", params, FunctionBody::Expr(body), e, e.span)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                let mut to_else = Vec::new();
                self.jump_if(test, false, &mut to_else)?;
                self.expr(body)?;
                let to_end = self.emit(Op::Jump(0));
                self.patch_all_here(&to_else);
                self.expr(orelse)?;
                self.patch_here(to_end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy(1));
                self.store_name(target);
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.delegate();
            }
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.await_top();
            }
            ExprKind::TooDeep => return Err(SyntaxError::too_deep(e.span)),
        }
        Ok(())
    }

    /// Emits jumps to be patched to a target taken when `bool(e) == cond`;
    /// falls through otherwise.
    pub(super) fn jump_if(&mut self, e: &'a Expr, cond: bool, jumps: &mut Vec<usize>) -> R {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => self.jump_if(operand, !cond, jumps),
            ExprKind::BoolOp { op, values } => {
                let short_circuits_to_target = matches!((op, cond), (BoolOpKind::And, false) | (BoolOpKind::Or, true));
                if short_circuits_to_target {
                    for v in values {
                        self.jump_if(v, cond, jumps)?;
                    }
                } else {
                    let mut skip = Vec::new();
                    let (last, init) = values.split_last().expect("a boolean operation has values");
                    for v in init {
                        self.jump_if(v, !cond, &mut skip)?;
                    }
                    self.jump_if(last, cond, jumps)?;
                    self.patch_all_here(&skip);
                }
                Ok(())
            }
            ExprKind::Compare { left, ops }
                if ops.len() == 1
                    && !cond
                    && matches!(
                        ops[0].0,
                        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
                    ) =>
            {
                self.expr(left)?;
                self.expr(&ops[0].1)?;
                let j = self.at(e.span, |c| c.emit(Op::CompareJumpIfFalse(ops[0].0, 0)));
                jumps.push(j);
                Ok(())
            }
            ExprKind::Const(Const::True) | ExprKind::Const(Const::False) => {
                let truth = matches!(e.kind, ExprKind::Const(Const::True));
                if truth == cond {
                    jumps.push(self.emit(Op::Jump(0)));
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                jumps.push(self.emit(if cond { Op::PopJumpIfTrue(0) } else { Op::PopJumpIfFalse(0) }));
                Ok(())
            }
        }
    }

    /// The loop that delegates to the iterator on top (`yield from` and
    /// `await`): send the resumer's value in, yield what comes out, until
    /// the iterator finishes and its result is the expression's value.
    pub(super) fn delegate(&mut self) {
        self.load_const(Value::None);
        let send = self.emit(Op::Send(0));
        self.emit(Op::YieldValue);
        self.emit(Op::Jump(send as u32));
        self.patch_here(send);
    }

    /// `await` of the value on top: `yield from` over the awaitable's
    /// iterator, so the coroutine hands whatever the awaited object
    /// yields to the event loop.
    pub(super) fn await_top(&mut self) {
        self.await_from(crate::bytecode::op::awaited::EXPR);
    }

    /// `await_top` of what came from `at` (an `awaited` constant).
    pub(super) fn await_from(&mut self, at: u8) {
        self.emit(Op::GetAwaitable(at));
        self.delegate();
    }

    fn compare_op(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Is => Op::Is(false),
            CmpOp::IsNot => Op::Is(true),
            CmpOp::In => Op::Contains(false),
            CmpOp::NotIn => Op::Contains(true),
            other => Op::Compare(other),
        });
    }

    fn compare(&mut self, left: &'a Expr, ops: &'a [(CmpOp, Expr)]) -> R {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&ops[0].1)?;
            self.compare_op(ops[0].0);
            return Ok(());
        }
        let mut cleanups = Vec::new();
        for (i, (op, right)) in ops.iter().enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Op::Swap(2));
                self.emit(Op::Copy(2));
                self.compare_op(*op);
                cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
            } else {
                self.compare_op(*op);
            }
        }
        let to_end = self.emit(Op::Jump(0));
        self.patch_all_here(&cleanups);
        self.emit(Op::Swap(2));
        self.emit(Op::PopTop);
        self.patch_here(to_end);
        Ok(())
    }

    /// Where loading `value.attr` (spanning `span`) is reported: the whole
    /// expression, or only the name when it is on a later line than the
    /// value starts, as CPython 3.11 reports it.
    fn attr_span(&self, span: Span, attr: &str) -> Span {
        let source = &self.source;
        if source.line_of(span.start) == source.line_of(span.end) {
            span
        } else {
            Span::new((span.end as usize).saturating_sub(attr.len()), span.end as usize)
        }
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) && keywords.is_empty();
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, simple) {
            self.expr(value)?;
            let i = self.name_index(attr);
            let span = self.attr_span(func.span, attr);
            self.at(span, |c| c.emit(Op::LoadMethod(i)));
            for a in args {
                self.expr(a)?;
            }
            self.emit(Op::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        self.call_args(args, keywords, 0)
    }

    /// Emits the arguments and the call, with `already` positional
    /// arguments pushed after the callable.
    pub(super) fn call_args(&mut self, args: &'a [Expr], keywords: &'a [Keyword], already: u32) -> R {
        let has_star =
            args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) || keywords.iter().any(|k| k.name.is_none());
        if !has_star {
            for a in args {
                self.expr(a)?;
            }
            let n = already + args.len() as u32;
            if keywords.is_empty() {
                self.emit(Op::Call(n));
            } else {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                let names: Vec<Value> =
                    keywords.iter().map(|k| Value::Str(self.intern(k.name.as_deref().unwrap_or("")))).collect();
                self.load_const(Value::tuple(names));
                self.emit(Op::CallKw(n + keywords.len() as u32));
            }
            return Ok(());
        }
        let prefix = args.iter().take_while(|a| !matches!(a.kind, ExprKind::Starred(_))).count();
        for a in &args[..prefix] {
            self.expr(a)?;
        }
        self.emit(Op::BuildList(already + prefix as u32));
        for a in &args[prefix..] {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        if keywords.is_empty() {
            self.emit(Op::CallEx(false));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for k in keywords {
            match &k.name {
                Some(name) => {
                    let key = Value::Str(self.intern(name));
                    self.load_const(key);
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap(1));
                }
                None => self.expr(&k.value)?,
            }
            self.emit(Op::DictMerge(1));
        }
        self.emit(Op::CallEx(true));
        Ok(())
    }

    fn const_tuple(&mut self, items: &[Expr]) -> Option<Value> {
        let mut vals = Vec::with_capacity(items.len());
        for i in items {
            match &i.kind {
                ExprKind::Const(c) => vals.push(self.const_value(c)),
                _ => return None,
            }
        }
        Some(Value::tuple(vals))
    }

    fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> R {
        if kind == SeqKind::Set
            && items.len() > 2
            && let Some(frozen) = self.constant_frozenset(items)
        {
            self.emit(Op::BuildSet(0));
            self.load_const(frozen);
            self.emit(Op::SetUpdate(1));
            return Ok(());
        }
        let prefix = items.iter().take_while(|a| !matches!(a.kind, ExprKind::Starred(_))).count();
        for i in &items[..prefix] {
            self.expr(i)?;
        }
        let n = prefix as u32;
        if prefix == items.len() {
            self.emit(match kind {
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::List => Op::BuildList(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(match kind {
            SeqKind::Set => Op::BuildSet(n),
            _ => Op::BuildList(n),
        });
        for i in &items[prefix..] {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == SeqKind::Set { Op::SetUpdate(1) } else { Op::ListExtend(1) });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if kind == SeqKind::Set { Op::SetAdd(1) } else { Op::ListAppend(1) });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    /// A set display of constants is built from a frozenset constant, as
    /// CPython builds it; its iteration order depends on that.
    fn constant_frozenset(&mut self, items: &'a [Expr]) -> Option<Value> {
        let mut hashed = Vec::with_capacity(items.len());
        for e in items {
            let v = self.constant_of(e)?;
            hashed.push((crate::vm::convert::constant_hash(&v)?, v));
        }
        let set = crate::runtime::set::PySet::constant_frozenset(hashed);
        Some(Value::FrozenSet(PyArc::new(set)))
    }

    /// The value of a constant expression: a literal (negated or not) or a
    /// tuple of them.
    fn constant_of(&mut self, e: &Expr) -> Option<Value> {
        match &e.kind {
            ExprKind::Const(c) => Some(self.const_value(c)),
            ExprKind::UnaryOp { op: UnaryOp::Neg, operand } => match &operand.kind {
                ExprKind::Const(c) => negate_const(c),
                _ => None,
            },
            ExprKind::Tuple(items) => {
                let vals: Option<Vec<Value>> = items.iter().map(|i| self.constant_of(i)).collect();
                Some(Value::tuple(vals?))
            }
            _ => None,
        }
    }

    fn dict(&mut self, items: &'a [(Option<Expr>, Expr)]) -> R {
        let prefix = items.iter().take_while(|(k, _)| k.is_some()).count();
        for (k, v) in &items[..prefix] {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(Op::BuildMap(prefix as u32));
        for (k, v) in &items[prefix..] {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FPart]) -> R {
        if parts.is_empty() {
            let v = Value::Str(self.intern(""));
            self.load_const(v);
            return Ok(());
        }
        for p in parts {
            match p {
                FPart::Lit(s) => {
                    let v = Value::Str(self.intern(s));
                    self.load_const(v);
                }
                FPart::Value { expr, conversion, spec } => {
                    self.expr(expr)?;
                    let mut flags = match conversion {
                        Some('s') => format::STR,
                        Some('r') => format::REPR,
                        Some('a') => format::ASCII,
                        _ => 0,
                    };
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                        flags |= format::HAS_SPEC;
                    }
                    self.emit(Op::FormatValue(flags));
                }
            }
        }
        if parts.len() > 1 {
            self.emit(Op::BuildString(parts.len() as u32));
        } else if let FPart::Lit(_) = parts[0] {
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &'a Expr,
        name: &str,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
    ) -> R {
        let scope = self.table.scope_of(node);
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, node.span);
        self.unit().argcount = 1;
        match kind {
            CompKind::List => {
                self.emit(Op::BuildList(0));
            }
            CompKind::Set => {
                self.emit(Op::BuildSet(0));
            }
            CompKind::Dict => {
                self.emit(Op::BuildMap(0));
            }
            CompKind::Generator => {}
        }
        self.comprehension_loop(kind, elt, value, generators, 0)?;
        if kind == CompKind::Generator {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code: PyArc<crate::bytecode::Code> = self.pop_unit();
        self.closure_and_make(code, 0);
        self.expr(&generators[0].iter)?;
        self.emit(if generators[0].is_async { Op::GetAIter } else { Op::GetIter });
        self.emit(Op::Call(1));
        // A comprehension that awaits is a coroutine, awaited here (a
        // generator expression that does is an async generator instead).
        if self.table.scopes[scope].is_coroutine && kind != CompKind::Generator {
            self.await_top();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Comprehension],
        level: usize,
    ) -> R {
        let g = &generators[level];
        if level == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            if !g.is_async {
                self.emit(Op::GetIter);
            }
        }
        if g.is_async && level > 0 {
            self.emit(Op::GetAIter);
        }
        let start = self.here();
        // The comprehension's own span, as CPython's tracebacks show it.
        // Under the aiterator: the outer iterators, and the result being
        // built (but for a generator expression).
        let depth = (kind != CompKind::Generator) as u32 + level as u32 + 1;
        let step = if g.is_async { Err(self.async_step(depth)) } else { Ok(self.emit(Op::ForIter(0))) };
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            let mut skip = Vec::new();
            self.jump_if(cond, false, &mut skip)?;
            for j in skip {
                self.patch(j, start as u32);
            }
        }
        if level + 1 < generators.len() {
            self.comprehension_loop(kind, elt, value, generators, level + 1)?;
        } else {
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd(depth));
                }
                CompKind::Generator => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue);
                    self.emit(Op::PopTop);
                }
            }
        }
        self.emit(Op::Jump(start as u32));
        match step {
            Ok(for_iter) => self.patch_here(for_iter),
            Err(setup) => self.async_end(setup),
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    Tuple,
    List,
    Set,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

fn negate_const(c: &Const) -> Option<Value> {
    match c {
        Const::Int(i) => Some(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
        }),
        Const::BigInt(b) => Some(Value::from_bigint(-b.clone())),
        Const::Float(f) => Some(Value::Float(-f)),
        // `-2j` negates both parts of `0+2j`: `(-0-2j)`, as CPython.
        Const::Imag(f) => Some(crate::runtime::complex::new_complex(-0.0, -f)),
        _ => None,
    }
}
