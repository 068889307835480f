//! Which handler covers each instruction: the compile-time picture from
//! which a code object's exception table is built
//! (`bytecode/exception_table.rs`).
//!
//! The compiler keeps the handler active where it emits (`Unit::handler`)
//! and records it for each instruction (`Unit::cover`). Handlers nest as
//! the statements do: each one remembers the handler around it (its
//! parent), which is active again where it stops covering and in its own
//! code. A path that leaves a `try` early (`return`, `break`, `continue`,
//! the end of an `except` body) stops covering on the way out, and the
//! code emitted after its jump is covered as before it: `exit_path` saves
//! and restores the active handler around such a path.
//!
//! A handler's operand-stack depth is known here because statements start
//! at a depth the enclosing blocks determine (`stmt_depth`): nothing else
//! lives on the stack between statements.

use super::{Compiler, FBlock};
use crate::bytecode::exception_table::ExceptionTable;

/// A handler as the compiler builds it.
pub(super) struct HandlerInfo {
    /// Where it starts; `u32::MAX` until `handler_here` places it.
    target: u32,
    /// Operand-stack items kept under the exception.
    depth: u32,
    /// The handler around it.
    parent: Option<u32>,
}

impl<'a> Compiler<'a> {
    /// Starts covering what is emitted next with a new handler, which
    /// keeps `depth` operand items; returns it, to be placed by
    /// `handler_here`.
    pub(super) fn push_handler(&mut self, depth: u32) -> u32 {
        let u = self.unit();
        let id = u.handlers.len() as u32;
        u.handlers.push(HandlerInfo { target: u32::MAX, depth, parent: u.handler });
        self.set_handler(Some(id));
        id
    }

    /// Stops covering with the innermost handler.
    pub(super) fn pop_handler(&mut self) {
        let u = self.unit();
        let h = u.handler.expect("a handler is active");
        let parent = u.handlers[h as usize].parent;
        self.set_handler(parent);
    }

    /// Places handler `h` here; its code is covered by its parent.
    pub(super) fn handler_here(&mut self, h: u32) {
        let target = self.here() as u32;
        let u = self.unit();
        u.handlers[h as usize].target = target;
        let parent = u.handlers[h as usize].parent;
        self.set_handler(parent);
    }

    /// The handler active now.
    pub(super) fn handler(&mut self) -> Option<u32> {
        self.unit().handler
    }

    /// Makes `h` the active handler. The next instruction must not fuse
    /// with the last one: they are covered differently.
    pub(super) fn set_handler(&mut self, h: Option<u32>) {
        let u = self.unit();
        if u.handler != h {
            u.handler = h;
            u.label = u.ops.len();
        }
    }

    /// Emits a path out of the blocks (`f`: the unwinding and the jump or
    /// return); what follows is covered as what came before.
    pub(super) fn exit_path<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.handler();
        let r = f(self);
        self.set_handler(saved);
        r
    }

    /// Operand-stack items under a statement here: what the enclosing
    /// blocks keep (a `for` loop's iterator, a `with`'s exit, an `except`
    /// body's previous and current exception...).
    pub(super) fn stmt_depth(&mut self) -> u32 {
        self.unit()
            .fblocks
            .iter()
            .map(|b| match b {
                FBlock::For { .. } | FBlock::With(_) | FBlock::PopValue => 1,
                FBlock::FinallyEnd | FBlock::Handler(_) => 2,
                FBlock::While { .. } | FBlock::TryExcept | FBlock::TryFinally(_) => 0,
            })
            .sum()
    }
}

/// The exception table of a unit's instructions.
pub(super) fn exception_table(cover: &[Option<u32>], handlers: &[HandlerInfo]) -> ExceptionTable {
    debug_assert!(handlers.iter().all(|h| h.target != u32::MAX), "every handler is placed");
    let handlers: Vec<(u32, u32)> = handlers.iter().map(|h| (h.target, h.depth)).collect();
    ExceptionTable::from_cover(cover, &handlers)
}
