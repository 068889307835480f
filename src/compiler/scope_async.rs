//! Where `await`, `yield` and `yield from` may appear relative to
//! `async def`, checked while the symbol table is built, with CPython's
//! SyntaxError wording.

use super::scope::{Scope, ScopeKind};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{Expr, ExprKind};

/// Ok if `e` (a yield, yield from or await) may appear in `scope`.
pub(super) fn async_rules(scope: &Scope, e: &Expr) -> Result<(), SyntaxError> {
    let msg = match &e.kind {
        // Async generators need `__anext__`/`asend`, not built yet.
        ExprKind::Yield(_) if scope.is_coroutine => "async generators are not supported by pyl",
        ExprKind::YieldFrom(_) if scope.is_coroutine => "'yield from' inside async function",
        ExprKind::Await(_) if !scope.is_coroutine => match scope.kind {
            ScopeKind::Module | ScopeKind::Class => "'await' outside function",
            _ => "'await' outside async function",
        },
        _ => return Ok(()),
    };
    Err(SyntaxError::new(msg, e.span))
}
