//! Help for learners that pyl prints after CPython's syntax error report,
//! for damage typical of code copied from a web page or a book: curly
//! quotes, Python 2's `print x`, and two statements that lost the line
//! break between them.
//!
//! The report itself stays exactly CPython's; this text comes after it.

use super::error::{SyntaxError, SyntaxErrorKind};

/// The help for `e`, raised at 0-based character `column` of `line`.
pub fn learner_help(e: &SyntaxError, line: &str, column: usize) -> Option<String> {
    if let Some(hint) = &e.hint {
        let mut help = hint.clone();
        if let Some(fixed) = straight_quotes(line) {
            help.push_str(&format!("\n    {}", fixed.trim()));
        }
        return Some(help);
    }
    if e.kind == SyntaxErrorKind::Syntax && e.msg == "invalid syntax" {
        return run_together(line, column);
    }
    if e.msg.starts_with("Missing parentheses in call to 'print'") {
        return python2_print(line);
    }
    None
}

/// `print x` written as Python 3's `print(x)`, when that is all the line
/// holds (not `print >>f, x` or a trailing comma, which need more thought).
fn python2_print(line: &str) -> Option<String> {
    let args = line.trim().strip_prefix("print")?.trim();
    if args.is_empty() || args.starts_with(">>") || args.ends_with(',') {
        return None;
    }
    let fixed = format!("print({args})");
    super::parse_module(&fixed).ok()?;
    Some(format!("In Python 3, print is a function: its arguments go in parentheses:\n    {fixed}"))
}

/// The line with its curly (and full-width) quotes made straight, if it
/// has any: what the learner meant to write.
fn straight_quotes(line: &str) -> Option<String> {
    let fixed: String = line
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{ff07}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{ff02}' => '"',
            c => c,
        })
        .collect();
    (fixed != line).then_some(fixed)
}

/// `x = 1 y = 2`: when both sides of the error are statements on their
/// own, the line break between them was probably lost.
fn run_together(line: &str, column: usize) -> Option<String> {
    let at = line.char_indices().nth(column)?.0;
    let (first, second) = line.split_at(at);
    let (first, second) = (first.trim(), second.trim());
    if first.is_empty() || second.is_empty() {
        return None;
    }
    super::parse_module(first).ok()?;
    super::parse_module(second).ok()?;
    Some(format!(
        "Two statements are run together on this line; each needs a line of its own \
         (or a ';' between them):\n    {first}\n    {second}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Span;

    #[test]
    fn run_together_statements() {
        let e = SyntaxError::new("invalid syntax", Span::default());
        let help = learner_help(&e, "x = 1 y = 2", 6).unwrap();
        assert!(help.ends_with("\n    x = 1\n    y = 2"), "{help}");
        assert_eq!(learner_help(&e, "else if x:", 5), None);
    }

    #[test]
    fn python2_print_statements() {
        let e = SyntaxError::new("Missing parentheses in call to 'print'. Did you mean print(...)?", Span::default());
        assert!(learner_help(&e, "    print 'hi', x", 4).unwrap().ends_with("\n    print('hi', x)"));
        assert_eq!(learner_help(&e, "print >>f, x", 0), None);
    }

    #[test]
    fn curly_quotes_are_straightened() {
        let e = SyntaxError::new("invalid character", Span::default()).with_hint("help");
        assert_eq!(learner_help(&e, "print(\u{2018}hi\u{2019})", 6).as_deref(), Some("help\n    print('hi')"));
    }
}
