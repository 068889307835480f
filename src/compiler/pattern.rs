//! The `match` statement (PEP 634) to bytecode, and the compile-time
//! checks CPython makes on patterns (unreachable cases, names bound twice,
//! alternatives binding different names, duplicate mapping keys, repeated
//! class attributes), with CPython's messages.
//!
//! Layout: the subject stays on the stack for the whole statement. Each
//! case copies it; the pattern consumes the copy, either falling through
//! (matched) or jumping to a failure label. A pattern may leave several
//! items on the stack when it fails (the unpacked items of a sequence, the
//! original of an OR alternative), so every failure jump records how many
//! items sit above the subject; after the case, a chain of `PopTop`s with
//! an entry per depth cuts the stack back before the next case is tried.
//!
//! Captures are stored as soon as they match, not after the whole pattern
//! (CPython defers them): PEP 634 leaves the names bound by a failed case
//! unspecified, and storing at once needs no extra stack juggling.
//! The structural tests (`MatchSequence`, `MatchMapping`, `MatchClass`)
//! are single instructions run by `vm/pattern.rs`.

use std::collections::BTreeSet;

use crate::bytecode::Op;
use crate::runtime::value::Value;
use crate::syntax::SyntaxError;
use crate::syntax::ast::*;
use crate::syntax::span::Span;

use super::{Compiler, error};

type R = Result<(), SyntaxError>;

/// The state of the pattern being compiled.
struct Ctx {
    /// Failure jumps (instruction index, items above the subject).
    fails: Vec<(usize, u32)>,
    /// Items above the subject right now.
    depth: u32,
    /// Names bound so far by the case's pattern.
    names: Vec<String>,
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        self.expr(subject)?;
        let mut ends = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            let mut ctx = Ctx { fails: Vec::new(), depth: 1, names: Vec::new() };
            self.at(case.pattern.span, |c| c.emit(Op::Copy(1)));
            self.pattern(&case.pattern, &mut ctx, last || case.guard.is_some())?;
            if let Some(g) = &case.guard {
                let mut to_fail = Vec::new();
                self.jump_if(g, false, &mut to_fail)?;
                ctx.fails.extend(to_fail.into_iter().map(|j| (j, 0)));
            }
            // CPython drops the subject before the body, so `return` and
            // `break` inside it find a clean stack.
            self.emit(Op::PopTop);
            self.stmts(&case.body)?;
            ends.push(self.emit(Op::Jump(0)));
            self.fail_chain(ctx.fails, 0);
        }
        self.emit(Op::PopTop);
        self.patch_all_here(&ends);
        Ok(())
    }

    /// Emits the `PopTop` chain that brings every failure of `fails` down
    /// to `base` items above the subject, and lands there.
    fn fail_chain(&mut self, mut fails: Vec<(usize, u32)>, base: u32) {
        fails.sort_by_key(|&(_, d)| std::cmp::Reverse(d));
        let top = fails.first().map_or(base, |&(_, d)| d);
        let mut next = 0;
        for depth in (base..=top).rev() {
            while next < fails.len() && fails[next].1 == depth {
                self.patch_here(fails[next].0);
                next += 1;
            }
            if depth > base {
                self.emit(Op::PopTop);
            }
        }
    }

    fn fail_if_false(&mut self, ctx: &mut Ctx) {
        let j = self.emit(Op::PopJumpIfFalse(0));
        ctx.fails.push((j, ctx.depth));
    }

    fn bind(&mut self, name: &'a str, span: Span, ctx: &mut Ctx) -> R {
        if ctx.names.iter().any(|n| n == name) {
            return Err(error(format!("multiple assignments to name '{name}' in pattern"), span));
        }
        ctx.names.push(name.to_string());
        self.store_name(name);
        Ok(())
    }

    /// Compiles `p` against the value on top (counted in `ctx.depth`),
    /// which it consumes. `irrefutable_ok`: a capture or wildcard here does
    /// not make later cases or alternatives unreachable.
    fn pattern(&mut self, p: &'a Pattern, ctx: &mut Ctx, irrefutable_ok: bool) -> R {
        self.at(p.span, |c| c.pattern_inner(p, ctx, irrefutable_ok))
    }

    fn pattern_inner(&mut self, p: &'a Pattern, ctx: &mut Ctx, irrefutable_ok: bool) -> R {
        match &p.kind {
            PatternKind::Wildcard | PatternKind::Star(None) => {
                if !irrefutable_ok {
                    return Err(error("wildcard makes remaining patterns unreachable", p.span));
                }
                self.emit(Op::PopTop);
                ctx.depth -= 1;
            }
            PatternKind::Capture(name) | PatternKind::Star(Some(name)) => {
                if !irrefutable_ok {
                    let msg = format!("name capture '{name}' makes remaining patterns unreachable");
                    return Err(error(msg, p.span));
                }
                self.bind(name, p.span, ctx)?;
                ctx.depth -= 1;
            }
            PatternKind::Value(e) => {
                self.expr(e)?;
                let j = self.emit(Op::CompareJumpIfFalse(CmpOp::Eq, 0));
                ctx.depth -= 1;
                ctx.fails.push((j, ctx.depth));
            }
            PatternKind::Singleton(k) => {
                let v = self.const_value(k);
                self.load_const(v);
                self.emit(Op::Is(false));
                ctx.depth -= 1;
                self.fail_if_false(ctx);
            }
            PatternKind::As { pattern, name } => {
                self.emit(Op::Copy(1));
                ctx.depth += 1;
                self.pattern(pattern, ctx, irrefutable_ok)?;
                self.bind(name, p.span, ctx)?;
                ctx.depth -= 1;
            }
            PatternKind::Or(alts) => self.or_pattern(alts, ctx, irrefutable_ok)?,
            PatternKind::Sequence(items) => self.sequence_pattern(items, p.span, ctx)?,
            PatternKind::Mapping { keys, patterns, rest } => self.mapping_pattern(keys, patterns, rest, p.span, ctx)?,
            PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, ctx)?
            }
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'a [Pattern], ctx: &mut Ctx, irrefutable_ok: bool) -> R {
        let base = ctx.depth;
        let before = ctx.names.clone();
        let mut bound: Option<BTreeSet<String>> = None;
        let mut ends = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            let last = i + 1 == alts.len();
            ctx.names = before.clone();
            let outer = std::mem::take(&mut ctx.fails);
            if !last {
                self.emit(Op::Copy(1));
                ctx.depth += 1;
            }
            self.pattern(alt, ctx, last && irrefutable_ok)?;
            let names: BTreeSet<String> = ctx.names[before.len()..].iter().cloned().collect();
            match &bound {
                Some(first) if *first != names => {
                    return Err(error("alternative patterns bind different names", alt.span));
                }
                Some(_) => {}
                None => bound = Some(names),
            }
            let fails = std::mem::replace(&mut ctx.fails, outer);
            if last {
                ctx.fails.extend(fails);
            } else {
                // Matched: drop the original the alternative was tried on.
                self.emit(Op::PopTop);
                ends.push(self.emit(Op::Jump(0)));
                self.fail_chain(fails, base);
                ctx.depth = base;
            }
        }
        self.patch_all_here(&ends);
        Ok(())
    }

    fn sequence_pattern(&mut self, items: &'a [Pattern], span: Span, ctx: &mut Ctx) -> R {
        let mut stars = items.iter().enumerate().filter(|(_, p)| matches!(p.kind, PatternKind::Star(_)));
        let star = stars.next().map_or(u16::MAX, |(i, _)| i as u16);
        if stars.next().is_some() {
            return Err(error("multiple starred names in sequence pattern", span));
        }
        if items.len() >= u16::MAX as usize {
            return Err(error("too many sub-patterns in sequence pattern", span));
        }
        self.emit(Op::MatchSequence(items.len() as u16, star));
        ctx.depth -= 1;
        self.fail_if_false(ctx);
        ctx.depth += items.len() as u32;
        for item in items {
            self.pattern(item, ctx, true)?;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: &'a Option<Name>,
        span: Span,
        ctx: &mut Ctx,
    ) -> R {
        let mut seen: Vec<Value> = Vec::new();
        for k in keys {
            if let Some(v) = literal_key(k) {
                if seen.iter().any(|s| same_key(s, &v)) {
                    let msg = format!("mapping pattern checks duplicate key ({})", key_repr(&v));
                    return Err(error(msg, span));
                }
                seen.push(v);
            }
        }
        if keys.len() >= u16::MAX as usize {
            return Err(error("too many sub-patterns in mapping pattern", span));
        }
        for k in keys {
            self.expr(k)?;
        }
        self.emit(Op::MatchMapping(keys.len() as u16, rest.is_some()));
        ctx.depth -= 1;
        self.fail_if_false(ctx);
        ctx.depth += keys.len() as u32 + rest.is_some() as u32;
        for p in patterns {
            self.pattern(p, ctx, true)?;
        }
        if let Some(r) = rest {
            self.bind(r, span, ctx)?;
            ctx.depth -= 1;
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [(Name, Span)],
        kwd_patterns: &'a [Pattern],
        ctx: &mut Ctx,
    ) -> R {
        for (i, (name, _)) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..i].iter().any(|(n, _)| n == name) {
                return Err(error(format!("attribute name repeated in class pattern: {name}"), kwd_patterns[i].span));
            }
        }
        if patterns.len() >= u16::MAX as usize {
            return Err(error("too many sub-patterns in class pattern", cls.span));
        }
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|(n, _)| Value::Str(self.intern(n))).collect();
        let names = self.add_const(Value::tuple(names));
        self.emit(Op::MatchClass(patterns.len() as u16, names));
        ctx.depth -= 1;
        self.fail_if_false(ctx);
        ctx.depth += (patterns.len() + kwd_patterns.len()) as u32;
        for p in patterns.iter().chain(kwd_patterns) {
            self.pattern(p, ctx, true)?;
        }
        Ok(())
    }
}

/// The value of a literal mapping key, for the duplicate check.
fn literal_key(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Const(Const::Int(i)) => Some(Value::Int(*i)),
        ExprKind::Const(Const::Float(f)) => Some(Value::Float(*f)),
        ExprKind::Const(Const::Str(s)) => Some(Value::str(s)),
        ExprKind::Const(Const::None) => Some(Value::None),
        ExprKind::Const(Const::True) => Some(Value::Bool(true)),
        ExprKind::Const(Const::False) => Some(Value::Bool(false)),
        ExprKind::UnaryOp { op: UnaryOp::Neg, operand } => match literal_key(operand)? {
            Value::Int(i) => i.checked_neg().map(Value::Int),
            Value::Float(f) => Some(Value::Float(-f)),
            _ => None,
        },
        _ => None,
    }
}

/// Key equality as a dict sees it: `1`, `1.0` and `True` are one key.
fn same_key(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    };
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::None, Value::None) => true,
        _ => matches!((num(a), num(b)), (Some(x), Some(y)) if x == y),
    }
}

/// The repr of a literal key, without a VM: strings get the common
/// escapes only (the message is for a programmer's mistake).
fn key_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => {
            let s = s.as_str();
            let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
            let mut out = String::from(q);
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    c if c == q => out.extend(['\\', c]),
                    c => out.push(c),
                }
            }
            out.push(q);
            out
        }
        Value::Float(f) => crate::runtime::float::repr(*f),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        _ => "None".to_string(),
    }
}

/// For the symbol table: the names a pattern binds and the expressions it
/// evaluates (value patterns, mapping keys, class names).
pub(super) fn parts(p: &Pattern) -> (Vec<&str>, Vec<&Expr>) {
    fn walk<'p>(p: &'p Pattern, names: &mut Vec<&'p str>, exprs: &mut Vec<&'p Expr>) {
        match &p.kind {
            PatternKind::Value(e) => exprs.push(e),
            PatternKind::Singleton(_) | PatternKind::Wildcard | PatternKind::Star(None) => {}
            PatternKind::Capture(n) | PatternKind::Star(Some(n)) => names.push(n),
            PatternKind::Sequence(items) | PatternKind::Or(items) => items.iter().for_each(|i| walk(i, names, exprs)),
            PatternKind::Mapping { keys, patterns, rest } => {
                exprs.extend(keys);
                patterns.iter().for_each(|i| walk(i, names, exprs));
                names.extend(rest.as_deref());
            }
            PatternKind::Class { cls, patterns, kwd_patterns, .. } => {
                exprs.push(cls);
                patterns.iter().chain(kwd_patterns).for_each(|i| walk(i, names, exprs));
            }
            PatternKind::As { pattern, name } => {
                walk(pattern, names, exprs);
                names.push(name);
            }
        }
    }
    let (mut names, mut exprs) = (Vec::new(), Vec::new());
    walk(p, &mut names, &mut exprs);
    (names, exprs)
}
