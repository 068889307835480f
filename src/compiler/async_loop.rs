//! `async for`, as a statement and in comprehensions (PEP 492, PEP 530).
//!
//! The loop's step awaits `__anext__()` under a handler of its own: it
//! catches what the await raises, and `EndAsyncFor` ends the loop on
//! StopAsyncIteration and raises anything else again. The handler covers
//! only the step, not the body, so an exception from the body goes out
//! as it would from a `for` body. The async iterator stays on the stack
//! through the loop as a `for` loop's iterator does, so `break`,
//! `continue` and `return` unwind it as they unwind a `for`.

use crate::bytecode::Op;
use crate::syntax::SyntaxError;
use crate::syntax::ast::*;

use super::{Compiler, FBlock};

type R = Result<(), SyntaxError>;

impl<'a> Compiler<'a> {
    pub(super) fn async_for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> R {
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        let start = self.here();
        let depth = self.stmt_depth() + 1;
        let setup = self.async_step(depth);
        self.store_target(target)?;
        self.unit().fblocks.push(FBlock::For { start, breaks: Vec::new() });
        self.stmts(body)?;
        self.emit(Op::Jump(start as u32));
        let Some(FBlock::For { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!("loop block is on top") };
        self.async_end(setup);
        self.stmts(orelse)?;
        self.patch_all_here(&breaks);
        Ok(())
    }

    /// (aiterator -- aiterator item): awaits the next item, going to the
    /// handler returned here (to be placed by `async_end`) when the await
    /// raises. `depth`: the operand items up to the aiterator.
    pub(super) fn async_step(&mut self, depth: u32) -> u32 {
        let setup = self.push_handler(depth);
        self.emit(Op::GetANext);
        self.delegate();
        self.pop_handler();
        setup
    }

    /// Where the loop of `async_step`'s `setup` goes when the await
    /// raised: (aiterator exc -- ) and on, if it was StopAsyncIteration.
    pub(super) fn async_end(&mut self, setup: u32) {
        self.handler_here(setup);
        self.emit(Op::EndAsyncFor);
    }
}
