//! When the lines typed so far are a whole piece of input: decided by
//! parsing them, as CPython's interactive loop does. An open bracket, an
//! unterminated triple-quoted string or a trailing backslash always wants
//! more lines; a compound statement (`if`, `def`, ...) wants more until a
//! blank line closes it; anything else runs at once, syntax errors
//! included, so that they are reported where they were typed.

use super::ast::StmtKind;
use super::{SyntaxError, parse_module};

/// Whether `lines` (without their newlines) should run now.
pub fn is_complete(lines: &[String]) -> bool {
    let Some(last) = lines.last() else { return false };
    let source = lines.join("\n") + "\n";
    if last.trim_end().ends_with('\\') {
        return false;
    }
    let closed_by_blank = lines.len() > 1 && last.trim().is_empty();
    match parse_module(&source) {
        Ok(stmts) => closed_by_blank || !stmts.iter().any(|s| is_compound(&s.kind)),
        Err(e) if never_closed(&e) => false,
        Err(_) if closed_by_blank => true,
        // A block header alone (`if x:`), a `try` body without its
        // `except` yet, a decorator without its function: the error is
        // at the end of the text, and the next lines may well fix it.
        Err(e) => !(at_end(&e, &source) && in_block(lines)),
    }
}

/// Statements with a block: more of the block, or an `else`, may follow.
fn is_compound(kind: &StmtKind) -> bool {
    matches!(
        kind,
        StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::Try { .. }
            | StmtKind::With { .. }
            | StmtKind::Match { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
    )
}

/// An open bracket or triple-quoted string: a blank line does not close
/// those either.
fn never_closed(e: &SyntaxError) -> bool {
    e.msg.ends_with("was never closed") || e.msg.starts_with("unterminated triple-quoted string")
}

fn at_end(e: &SyntaxError, source: &str) -> bool {
    e.span.start as usize >= source.trim_end().len()
}

/// Whether the input is (or begins) an indented block, where the rest
/// of a statement may come on later lines.
fn in_block(lines: &[String]) -> bool {
    let first = lines[0].trim();
    lines.len() > 1 || first.starts_with('@') || code_of(first).trim_end().ends_with(':')
}

/// The line without a trailing comment (a `#` inside a string is rare
/// enough on a block header to be ignored).
fn code_of(line: &str) -> &str {
    line.split('#').next().unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::is_complete;

    fn complete(text: &[&str]) -> bool {
        let lines: Vec<String> = text.iter().map(|s| s.to_string()).collect();
        is_complete(&lines)
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert!(complete(&["1 + 1"]));
        assert!(complete(&["x = 3"]));
        assert!(complete(&["1 +"]), "a syntax error is reported at once");
        assert!(complete(&["x = (1,", "2)"]));
    }

    #[test]
    fn open_brackets_and_strings_continue() {
        assert!(!complete(&["x = (1,"]));
        assert!(!complete(&["x = (1,", ""]));
        assert!(!complete(&["s = '''abc"]));
        assert!(complete(&["s = '''abc", "def'''"]));
        assert!(!complete(&["x = 1 + \\"]));
    }

    #[test]
    fn blocks_wait_for_a_blank_line() {
        assert!(!complete(&["def f():"]));
        assert!(!complete(&["def f():", "    return 1"]));
        assert!(complete(&["def f():", "    return 1", ""]));
        assert!(!complete(&["if 1: pass"]));
        assert!(!complete(&["try:", "    x = 1"]));
        assert!(!complete(&["@decorator"]));
        assert!(complete(&["if 1:", ""]), "an empty block is an error to report");
    }

    #[test]
    fn errors_inside_a_block_are_reported_at_once() {
        assert!(complete(&["if 1:", "x = )"]));
    }
}
