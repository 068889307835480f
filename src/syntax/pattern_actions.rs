//! The grammar's actions for `match` patterns (PEP 634): building
//! [`Pattern`] nodes and the checks CPython's parser makes on them. Checks
//! that need the whole pattern (names bound twice, alternatives binding
//! different names, unreachable cases) belong to the compiler
//! (`compiler/pattern.rs`), where CPython makes them too.

use super::actions::{ActResult, error};
use super::ast::*;
use super::span::Span;

/// One argument of a class pattern, before ordering is checked.
pub enum ClassArg {
    Positional(Pattern),
    Keyword(Name, Span, Pattern),
}

/// One item of a mapping pattern.
pub enum MapItem {
    Pair(Expr, Pattern),
    Rest(Name, Span),
}

pub fn pattern(kind: PatternKind, span: Span) -> Pattern {
    Pattern { kind, span }
}

/// A bare name: `_` is the wildcard, anything else captures.
pub fn name(n: Name, span: Span) -> Pattern {
    let kind = if n == "_" { PatternKind::Wildcard } else { PatternKind::Capture(n) };
    Pattern { kind, span }
}

pub fn star(n: Name, span: Span) -> Pattern {
    let name = if n == "_" { None } else { Some(n) };
    Pattern { kind: PatternKind::Star(name), span }
}

pub fn as_pattern(p: Pattern, n: Name, name_span: Span, span: Span) -> ActResult<Pattern> {
    if n == "_" {
        return Err(error("cannot use '_' as a target", name_span));
    }
    Ok(Pattern { kind: PatternKind::As { pattern: Box::new(p), name: n }, span })
}

pub fn or_pattern(mut alts: Vec<Pattern>, last: Pattern, span: Span) -> Pattern {
    alts.push(last);
    Pattern { kind: PatternKind::Or(alts), span }
}

/// A string literal: f-strings are not literals.
pub fn string(e: Expr) -> ActResult<Expr> {
    if matches!(e.kind, ExprKind::FString(_)) {
        return Err(error("patterns may only match literals and attribute lookups", e.span));
    }
    Ok(e)
}

pub fn class(cls: Expr, args: Vec<ClassArg>, span: Span) -> ActResult<Pattern> {
    let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
    for a in args {
        match a {
            ClassArg::Positional(p) => {
                if !kwd_patterns.is_empty() {
                    return Err(error("positional patterns follow keyword patterns", p.span));
                }
                patterns.push(p);
            }
            ClassArg::Keyword(n, s, p) => {
                kwd_attrs.push((n, s));
                kwd_patterns.push(p);
            }
        }
    }
    Ok(Pattern { kind: PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns }, span })
}

pub fn mapping(items: Vec<MapItem>, span: Span) -> ActResult<Pattern> {
    let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
    for it in items {
        if rest.is_some() {
            return Err(error("invalid syntax", span));
        }
        match it {
            MapItem::Pair(k, p) => {
                keys.push(k);
                patterns.push(p);
            }
            MapItem::Rest(n, s) => {
                if n == "_" {
                    return Err(error("invalid syntax", s));
                }
                rest = Some(n);
            }
        }
    }
    Ok(Pattern { kind: PatternKind::Mapping { keys, patterns, rest }, span })
}
