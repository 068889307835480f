//! Exception tables: where an exception raised in a code object goes.
//!
//! Contract: a code object's table is a list of ranges of instructions,
//! sorted and not overlapping. The range that contains the faulting
//! instruction (the one whose index is `pc - 1` once the loop has moved
//! past it) names the handler: the stack is cut back to `depth` operand
//! items (above the locals), the exception is pushed and execution goes
//! on at `target`. No range: the frame has no handler there and the
//! exception leaves it. Each instruction is covered by the innermost
//! `try`, `with` or `except` clean-up that is active there; the compiler
//! works this out while it emits (`compiler/handlers.rs`) and cuts a range
//! where code inside a `try` must not be covered by its handler: a
//! `finally` body copied before a `return`, `break` or `continue`, and the
//! handler code itself.
//!
//! Why: entering and leaving a `try` or `with` now costs nothing, where a
//! block stack cost an instruction to push a handler and one to pop it
//! (CPython 3.11's "zero-cost" exceptions). Only a raise pays, for a
//! binary search here. Measured with callgrind (`scripts/bench_micro.sh`,
//! quick build): `try: pass` in a loop 53 → 0 instructions per iteration
//! (CPython: 11), raise and catch 2998 → 2911;
//! `scripts/bench/try_except.pyl` 1,668 → 1,566 million instructions.

/// One range of the table: instructions `start..end` are handled at
/// `target` with the operand stack cut back to `depth` items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// The handlers of one code object, sorted by `start`, not overlapping.
#[derive(Clone, Debug, Default)]
pub struct ExceptionTable {
    entries: Box<[Handler]>,
}

impl ExceptionTable {
    /// The table of code whose instruction `i` is handled by
    /// `cover[i]` (an index into `handlers`, whose items are `(target,
    /// depth)`), or by nothing: runs of one handler become one range.
    pub fn from_cover(cover: &[Option<u32>], handlers: &[(u32, u32)]) -> ExceptionTable {
        let mut entries: Vec<Handler> = Vec::new();
        let mut run: Option<(u32, usize)> = None;
        let close = |run: Option<(u32, usize)>, end: usize, entries: &mut Vec<Handler>| {
            if let Some((h, start)) = run {
                let (target, depth) = handlers[h as usize];
                entries.push(Handler { start: start as u32, end: end as u32, target, depth });
            }
        };
        for (pc, &h) in cover.iter().enumerate() {
            if run.map(|(r, _)| r) != h {
                close(run, pc, &mut entries);
                run = h.map(|h| (h, pc));
            }
        }
        close(run, cover.len(), &mut entries);
        ExceptionTable { entries: entries.into_boxed_slice() }
    }

    /// The handler of the instruction at `pc`, if any.
    pub fn lookup(&self, pc: usize) -> Option<&Handler> {
        let pc = pc as u32;
        let i = self.entries.partition_point(|h| h.end <= pc);
        self.entries.get(i).filter(|h| h.start <= pc)
    }

    pub fn entries(&self) -> &[Handler] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_ranges_and_the_covering_one_is_found() {
        let cover = [None, Some(0), Some(0), Some(1), Some(0), None, Some(1)];
        let t = ExceptionTable::from_cover(&cover, &[(10, 0), (20, 2)]);
        let starts: Vec<(u32, u32, u32)> = t.entries().iter().map(|h| (h.start, h.end, h.target)).collect();
        assert_eq!(starts, [(1, 3, 10), (3, 4, 20), (4, 5, 10), (6, 7, 20)]);
        assert_eq!(t.lookup(0), None);
        assert_eq!(t.lookup(2).map(|h| h.target), Some(10));
        assert_eq!(t.lookup(3).map(|h| (h.target, h.depth)), Some((20, 2)));
        assert_eq!(t.lookup(5), None);
        assert_eq!(t.lookup(6).map(|h| h.target), Some(20));
        assert_eq!(t.lookup(7), None);
    }
}
