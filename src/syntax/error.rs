//! Syntax errors: what the lexer, the indentation layer, the parser and the
//! compiler report about a source text that cannot run.

use super::span::Span;

/// Which Python exception a syntax problem becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// Too deeply nested to compile: CPython raises RecursionError.
    Recursion,
}

impl SyntaxErrorKind {
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
            SyntaxErrorKind::Recursion => "RecursionError",
        }
    }
}

/// A syntax error with the span it points at (CPython's caret range).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {msg}", kind.class_name())]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub span: Span,
    /// Some errors are reported at a line other than the span's (CPython
    /// reports "unterminated triple-quoted string" at the string's start
    /// but says where it was detected in the message).
    pub line_override: Option<usize>,
    /// An extra line of help printed after the error (for learners).
    pub hint: Option<String>,
    /// Where the error is reported, when not at `span`.
    pub place: Place,
}

/// Where a syntax error points. Most point at their span; the errors of
/// decoding the source bytes ([`super::source`]) come before there is a
/// text to take spans of, and CPython places them differently.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Place {
    /// At the error's span in the source text.
    #[default]
    Span,
    /// At a 1-based line and column (0: no caret) of the undecodable
    /// bytes, showing `text`.
    Line { line: usize, column: usize, text: String },
    /// CPython's `line 0` with no text (an unknown encoding named in
    /// bytes given to `exec`).
    LineZero,
    /// No position at all: only `SyntaxError: message`.
    Nowhere,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: msg.into(),
            span,
            line_override: None,
            hint: None,
            place: Place::Span,
        }
    }

    pub fn indentation(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Indentation, ..SyntaxError::new(msg, span) }
    }

    pub fn tab(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::Tab, ..SyntaxError::new(msg, span) }
    }

    /// A tree nested past [`super::ast::MAX_DEPTH`]: CPython's
    /// RecursionError, which has no position.
    pub fn too_deep(span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Recursion,
            ..SyntaxError::new("maximum recursion depth exceeded during compilation", span)
        }
    }

    pub fn placed(mut self, place: Place) -> SyntaxError {
        self.place = place;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> SyntaxError {
        self.hint = Some(hint.into());
        self
    }
}
