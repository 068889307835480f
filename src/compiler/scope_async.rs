//! Where `await`, `yield`, `yield from`, `async for` and `async with` may
//! appear relative to `async def`, checked while the symbol table is
//! built, with CPython's SyntaxError wording.
//!
//! A comprehension may always contain `await` or `async for` (PEP 530):
//! that makes it a coroutine, called and awaited where it stands — which
//! only an `async def` (or another comprehension, itself made a coroutine
//! by this) may do. A generator expression that awaits is an async
//! generator instead, and may stand anywhere.

use super::scope::{Scope, ScopeKind};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::span::Span;

/// Ok if `e` (a yield, yield from or await) may appear in `scope`.
pub(super) fn async_rules(scope: &mut Scope, e: &Expr) -> Result<(), SyntaxError> {
    let msg = match &e.kind {
        ExprKind::YieldFrom(_) if scope.is_coroutine && scope.kind == ScopeKind::Function => {
            "'yield from' inside async function"
        }
        ExprKind::Await(_) if scope.kind == ScopeKind::Comprehension => {
            scope.is_coroutine = true;
            return Ok(());
        }
        ExprKind::Await(_) if !scope.is_coroutine => match scope.kind {
            ScopeKind::Module | ScopeKind::Class => "'await' outside function",
            _ => "'await' outside async function",
        },
        _ => return Ok(()),
    };
    Err(SyntaxError::new(msg, e.span))
}

/// Ok if an `async for`/`async with` statement may appear in `scope`.
pub(super) fn async_stmt(scope: &Scope, msg: &str, span: Span) -> Result<(), SyntaxError> {
    if scope.is_coroutine && scope.kind == ScopeKind::Function {
        return Ok(());
    }
    Err(SyntaxError::new(msg, span))
}

/// A comprehension at `span` that is a coroutine is awaited in `parent`.
pub(super) fn awaited_comprehension(parent: &mut Scope, span: Span) -> Result<(), SyntaxError> {
    match parent.kind {
        ScopeKind::Comprehension => {
            parent.is_coroutine = true;
            Ok(())
        }
        ScopeKind::Function if parent.is_coroutine => Ok(()),
        _ => Err(SyntaxError::new("asynchronous comprehension outside of an asynchronous function", span)),
    }
}
