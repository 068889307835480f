//! The marker line under a traceback's source line, as CPython 3.11 draws it.
//!
//! Takes the source and the span of the instruction that failed (recorded
//! per instruction by the compiler; nothing here runs until a traceback is
//! formatted) and gives the stripped source line plus, where CPython shows
//! one, a line of `^` (the failing expression) and `~` (its operands):
//!
//! - a binary operation on one line: `~` under the operands, `^` under the
//!   operator; a subscript: `~` under the value, `^` from the `[` on;
//! - anything else: `^` under the whole expression, or under the rest of
//!   its first line when it continues on later lines;
//! - no marker line when plain `^` would cover the whole stripped line.
//!
//! CPython finds the operator by parsing the failing segment again; so do
//! we, with our own parser, which keeps the location table to one span per
//! instruction.

use crate::bytecode::Source;
use crate::syntax::Span;
use crate::syntax::ast::{ExprKind, StmtKind};

/// One frame's source line as a traceback prints it.
pub struct FrameLine {
    /// The line without leading and trailing whitespace.
    pub text: String,
    /// Spaces, then `~` and `^`, aligned with `text`; `None` when no marker
    /// line is printed.
    pub markers: Option<String>,
}

/// The source line `line` and the marker line for an instruction at `span`.
/// Nothing for code that did not come from a file (`-c`, stdin, `exec`):
/// CPython has no line to show for `<string>` or `<stdin>`.
pub fn frame_line(source: &Source, line: usize, span: Span) -> Option<FrameLine> {
    if source.filename.starts_with('<') {
        return None;
    }
    let raw = source.line_text(line);
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    let markers = markers(source, line, raw, span);
    Some(FrameLine { text: text.to_string(), markers })
}

fn markers(source: &Source, line: usize, raw: &str, span: Span) -> Option<String> {
    if span.start >= span.end || source.line_of(span.start) != line {
        return None;
    }
    let indent = raw.chars().count() - raw.trim_start().chars().count();
    let stripped_len = raw.trim().chars().count();
    let start = source.lines.column(&source.text, span.start);
    let single_line = source.line_of(span.end) == line;
    let end = if single_line { source.lines.column(&source.text, span.end) } else { indent + stripped_len };
    if start < indent || end <= start {
        return None;
    }
    let anchors = if single_line {
        let from = span.start as usize;
        source.text.get(from..span.end as usize).and_then(anchors)
    } else {
        None
    };
    if anchors.is_none() && end - start >= stripped_len {
        return None;
    }
    // Columns are characters; the markers go under them by display
    // width, as CPython's do (a CJK character takes two columns).
    let widths: Vec<usize> = raw.chars().map(display_width).collect();
    let mut out = " ".repeat(widths.get(indent..start).map_or(0, |w| w.iter().sum()));
    for i in 0..end - start {
        let primary = match anchors {
            Some((a, b)) => i >= a && i < b,
            None => true,
        };
        let mark = if primary { '^' } else { '~' };
        for _ in 0..widths.get(start + i).copied().unwrap_or(1) {
            out.push(mark);
        }
    }
    Some(out)
}

/// The columns a character takes on a terminal, by CPython's rule: two
/// for East Asian wide and fullwidth characters, one for any other.
pub fn display_width(c: char) -> usize {
    if unicode_width::UnicodeWidthChar::width(c) == Some(2) { 2 } else { 1 }
}

/// Where the primary part of a one-line segment lies, in characters from
/// its start: the operator of a binary operation, or the brackets of a
/// subscript. `None` for any other expression.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::syntax::parse_module(segment).ok()?;
    let [stmt] = module.as_slice() else {
        return None;
    };
    let StmtKind::Expr(e) = &stmt.kind else {
        return None;
    };
    let chars = |byte: usize| segment.get(..byte).map_or(0, |s| s.chars().count());
    let after = |end: u32| {
        // Closing brackets of a parenthesized operand belong to the operand.
        let rest = segment.get(end as usize..)?;
        let skipped = rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || c == ')').len();
        Some(end as usize + skipped)
    };
    match &e.kind {
        ExprKind::BinOp { left, op, .. } => {
            let at = after(left.span.end)?;
            Some((chars(at), chars(at) + op.symbol().len()))
        }
        ExprKind::Subscript { value, .. } => {
            let at = after(value.span.end)?;
            Some((chars(at), chars(segment.len())))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(src: &str, from: &str) -> Option<String> {
        let source = Source::new("t.py", src);
        let start = src.find(from).unwrap();
        let span = Span::new(start, start + from.len());
        frame_line(&source, source.line_of(span.start), span).and_then(|l| l.markers)
    }

    #[test]
    fn binary_operations_mark_the_operator() {
        assert_eq!(marks("y = (x) + ('a')\n", "(x) + ('a')").as_deref(), Some("    ~~~~^~~~~~~"));
        assert_eq!(marks("y = x // 0\n", "x // 0").as_deref(), Some("    ~~^^~~"));
        assert_eq!(marks("1/0\n", "1/0").as_deref(), Some("~^~"));
    }

    #[test]
    fn subscripts_mark_the_brackets() {
        assert_eq!(marks("    x [ 0 ]   # c\n", "x [ 0 ]").as_deref(), Some("~~^^^^^"));
    }

    #[test]
    fn whole_line_has_no_markers() {
        assert_eq!(marks("f(1)\n", "f(1)"), None);
        assert_eq!(marks("y = f(1)\n", "f(1)").as_deref(), Some("    ^^^^"));
        assert_eq!(marks("y = f(\n 1)\n", "f(\n 1)").as_deref(), Some("    ^^"));
    }
}
