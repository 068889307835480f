//! The front end: source bytes in, checked AST out.
//!
//! `source` decodes the bytes (BOM, PEP 263 coding declaration), `token` (logos) lexes, `indent` makes NEWLINE/INDENT/DEDENT and checks
//! brackets, the lalrpop grammar in `grammar/pyl.lalrpop` parses, and
//! `actions`/`strings` check what the grammar cannot. Every failure is a
//! [`SyntaxError`] with a span and CPython's message; no input panics.

pub mod actions;
pub mod ast;
pub mod error;
pub mod help;
pub mod indent;
pub mod interactive;
pub mod parser;
pub mod pattern_actions;
pub mod source;
pub mod span;
pub mod strings;
pub mod token;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    grammar,
    "/pyl.rs"
);

pub use error::{Place, SyntaxError, SyntaxErrorKind};
pub use parser::parse_module;
pub use span::{LineIndex, Span};
