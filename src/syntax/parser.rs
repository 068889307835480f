//! Runs the generated parser over the token stream and turns its failures
//! into CPython's messages ("expected ':'", "Missing parentheses in call to
//! 'print'", "expected an indented block after 'if' statement on line 3").

use lalrpop_util::ParseError;

use super::ast::{Expr, Stmt};
use super::error::SyntaxError;
use super::grammar::{ExpressionParser, ModuleParser};
use super::indent::{Spanned, TokenStream, tokenize};
use super::span::{LineIndex, Span};
use super::token::Tok;

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Vec<Stmt>, SyntaxError> {
    let stream = tokenize(source);
    let TokenStream { mut tokens, error } = stream;
    unparenthesize_with_items(&mut tokens);
    let input = tokens.iter().cloned().map(Ok).chain(error.clone().map(Err));
    ModuleParser::new().parse(input).map_err(|e| explain(e, &tokens, error, source))
}

/// `with (a as x, b as y,):` lists its items in parentheses (3.10+). An LR
/// grammar cannot tell that from a parenthesized expression before the
/// `as`, so the brackets go here: as CPython's parser tries the item list
/// first, `with (...)` directly followed by `:` loses its parentheses (and a
/// trailing comma) unless what is inside can only be an expression (a
/// generator, a `yield`, a walrus).
fn unparenthesize_with_items(tokens: &mut Vec<Spanned>) {
    // A mask, not a list of indices, so a file of many `with (...)` lines
    // is not quadratic.
    let mut drop = vec![false; tokens.len()];
    let mut any = false;
    for i in 0..tokens.len().saturating_sub(1) {
        if tokens[i].1 != Tok::With || tokens[i + 1].1 != Tok::LPar {
            continue;
        }
        let mut depth = 0usize;
        let mut expression_only = false;
        let mut close = None;
        for (j, (_, t, _)) in tokens.iter().enumerate().skip(i + 1) {
            match t {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                Tok::For | Tok::Yield | Tok::ColonEqual if depth == 1 => expression_only = true,
                Tok::Newline => break,
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        let followed_by_colon = matches!(tokens.get(close + 1), Some((_, Tok::Colon, _)));
        if !followed_by_colon || expression_only || close == i + 2 {
            continue;
        }
        drop[i + 1] = true;
        if tokens[close - 1].1 == Tok::Comma && close - 1 > i + 2 {
            drop[close - 1] = true;
        }
        drop[close] = true;
        any = true;
    }
    if any {
        let mut k = 0;
        tokens.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// Parses the expression of an f-string field from its tokens.
pub fn parse_expression_tokens(stream: TokenStream, end: usize) -> Result<Expr, SyntaxError> {
    let TokenStream { tokens, error } = stream;
    let input = tokens.iter().cloned().map(Ok).chain(error.clone().map(Err));
    ExpressionParser::new().parse(input).map_err(|e| match e {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken { token: (l, _, r), .. } => {
            SyntaxError::new("f-string: invalid syntax", Span::new(l, r))
        }
        _ => SyntaxError::new("f-string: invalid syntax", Span::new(end, end)),
    })
}

type RawError = ParseError<usize, Tok, SyntaxError>;

/// Finds CPython's wording for a parse failure at `token`.
fn explain(err: RawError, tokens: &[Spanned], lex_error: Option<SyntaxError>, source: &str) -> SyntaxError {
    let (at, bad, expected) = match err.clone() {
        ParseError::User { error } => return error,
        ParseError::UnrecognizedToken { token: (l, tok, r), expected } => {
            let index = tokens.iter().position(|(tl, t, _)| *tl == l && *t == tok).unwrap_or(tokens.len());
            (index, Some((l, tok, r)), expected)
        }
        ParseError::UnrecognizedEof { expected, .. } => (tokens.len(), None, expected),
        ParseError::ExtraToken { token: (l, _, r) } => {
            return SyntaxError::new("invalid syntax", Span::new(l, r));
        }
        ParseError::InvalidToken { location } => {
            return SyntaxError::new("invalid syntax", Span::new(location, location));
        }
    };
    // CPython reports a tokenizer error found later in the file in place of
    // any error the parser found; an unclosed bracket only if the parser
    // failed on a later line than the bracket's.
    if let Some(e) = lex_error {
        let lines = LineIndex::new(source);
        let unclosed = e.msg.ends_with("was never closed");
        let at_line = match &err {
            ParseError::UnrecognizedToken { token: (l, _, _), .. } => lines.line(*l as u32),
            _ => usize::MAX,
        };
        if !unclosed || at_line > lines.line(e.span.start) {
            return e;
        }
    }
    let expects = |t: &str| expected.iter().any(|e| e == t);
    let lines = LineIndex::new(source);
    let end = source.len();
    let (l, tok, r) = bad.clone().unwrap_or((end, Tok::Newline, end));
    let span = Span::new(l, r.max(l + 1).min(end.max(l)));

    if tok == Tok::Indent && bad.is_some() {
        // CPython points at the last character of the indentation.
        let at = Span::new(l.saturating_sub(1), l.saturating_sub(1));
        return SyntaxError::indentation("unexpected indent", at);
    }
    if expects("INDENT") {
        if let Some(msg) = block_header(tokens, at, &lines) {
            // One caret at the statement that should have been indented.
            let s = Span::new(l, (l + 1).min(end.max(l)));
            return SyntaxError::indentation(msg, s);
        }
        return SyntaxError::indentation("expected an indented block", span);
    }
    let start = statement_start(tokens, at);
    // Python 2's print and exec statements.
    if at == start + 1
        && bad.is_some()
        && let Some((sl, Tok::Name(name), _)) = tokens.get(start)
        && (name == "print" || name == "exec")
        && starts_expression(&tok)
    {
        let stop = line_end(tokens, at);
        return SyntaxError::new(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            Span::new(*sl, stop),
        );
    }
    let header = tokens.get(start).map(|t| &t.1);
    let compound = matches!(
        header,
        Some(
            Tok::If
                | Tok::Elif
                | Tok::Else
                | Tok::While
                | Tok::For
                | Tok::Try
                | Tok::Except
                | Tok::Finally
                | Tok::With
                | Tok::Class
                | Tok::Def
        )
    );
    if tok == Tok::Equal && matches!(header, Some(Tok::If | Tok::Elif | Tok::While)) {
        return SyntaxError::new("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", span);
    }
    if expects("\"else\"") && tok == Tok::Newline {
        let if_at = tokens[start..at].iter().rposition(|t| t.1 == Tok::If).map(|i| i + start);
        if let Some(i) = if_at.and_then(|i| expression_start(tokens, start, i)) {
            return SyntaxError::new("expected 'else' after 'if' expression", Span::new(tokens[i].0, l));
        }
    }
    if let Some(e) = dict_item_error(tokens, at, &tok, expects("\":\"")) {
        return e;
    }
    if expects("\":\"") && compound && (tok == Tok::Newline || !starts_expression(&tok)) {
        let prev_end = at.checked_sub(1).map(|p| tokens[p].2).unwrap_or(l);
        return SyntaxError::new("expected ':'", Span::new(prev_end, prev_end));
    }
    if expects("\"(\"") && expected.len() == 1 {
        return SyntaxError::new("expected '('", span);
    }
    if (expects("\"except\"") || expects("\"finally\"")) && matches!(tokens.get(start), Some((_, Tok::Try, _)) | None) {
        return SyntaxError::new("expected 'except' or 'finally' block", span);
    }
    if (expects("\"except\"") || expects("\"finally\"")) && after_try_body(tokens, at) {
        return SyntaxError::new("expected 'except' or 'finally' block", span);
    }
    if bad.is_some()
        && starts_expression(&tok)
        && at > 0
        && ends_expression(&tokens[at - 1].1)
        && inside_brackets(tokens, at)
    {
        let from = expression_start(tokens, start, at - 1).map(|i| tokens[i].0).unwrap_or(tokens[at - 1].0);
        return SyntaxError::new("invalid syntax. Perhaps you forgot a comma?", Span::new(from, r));
    }
    if bad.is_none() {
        return SyntaxError::new("unexpected EOF while parsing", Span::new(end, end));
    }
    SyntaxError::new("invalid syntax", span)
}

/// Index of the first token of the logical line containing `at`.
fn statement_start(tokens: &[Spanned], at: usize) -> usize {
    let mut i = at.min(tokens.len());
    while i > 0 {
        match tokens[i - 1].1 {
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Semi => break,
            // Inline suites: `if x: pass` starts a statement after the colon.
            _ => i -= 1,
        }
    }
    i
}

/// End offset of the last token on the logical line of `at`.
fn line_end(tokens: &[Spanned], at: usize) -> usize {
    let mut end = tokens.get(at).map(|t| t.2).unwrap_or(0);
    for t in &tokens[at.min(tokens.len())..] {
        if t.1 == Tok::Newline {
            break;
        }
        end = t.2;
    }
    end
}

/// "expected an indented block after 'if' statement on line N".
fn block_header(tokens: &[Spanned], at: usize, lines: &LineIndex) -> Option<String> {
    // tokens[at - 1] is the NEWLINE after the header's colon.
    let colon = at.checked_sub(2)?;
    if tokens.get(colon)?.1 != Tok::Colon {
        return None;
    }
    let mut i = statement_start(tokens, colon);
    // Skip decorators, which are lines of their own.
    while matches!(tokens.get(i), Some((_, Tok::At, _))) {
        i = tokens[i..].iter().position(|t| t.1 == Tok::Newline).map(|p| i + p + 1)?;
    }
    // A compound statement may follow an inline `else:`/`try:` on one line;
    // the header is the last keyword that opens a block before the colon.
    let (pos, tok, _) = (i..=colon)
        .rev()
        .find(|&k| {
            matches!(
                tokens[k].1,
                Tok::If
                    | Tok::Elif
                    | Tok::Else
                    | Tok::While
                    | Tok::For
                    | Tok::Try
                    | Tok::Except
                    | Tok::Finally
                    | Tok::With
                    | Tok::Def
                    | Tok::Class
            ) && is_header_keyword(tokens, k, i)
        })
        .map(|k| &tokens[k])?;
    let what = match tok {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::Try => "'try' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::With => "'with' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        _ => return None,
    };
    Some(format!("expected an indented block after {what} on line {}", lines.line(*pos as u32)))
}

/// A keyword opens the block only if it starts the statement (an `if` in a
/// conditional expression or comprehension does not).
fn is_header_keyword(tokens: &[Spanned], idx: usize, start: usize) -> bool {
    // By index: a DEDENT before the keyword has the same offset.
    idx == start || matches!(tokens.get(idx.wrapping_sub(1)).map(|t| &t.1), Some(Tok::Colon))
}

/// True if the error token follows the dedent that closes a `try:` body.
fn after_try_body(tokens: &[Spanned], at: usize) -> bool {
    let mut depth = 0i32;
    let mut i = at;
    while i > 0 {
        i -= 1;
        match tokens[i].1 {
            Tok::Dedent => depth += 1,
            Tok::Indent => {
                depth -= 1;
                if depth == 0 {
                    let s = statement_start(tokens, i.saturating_sub(2));
                    return matches!(tokens.get(s), Some((_, Tok::Try, _)));
                }
            }
            _ => {}
        }
    }
    false
}

/// Walks back from `end` to the first token of the expression it ends.
fn expression_start(tokens: &[Spanned], floor: usize, end: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut i = end;
    loop {
        match tokens[i].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if depth == 0 {
                    return Some(i + 1);
                }
                depth -= 1;
            }
            Tok::Comma | Tok::Equal | Tok::Colon if depth == 0 => return Some(i + 1),
            _ => {}
        }
        if i == floor {
            return Some(i);
        }
        i -= 1;
    }
}

/// CPython's messages for a dict display item without its value
/// (`{'a': 1, 'b'}`) or with nothing after the colon (`{'a':}`).
fn dict_item_error(tokens: &[Spanned], at: usize, tok: &Tok, colon_expected: bool) -> Option<SyntaxError> {
    let prev = tokens.get(at.checked_sub(1)?)?;
    // The innermost open bracket, and the separators directly inside it.
    let mut depth = 0i32;
    let mut colons = 0;
    let mut last_comma = None;
    let mut open = None;
    for k in (0..at).rev() {
        match tokens[k].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                open = Some(k);
                break;
            }
            Tok::Colon if depth == 0 => colons += 1,
            Tok::Comma if depth == 0 => last_comma = last_comma.or(Some(k)),
            Tok::Newline | Tok::Indent | Tok::Dedent => return None,
            _ => {}
        }
    }
    if tokens[open?].1 != Tok::LBrace || colons == 0 {
        return None;
    }
    if prev.1 == Tok::Colon && matches!(tok, Tok::RBrace | Tok::Comma) {
        return Some(SyntaxError::new("expression expected after dictionary key and ':'", Span::new(prev.0, prev.2)));
    }
    // A key after a comma whose colon is missing.
    let after_comma = last_comma.is_some_and(|c| !tokens[c..at].iter().any(|t| t.1 == Tok::Colon));
    if colon_expected && after_comma && *tok != Tok::Colon && last_comma != Some(at - 1) {
        let end = prev.2.max(1);
        return Some(SyntaxError::new("':' expected after dictionary key", Span::new(end - 1, end)));
    }
    None
}

fn inside_brackets(tokens: &[Spanned], at: usize) -> bool {
    let mut depth = 0i32;
    for t in tokens[..at].iter().rev() {
        match t.1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if depth == 0 {
                    return true;
                }
                depth -= 1;
            }
            Tok::Newline | Tok::Indent | Tok::Dedent => return false,
            _ => {}
        }
    }
    false
}

fn starts_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Lambda
            | Tok::Not
            | Tok::Tilde
            | Tok::Ellipsis
    )
}

fn ends_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::Ellipsis
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::{ExprKind, StmtKind};

    fn err(src: &str) -> String {
        parse_module(src).expect_err("expected a syntax error").msg
    }

    #[test]
    fn parses_a_small_program() {
        let m = parse_module("def f(a, b=1, *c, d, **e):\n    return a + b\nx = f(1, *[2], d=3)\n").unwrap();
        assert_eq!(m.len(), 2);
        assert!(matches!(m[0].kind, StmtKind::FunctionDef(_)));
        match &m[1].kind {
            StmtKind::Assign { targets, value } => {
                assert_eq!(targets.len(), 1);
                assert!(matches!(value.kind, ExprKind::Call { .. }));
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn precedence() {
        let m = parse_module("x = 1 + 2 * 3 ** -4\n").unwrap();
        let StmtKind::Assign { value, .. } = &m[0].kind else { panic!() };
        let ExprKind::BinOp { op, right, .. } = &value.kind else { panic!() };
        assert_eq!(*op, crate::syntax::ast::BinOp::Add);
        assert!(matches!(right.kind, ExprKind::BinOp { op: crate::syntax::ast::BinOp::Mul, .. }));
    }

    #[test]
    fn fstrings() {
        let m = parse_module("f'a{x!r:>{w}}b{y=}'\n").unwrap();
        let StmtKind::Expr(e) = &m[0].kind else { panic!() };
        let ExprKind::FString(parts) = &e.kind else { panic!() };
        assert_eq!(parts.len(), 4);
    }

    #[test]
    fn cpython_messages() {
        assert_eq!(err("print 'hi'\n"), "Missing parentheses in call to 'print'. Did you mean print(...)?");
        assert_eq!(err("if x:\npass\n"), "expected an indented block after 'if' statement on line 1");
        assert_eq!(err("def f():\nreturn 1"), "expected an indented block after function definition on line 1");
        assert_eq!(err("  x = 1\n"), "unexpected indent");
        assert_eq!(err("if x\n  pass\n"), "expected ':'");
        assert_eq!(err("f(a b)\n"), "invalid syntax. Perhaps you forgot a comma?");
        assert_eq!(err("x = 1 y = 2\n"), "invalid syntax");
        assert_eq!(err("1 = x\n"), "cannot assign to literal here. Maybe you meant '==' instead of '='?");
        assert_eq!(err("def f(a=1, b): pass\n"), "non-default argument follows default argument");
        assert_eq!(err("f(a=1, b)\n"), "positional argument follows keyword argument");
        assert_eq!(err("x = [1, 2\ny = 3\n"), "'[' was never closed");
        assert_eq!(err("if x = 1:\n pass\n"), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        assert_eq!(err("x = 1 if 2\n"), "expected 'else' after 'if' expression");
        assert_eq!(err("try:\n pass\nx=1\n"), "expected 'except' or 'finally' block");
        assert_eq!(err("f'{}'\n"), "f-string: empty expression not allowed");
    }
}
