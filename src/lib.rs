//! pyl: a Python-3-like interpreter for learning threads, processes and the GIL.
pub mod syntax;
