//! The indentation layer: raw tokens in, the parser's token stream out.
//!
//! It turns physical newlines into NEWLINE tokens at the end of logical
//! lines (none inside brackets, none for blank or comment-only lines),
//! measures the indentation of each logical line and emits INDENT/DEDENT,
//! checks bracket pairing and nesting depth, and converts lexer failures
//! into positioned [`SyntaxError`]s with CPython's messages. The stream
//! always ends with NEWLINE (if the last line had tokens) and the DEDENTs
//! that close every open block.
//!
//! It also resolves the soft keywords `match` and `case` (PEP 634), so the
//! LALR grammar sees plain keyword tokens and a name elsewhere stays a name
//! (`match = 3`, `case(1)`). A logical line is a match header exactly when
//! its first token is the name `match` and its last is a `:` outside
//! brackets: no simple statement ends with a colon and no other compound
//! statement starts with a name, so the test is exact without
//! backtracking. The first line after a header that opens a block fixes the
//! indentation of the case blocks; a line at that level starting with the
//! name `case` gets the keyword (a match block holds only case blocks, and
//! `case` deeper inside a case body stays a name). Doing it here keeps the
//! grammar free of the ambiguity a parser-level soft keyword would bring.

use logos::Logos;

use super::error::SyntaxError;
use super::span::{LineIndex, Span};
use super::token::{LexError, Tok};

/// A token with its byte range, as lalrpop wants it.
pub type Spanned = (usize, Tok, usize);

/// CPython's tokenizer limit on bracket nesting.
const MAX_BRACKET_DEPTH: usize = 200;

/// CPython's tokenizer limit on indentation levels, the first one (column
/// 0) included.
const MAX_INDENT_LEVELS: usize = 100;

/// Everything the tokenizer produced: the tokens up to the first error, and
/// that error if there was one.
pub struct TokenStream {
    pub tokens: Vec<Spanned>,
    pub error: Option<SyntaxError>,
}

/// Tokenizes a whole source text.
pub fn tokenize(source: &str) -> TokenStream {
    tokenize_at(source, 0, false)
}

/// Tokenizes `source` as if it started at byte `base` of a larger text (so
/// spans point into that text). In expression mode (the fields of an
/// f-string) line breaks and indentation mean nothing, as inside brackets.
pub fn tokenize_at(source: &str, base: usize, expression: bool) -> TokenStream {
    let mut layout = Layout {
        source,
        lines: LineIndex::new(source),
        tokens: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        line_has_tokens: false,
        expression,
        line_first: 0,
        after_match_header: false,
        case_levels: Vec::new(),
    };
    let mut error = layout.run().err();
    let mut tokens = layout.tokens;
    if base != 0 {
        for (l, _, r) in &mut tokens {
            *l += base;
            *r += base;
        }
        if let Some(e) = &mut error {
            e.span.start += base as u32;
            e.span.end += base as u32;
        }
    }
    TokenStream { tokens, error }
}

struct Layout<'s> {
    source: &'s str,
    lines: LineIndex,
    tokens: Vec<Spanned>,
    /// Open indentation levels: (column with tabs to 8, column with tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the bracket character and its offset.
    brackets: Vec<(char, usize)>,
    line_has_tokens: bool,
    expression: bool,
    /// Index in `tokens` of the current logical line's first token.
    line_first: usize,
    /// The last logical line was a match header (see the module docs).
    after_match_header: bool,
    /// Lengths of `indents` at which a leading `case` is the keyword.
    case_levels: Vec<usize>,
}

impl Layout<'_> {
    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut lexer = Tok::lexer(self.source);
        while let Some(result) = lexer.next() {
            let span = lexer.span();
            match result {
                Ok(Tok::Newline) => {
                    if self.brackets.is_empty() && self.line_has_tokens && !self.expression {
                        self.soft_match_header();
                        self.tokens.push((span.start, Tok::Newline, span.end));
                        self.line_has_tokens = false;
                    }
                }
                Ok(mut tok) => {
                    if !self.line_has_tokens && self.brackets.is_empty() && !self.expression {
                        let levels = self.indents.len();
                        self.indentation(span.start)?;
                        self.soft_case(&mut tok, levels);
                    }
                    self.line_has_tokens = true;
                    self.track_brackets(&tok, span.start)?;
                    self.tokens.push((span.start, tok, span.end));
                }
                Err(err) => return Err(self.lex_error(err, span.start, span.end, lexer.slice())),
            }
        }
        let end = self.source.len();
        if let Some(&(c, at)) = self.brackets.last() {
            return Err(SyntaxError::new(format!("'{c}' was never closed"), Span::new(at, at + 1)));
        }
        if self.source.trim_end_matches([' ', '\t', '\x0c']).ends_with('\\') {
            return Err(SyntaxError::new("unexpected EOF while parsing", Span::new(end, end)));
        }
        if self.expression {
            return Ok(());
        }
        if self.line_has_tokens {
            self.tokens.push((end, Tok::Newline, end));
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push((end, Tok::Dedent, end));
        }
        Ok(())
    }

    /// Turns the first token of the line just ended into `Match` if the
    /// line is a match header.
    fn soft_match_header(&mut self) {
        let is_header = matches!(self.tokens.get(self.line_first), Some((_, Tok::Name(n), _)) if n == "match")
            && self.tokens.len() > self.line_first + 2
            && matches!(self.tokens.last(), Some((_, Tok::Colon, _)));
        if is_header {
            self.tokens[self.line_first].1 = Tok::Match;
            self.after_match_header = true;
        }
    }

    /// Called with the first token of a logical line, after its
    /// INDENT/DEDENTs, and the indentation depth before them.
    fn soft_case(&mut self, tok: &mut Tok, levels_before: usize) {
        let levels = self.indents.len();
        while self.case_levels.last().is_some_and(|&l| l > levels) {
            self.case_levels.pop();
        }
        if std::mem::take(&mut self.after_match_header) && levels > levels_before {
            self.case_levels.push(levels);
        }
        if self.case_levels.last() == Some(&levels) && matches!(tok, Tok::Name(n) if n == "case") {
            *tok = Tok::Case;
        }
        self.line_first = self.tokens.len();
    }

    /// Emits INDENT/DEDENT for a logical line whose first token is at `at`.
    fn indentation(&mut self, at: usize) -> Result<(), SyntaxError> {
        let line_start = self.lines.line_start(self.lines.line(at as u32));
        let (mut col, mut alt) = (0usize, 0usize);
        for c in self.source[line_start..at].chars() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        // CPython points a TabError (and "too many levels of indentation")
        // at the start of the line, inside the indentation, so no caret is
        // shown.
        let tab_span = Span::new(line_start, line_start);
        let tab_error = || SyntaxError::tab("inconsistent use of tabs and spaces in indentation", tab_span);
        let &(top, top_alt) = self.indents.last().expect("indent stack is never empty");
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_LEVELS {
                return Err(SyntaxError::indentation("too many levels of indentation", tab_span));
            }
            self.indents.push((col, alt));
            self.tokens.push((at, Tok::Indent, at));
        } else {
            while col < self.indents.last().expect("indent stack is never empty").0 {
                self.indents.pop();
                self.tokens.push((at, Tok::Dedent, at));
            }
            let &(top, top_alt) = self.indents.last().expect("indent stack is never empty");
            if col != top {
                // CPython points past the end of the line.
                let line_end = line_start + self.lines.line_text(self.source, self.lines.line(at as u32)).len();
                let span = Span::new(line_end, line_end);
                return Err(SyntaxError::indentation("unindent does not match any outer indentation level", span));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    fn track_brackets(&mut self, tok: &Tok, at: usize) -> Result<(), SyntaxError> {
        let open = match tok {
            Tok::LPar => Some('('),
            Tok::LSqb => Some('['),
            Tok::LBrace => Some('{'),
            _ => None,
        };
        if let Some(c) = open {
            if self.brackets.len() >= MAX_BRACKET_DEPTH {
                return Err(SyntaxError::new("too many nested parentheses", Span::new(at, at + 1)));
            }
            self.brackets.push((c, at));
            return Ok(());
        }
        let (close, expected_open) = match tok {
            Tok::RPar => (')', '('),
            Tok::RSqb => (']', '['),
            Tok::RBrace => ('}', '{'),
            _ => return Ok(()),
        };
        match self.brackets.pop() {
            None => Err(SyntaxError::new(format!("unmatched '{close}'"), Span::new(at, at + 1))),
            Some((c, _)) if c == expected_open => Ok(()),
            Some((c, open_at)) => {
                let open_line = self.lines.line(open_at as u32);
                let here = self.lines.line(at as u32);
                let mut msg = format!("closing parenthesis '{close}' does not match opening parenthesis '{c}'");
                if open_line != here {
                    msg.push_str(&format!(" on line {open_line}"));
                }
                Err(SyntaxError::new(msg, Span::new(at, at + 1)))
            }
        }
    }

    fn lex_error(&self, err: LexError, start: usize, end: usize, slice: &str) -> SyntaxError {
        let span = Span::new(start, end);
        match err {
            LexError::UnterminatedString { triple } => {
                let line = if triple {
                    // CPython names the line of the last character read.
                    self.lines.line(self.source.len().saturating_sub(1) as u32)
                } else {
                    self.lines.line(start as u32)
                };
                let what = if triple { "triple-quoted string literal" } else { "string literal" };
                SyntaxError::new(format!("unterminated {what} (detected at line {line})"), Span::new(start, start))
            }
            LexError::LeadingZeros => SyntaxError::new(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                span,
            ),
            LexError::InvalidNumber(msg) => SyntaxError::new(msg, Span::new(start, start)),
            LexError::BadContinuation if self.source[end..].trim().is_empty() => {
                SyntaxError::new("unexpected EOF while parsing", Span::new(end, end))
            }
            LexError::BadContinuation => SyntaxError::new(
                "unexpected character after line continuation character",
                Span::new(start + 1, start + 1),
            ),
            LexError::Invalid => invalid_character(slice, start),
        }
    }
}

/// CPython's message for a character no token can start with.
fn invalid_character(slice: &str, start: usize) -> SyntaxError {
    let Some(c) = slice.chars().next() else {
        return SyntaxError::new("invalid syntax", Span::new(start, start));
    };
    let span = Span::new(start, start + c.len_utf8());
    if c == '\0' {
        return SyntaxError::new("source code cannot contain null bytes", span);
    }
    if c.is_ascii() && !c.is_ascii_control() {
        return SyntaxError::new("invalid syntax", span);
    }
    if c.is_control() || c.is_whitespace() || c == '\u{feff}' {
        return SyntaxError::new(format!("invalid non-printable character U+{:04X}", c as u32), span);
    }
    let err = SyntaxError::new(format!("invalid character '{c}' (U+{:04X})", c as u32), span);
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{ff07}' | '\u{ff02}' => err.with_hint(
            "Curly quotes (often left by copying from a web page or a word processor) are not Python quotes: \
             use the straight quotes ' or \". With them the line reads:",
        ),
        _ => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let ts = tokenize(src);
        assert!(ts.error.is_none(), "{:?}", ts.error);
        ts.tokens.into_iter().map(|(_, t, _)| t).collect()
    }

    fn error(src: &str) -> SyntaxError {
        tokenize(src).error.expect("expected an error")
    }

    #[test]
    fn blocks_produce_indent_and_dedent() {
        use Tok::*;
        let toks = kinds("if a:\n    b\n\n    # c\n    d\ne\n");
        let names = |s: &str| Name(s.into());
        assert_eq!(
            toks,
            vec![
                If,
                names("a"),
                Colon,
                Newline,
                Indent,
                names("b"),
                Newline,
                names("d"),
                Newline,
                Dedent,
                names("e"),
                Newline
            ]
        );
    }

    #[test]
    fn soft_keywords_only_at_match_and_case_heads() {
        let t = kinds("match x:\n case case:\n  case = 1\nmatch = 2\n");
        assert_eq!(t.iter().filter(|k| **k == Tok::Match).count(), 1);
        assert_eq!(t.iter().filter(|k| **k == Tok::Case).count(), 1);
        assert_eq!(t.iter().filter(|k| matches!(k, Tok::Name(n) if n == "case" || n == "match")).count(), 3);
        assert!(!kinds("match(x)\n").contains(&Tok::Match));
    }

    #[test]
    fn brackets_join_lines() {
        use Tok::*;
        let toks = kinds("x = (1,\n   2)\n");
        assert_eq!(toks.iter().filter(|t| **t == Newline).count(), 1);
        assert!(!toks.contains(&Indent));
    }

    #[test]
    fn eof_closes_blocks() {
        use Tok::*;
        let toks = kinds("def f():\n  if x:\n    return");
        assert_eq!(&toks[toks.len() - 3..], &[Newline, Dedent, Dedent]);
    }

    #[test]
    fn indentation_errors() {
        assert_eq!(error("if x:\n    a=1\n  b=2").msg, "unindent does not match any outer indentation level");
        assert_eq!(error("if x:\n\ta=1\n        b=2").msg, "inconsistent use of tabs and spaces in indentation");
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(error("x = )").msg, "unmatched ')'");
        assert_eq!(error("x = (1]").msg, "closing parenthesis ']' does not match opening parenthesis '('");
        assert_eq!(
            error("x = [1,\n2)").msg,
            "closing parenthesis ')' does not match opening parenthesis '[' on line 1"
        );
        assert_eq!(error("x = (1,\n").msg, "'(' was never closed");
        assert_eq!(error(&"(".repeat(300)).msg, "too many nested parentheses");
    }

    #[test]
    fn character_errors() {
        assert_eq!(error("x = ‘a’").msg, "invalid character '‘' (U+2018)");
        assert_eq!(error("x = 1\u{a0}").msg, "invalid non-printable character U+00A0");
        assert_eq!(error("s = 'abc").msg, "unterminated string literal (detected at line 1)");
        assert_eq!(error("s = '''abc\n\n").msg, "unterminated triple-quoted string literal (detected at line 2)");
        assert_eq!(error("x = 5 \\ 3").msg, "unexpected character after line continuation character");
    }
}
