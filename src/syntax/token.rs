//! The raw tokens of a pyl source file, produced by a logos lexer.
//!
//! The lexer only knows about single tokens: it skips spaces, comments and
//! backslash continuations, and reports every physical newline. Turning
//! newlines into NEWLINE/INDENT/DEDENT (and ignoring them inside brackets)
//! is the job of [`super::indent`]. String literals are scanned by hand in a
//! callback because their end depends on the opening quote.

use logos::{Lexer, Logos};

/// What went wrong while lexing one token; the indentation layer turns it
/// into a positioned [`super::SyntaxError`].
#[derive(Debug, Clone, PartialEq, Default)]
pub enum LexError {
    /// Input no token matches; the offending text decides the message.
    #[default]
    Invalid,
    /// A quote was opened and the line (or file, for triple quotes) ended.
    UnterminatedString { triple: bool },
    /// `0777`: leading zeros in a decimal literal.
    LeadingZeros,
    /// A backslash followed by something other than a newline.
    BadContinuation,
    /// `1_000_` or `1__0` and friends.
    InvalidNumber(&'static str),
}

/// A string literal as written: its prefix flags and its body between the
/// quotes, escapes not yet processed (they are decoded by the parser, which
/// knows whether the literal is raw, bytes or an f-string).
#[derive(Debug, Clone, PartialEq)]
pub struct StrLit {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    pub triple: bool,
    pub body: String,
    /// Byte offset of the body inside the source (after prefix and quotes).
    pub body_offset: usize,
}

/// An integer literal: its digits without underscores and its radix. The
/// parser turns it into a small or a big int.
#[derive(Debug, Clone, PartialEq)]
pub struct IntLit {
    pub digits: String,
    pub radix: u32,
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\(\r\n|\n|\r)")]
pub enum Tok {
    // ----- layout (the last three are made by the indentation layer) -----
    #[regex(r"\r\n|\n|\r")]
    Newline,
    Indent,
    Dedent,
    /// The soft keyword `match` at the head of a match statement; the
    /// lexer only ever makes `Name("match")`, the indentation layer decides.
    Match,
    /// The soft keyword `case` at the head of a case block (same).
    Case,
    /// A backslash not followed by a newline.
    #[regex(r"\\", bad_continuation)]
    BadBackslash,

    // ----- names and literals -----
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*", |lex| lex.slice().to_string())]
    Name(String),
    #[regex(r"[0-9](_?[0-9])*", decimal_int)]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", |lex| radix_int(lex, 16))]
    #[regex(r"0[oO](_?[0-7])+", |lex| radix_int(lex, 8))]
    #[regex(r"0[bB](_?[01])+", |lex| radix_int(lex, 2))]
    Int(IntLit),
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?", float_lit)]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", float_lit)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", float_lit)]
    Float(f64),
    /// `3j`, `2.5J`, `1e3j`: an imaginary literal, its value the
    /// imaginary part.
    #[regex(r"([0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?([eE][+-]?[0-9](_?[0-9])*)?|\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?)[jJ]", imaginary_lit)]
    Imaginary(f64),
    #[regex(r#"([rRbBfFuU]|[rR][bBfF]|[bBfF][rR])?("""|'''|"|')"#, string_lit)]
    Str(StrLit),

    // ----- keywords -----
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // ----- operators and delimiters -----
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amper,
    #[token("|")]
    VBar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token(":=")]
    ColonEqual,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("!")]
    Exclamation,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token(";")]
    Semi,
    #[token("=")]
    Equal,
    #[token("->")]
    Arrow,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LShiftEqual,
    #[token(">>=")]
    RShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
}

fn bad_continuation(_: &mut Lexer<Tok>) -> Result<(), LexError> {
    Err(LexError::BadContinuation)
}

fn strip_underscores(s: &str) -> String {
    s.chars().filter(|&c| c != '_').collect()
}

fn decimal_int(lex: &mut Lexer<Tok>) -> Result<IntLit, LexError> {
    let digits = strip_underscores(lex.slice());
    if lex.slice() == "0"
        && let Some(msg) = bad_radix_literal(lex.remainder())
    {
        return Err(LexError::InvalidNumber(msg));
    }
    if digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
        return Err(LexError::LeadingZeros);
    }
    if reject_trailing_junk(lex) {
        return Err(LexError::InvalidNumber("invalid decimal literal"));
    }
    Ok(IntLit { digits, radix: 10 })
}

fn radix_int(lex: &mut Lexer<Tok>, radix: u32) -> Result<IntLit, LexError> {
    let digits = strip_underscores(&lex.slice()[2..]);
    if reject_trailing_junk(lex) {
        return Err(LexError::InvalidNumber(match radix {
            16 => "invalid hexadecimal literal",
            8 => "invalid octal literal",
            _ => "invalid binary literal",
        }));
    }
    Ok(IntLit { digits, radix })
}

fn float_lit(lex: &mut Lexer<Tok>) -> Result<f64, LexError> {
    if reject_trailing_junk(lex) {
        return Err(LexError::InvalidNumber("invalid decimal literal"));
    }
    strip_underscores(lex.slice()).parse::<f64>().map_err(|_| LexError::InvalidNumber("invalid decimal literal"))
}

fn imaginary_lit(lex: &mut Lexer<Tok>) -> Result<f64, LexError> {
    if reject_trailing_junk(lex) {
        return Err(LexError::InvalidNumber("invalid imaginary literal"));
    }
    let digits = strip_underscores(lex.slice());
    digits[..digits.len() - 1].parse::<f64>().map_err(|_| LexError::InvalidNumber("invalid imaginary literal"))
}

/// `0b2`, `0x`, `0o9`: a radix prefix not followed by a valid digit.
fn bad_radix_literal(rest: &str) -> Option<&'static str> {
    let mut chars = rest.chars();
    let (kind, next) = (chars.next()?, chars.next());
    let digit = next.filter(char::is_ascii_digit);
    Some(match (kind.to_ascii_lowercase(), digit) {
        ('b', Some(d)) => digit_message(d, "binary"),
        ('b', None) => "invalid binary literal",
        ('o', Some(d)) => digit_message(d, "octal"),
        ('o', None) => "invalid octal literal",
        ('x', _) => "invalid hexadecimal literal",
        _ => return None,
    })
}

/// "invalid digit '2' in binary literal" for each possible digit.
fn digit_message(d: char, kind: &str) -> &'static str {
    const BINARY: [&str; 10] = [
        "invalid digit '0' in binary literal",
        "invalid digit '1' in binary literal",
        "invalid digit '2' in binary literal",
        "invalid digit '3' in binary literal",
        "invalid digit '4' in binary literal",
        "invalid digit '5' in binary literal",
        "invalid digit '6' in binary literal",
        "invalid digit '7' in binary literal",
        "invalid digit '8' in binary literal",
        "invalid digit '9' in binary literal",
    ];
    let i = d.to_digit(10).unwrap_or(0) as usize;
    match kind {
        "binary" => BINARY[i],
        _ => ["invalid digit '8' in octal literal", "invalid digit '9' in octal literal"][i.saturating_sub(8).min(1)],
    }
}

/// CPython rejects a number glued to a name (`1abc`, `1_`), except where the
/// name is a keyword that may legally follow (`1if x else 2`, `1or 2`).
fn reject_trailing_junk(lex: &mut Lexer<Tok>) -> bool {
    let rest = lex.remainder();
    let Some(c) = rest.chars().next() else {
        return false;
    };
    if c == '_' {
        return true;
    }
    if !(c.is_alphanumeric()) {
        return false;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    const ALLOWED: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];
    !ALLOWED.iter().any(|k| word.starts_with(k))
}

/// Scans a string literal whose prefix and opening quote were matched.
fn string_lit(lex: &mut Lexer<Tok>) -> Result<StrLit, LexError> {
    let slice = lex.slice();
    let quote_len = if slice.ends_with("\"\"\"") || slice.ends_with("'''") { 3 } else { 1 };
    let prefix = slice[..slice.len() - quote_len].to_ascii_lowercase();
    let quote = slice.as_bytes()[slice.len() - 1];
    let triple = quote_len == 3;
    let body_offset = lex.span().end;
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    loop {
        if i >= rest.len() {
            lex.bump(rest.len());
            return Err(LexError::UnterminatedString { triple });
        }
        let b = rest[i];
        if b == b'\\' {
            // An escaped CRLF is one line break, not a break after an escape.
            i += if rest.get(i + 1) == Some(&b'\r') && rest.get(i + 2) == Some(&b'\n') { 3 } else { 2 };
            continue;
        }
        if !triple && (b == b'\n' || b == b'\r') {
            lex.bump(i);
            return Err(LexError::UnterminatedString { triple });
        }
        if b == quote && (!triple || (rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote))) {
            let body = std::str::from_utf8(&rest[..i]).unwrap_or_default().to_string();
            lex.bump(i + quote_len);
            return Ok(StrLit {
                raw: prefix.contains('r'),
                bytes: prefix.contains('b'),
                fstring: prefix.contains('f'),
                triple,
                body,
                body_offset,
            });
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(src: &str) -> Vec<Result<Tok, LexError>> {
        Tok::lexer(src).collect()
    }

    #[test]
    fn names_keywords_and_operators() {
        assert_eq!(
            lex("if x >= 10: y //= 2"),
            vec![
                Ok(Tok::If),
                Ok(Tok::Name("x".into())),
                Ok(Tok::GreaterEqual),
                Ok(Tok::Int(IntLit { digits: "10".into(), radix: 10 })),
                Ok(Tok::Colon),
                Ok(Tok::Name("y".into())),
                Ok(Tok::DoubleSlashEqual),
                Ok(Tok::Int(IntLit { digits: "2".into(), radix: 10 })),
            ]
        );
    }

    #[test]
    fn unicode_names() {
        assert_eq!(lex("变量"), vec![Ok(Tok::Name("变量".into()))]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            lex("0x_ff 1_000 1.5e3 .5 0o17 0b101"),
            vec![
                Ok(Tok::Int(IntLit { digits: "ff".into(), radix: 16 })),
                Ok(Tok::Int(IntLit { digits: "1000".into(), radix: 10 })),
                Ok(Tok::Float(1500.0)),
                Ok(Tok::Float(0.5)),
                Ok(Tok::Int(IntLit { digits: "17".into(), radix: 8 })),
                Ok(Tok::Int(IntLit { digits: "101".into(), radix: 2 })),
            ]
        );
        assert_eq!(lex("0777"), vec![Err(LexError::LeadingZeros)]);
        assert_eq!(lex("3j"), vec![Ok(Tok::Imaginary(3.0))]);
    }

    #[test]
    fn strings() {
        let toks = lex(r#"rb'a\'b' """x"y""" f"{a}""#);
        assert_eq!(toks.len(), 3);
        match &toks[0] {
            Ok(Tok::Str(s)) => {
                assert!(s.raw && s.bytes && !s.triple);
                assert_eq!(s.body, r"a\'b");
            }
            t => panic!("{t:?}"),
        }
        match &toks[1] {
            Ok(Tok::Str(s)) => assert_eq!((s.body.as_str(), s.triple), ("x\"y", true)),
            t => panic!("{t:?}"),
        }
        match &toks[2] {
            Ok(Tok::Str(s)) => assert!(s.fstring),
            t => panic!("{t:?}"),
        }
        assert_eq!(lex("'abc\n"), vec![Err(LexError::UnterminatedString { triple: false }), Ok(Tok::Newline)]);
    }

    #[test]
    fn comments_and_continuations_are_skipped() {
        assert_eq!(lex("a \\\n b # c\n"), vec![Ok(Tok::Name("a".into())), Ok(Tok::Name("b".into())), Ok(Tok::Newline)]);
    }

    #[test]
    fn curly_quote_is_an_error() {
        let mut l = Tok::lexer("x = ‘a’");
        l.next();
        l.next();
        assert_eq!(l.next(), Some(Err(LexError::Invalid)));
        assert_eq!(l.slice(), "‘");
    }
}
