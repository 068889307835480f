//! `--timeline FILE`: when each thread ran bytecode, waited for the
//! interpreter lock or was blocked, drawn at exit as `FILE.svg` (a static
//! drawing), `FILE.html` (an interactive page) and `FILE.json` (Chrome
//! trace events, for Perfetto or chrome://tracing).
//!
//! The interpreter lock closes a span at every phase change of a thread
//! into its `log`; at exit `write` resolves the logs into a `model::Picture`
//! (a forked child hands its lanes to the first process through `parts`),
//! and the writers draw it. `coarsen` keeps both the logs and the drawings
//! bounded: spans shorter than a resolution merge.

pub mod chrome;
pub mod coarsen;
pub mod html;
pub mod log;
pub mod model;
pub mod parts;
pub mod svg;
pub mod write;
