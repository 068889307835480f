//! `--timeline FILE`: when each thread ran, waited for the interpreter
//! lock and was blocked, drawn at exit as `FILE.svg`, `FILE.html` and
//! `FILE.json` (Chrome trace events).

pub mod log;
pub mod model;
