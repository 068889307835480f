//! The recursion limit, for Python frames and for Rust code alike.
//!
//! A thread's recursion depth is its number of Python frames plus the
//! number of Rust-level recursive operations in progress (`Vm::c_depth`):
//! repr and str of objects, rich comparisons, hashing of tuples, calls of
//! native callables, the process codec... — every Rust path that can
//! recurse on user data enters a level with [`Vm::enter`] (or runs under
//! [`Vm::nested`]) and leaves it when done. So Python → native → Python
//! chains count against the one limit `sys.setrecursionlimit` sets, as in
//! CPython 3.11 (whose C and Python recursion share one counter), and the
//! message tells what was being done when the limit was hit, with
//! CPython's wording.
//!
//! The limit alone cannot keep a small native stack safe (a script may set
//! it to 100000), so entering a level also compares the stack pointer with
//! the thread's stack bounds and raises the same RecursionError when less
//! than a reserve is left.

use super::error::recursion_error_with;
use super::{PyResult, Vm, stack_address};

/// What a Rust-level recursion was doing: CPython's message suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recursing {
    /// `repr(x)` of anything that may recurse.
    Repr,
    /// `str(x)` of an object with its own `__str__`.
    Str,
    /// A rich comparison that is not between two immediates.
    Compare,
    /// Anything else: the message has no suffix, as for Python frames.
    /// Calls of native callables and of callable objects are counted so:
    /// CPython 3.11's specialised calls of builtins check no limit, so the
    /// limit is hit entering the next Python frame, with no suffix.
    Other,
    /// Encoding a value for another process.
    Pickle,
}

impl Recursing {
    fn message(self) -> &'static str {
        match self {
            Recursing::Repr => "maximum recursion depth exceeded while getting the repr of an object",
            Recursing::Str => "maximum recursion depth exceeded while getting the str of an object",
            Recursing::Compare => "maximum recursion depth exceeded in comparison",
            Recursing::Other => "maximum recursion depth exceeded",
            Recursing::Pickle => "maximum recursion depth exceeded while pickling an object",
        }
    }
}

impl Vm {
    /// The thread's recursion depth: Python frames and Rust levels.
    #[inline]
    pub fn depth(&self) -> usize {
        self.frames.len() + self.c_depth
    }

    /// Whether one more level (a frame or a Rust recursion) would pass the
    /// limit or run the native stack too low.
    #[inline]
    pub(crate) fn too_deep(&self) -> bool {
        self.depth() >= self.recursion_limit() || stack_address() < self.stack_limit
    }

    /// Enters one level of Rust recursion; pair with [`Vm::leave`].
    #[inline]
    pub fn enter(&mut self, why: Recursing) -> PyResult<()> {
        if self.too_deep() {
            return Err(recursion_error_with(why.message()));
        }
        self.c_depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave(&mut self) {
        self.c_depth -= 1;
    }

    /// Runs `f` one level deeper.
    #[inline]
    pub fn nested<T>(&mut self, why: Recursing, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter(why)?;
        let r = f(self);
        self.leave();
        r
    }
}
