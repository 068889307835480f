//! Source bytes to source text, as CPython's tokenizer decodes them
//! (PEP 263): a UTF-8 byte order mark is skipped, a coding declaration
//! on line 1 or 2 (`# -*- coding: latin-1 -*-`) names the encoding, and
//! without one the bytes must be UTF-8. NUL bytes are refused.
//!
//! CPython words the failures differently for a script file and for the
//! bytes given to `exec`/`compile`/`eval` (or a module read by import),
//! so the caller says which one it decodes ([`Origin`]). Every failure is
//! a [`SyntaxError`] carrying CPython's message and position.

use super::error::{Place, SyntaxError};

/// Where the bytes come from: CPython's file tokenizer and its string
/// tokenizer report the same problems in different words.
#[derive(Clone, Copy)]
pub enum Origin<'a> {
    /// A script (or stdin) read by the interpreter: the path is named in
    /// the "Non-UTF-8 code" message.
    File(&'a str),
    /// Bytes handed to `exec`, `compile` or `eval`, or a module's file
    /// read by import (CPython reads it whole and compiles the bytes).
    Bytes,
}

/// The encodings a declaration may name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes a source file's bytes, as CPython reads a script.
pub fn decode(bytes: &[u8], origin: Origin) -> Result<String, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = declaration(body);
    let encoding = match declared {
        None => None,
        Some(name) => match lookup(&name) {
            Some(e) => Some((e, name)),
            None => {
                return Err(match origin {
                    Origin::File(_) => nowhere(format!("encoding problem: {name}")),
                    Origin::Bytes => line_zero(format!("unknown encoding: {name}")),
                });
            }
        },
    };
    if let Some((e, name)) = &encoding
        && bom
        && *e != Encoding::Utf8
    {
        let msg = format!("encoding problem: {} with BOM", normal_name(name));
        return Err(match origin {
            Origin::File(_) => nowhere(msg),
            Origin::Bytes => line_zero(msg),
        });
    }
    if let Some(at) = body.iter().position(|&b| b == 0) {
        return Err(null_byte(body, at, origin));
    }
    match encoding {
        None => utf8(body, origin, false),
        Some((Encoding::Utf8, _)) => utf8(body, origin, true),
        Some((Encoding::Latin1, _)) => Ok(body.iter().map(|&b| b as char).collect()),
        Some((Encoding::Cp1252, _)) => cp1252(body, origin),
        Some((Encoding::Ascii, name)) => match body.iter().position(|b| !b.is_ascii()) {
            None => Ok(body.iter().map(|&b| b as char).collect()),
            Some(at) => Err(match origin {
                Origin::File(_) => nowhere(format!("encoding problem: {name}")),
                Origin::Bytes => line_zero(format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)",
                    body[at]
                )),
            }),
        },
    }
}

/// Checks a source given as text (`exec(str)`, `compile(str, ...)`):
/// only NUL bytes are refused there.
pub fn check_text(text: &str) -> Result<(), SyntaxError> {
    match text.bytes().position(|b| b == 0) {
        Some(at) => Err(null_byte(text.as_bytes(), at, Origin::Bytes)),
        None => Ok(()),
    }
}

/// The name in a coding declaration on line 1, or on line 2 when line 1
/// holds only a comment or nothing (CPython's rule: the declaration must
/// be a comment alone on its line, matching
/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`).
fn declaration(body: &[u8]) -> Option<String> {
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_spec(first) {
        return Some(name);
    }
    let blank_or_comment = first.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r' | b'\n'));
    if !matches!(blank_or_comment, None | Some(b'#')) {
        return None;
    }
    coding_spec(lines.next()?)
}

fn coding_spec(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    // `.*?coding[:=]`: the first "coding" followed by ':' or '='.
    let mut from = 0;
    while let Some(i) = find(&comment[from..], b"coding") {
        let after = from + i + b"coding".len();
        if matches!(comment.get(after), Some(b':' | b'=')) {
            let rest = &comment[after + 1..];
            let rest = &rest[rest.iter().position(|b| !matches!(b, b' ' | b'\t')).unwrap_or(rest.len())..];
            let len =
                rest.iter().position(|&b| !(b.is_ascii_alphanumeric() || b"-_.".contains(&b))).unwrap_or(rest.len());
            if len == 0 {
                return None;
            }
            return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
        }
        from = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it
/// names in its messages.
fn normal_name(name: &str) -> String {
    let n: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    let is = |base: &str| n == base || n.starts_with(&format!("{base}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.into()
    }
}

/// Python's codec lookup for the encodings a source may use.
fn lookup(name: &str) -> Option<Encoding> {
    let n = name.to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf_8_sig" | "utf8_sig" => Encoding::Utf8,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "iso_latin_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" => Encoding::Latin1,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" | "cp367" => Encoding::Ascii,
        "cp1252" | "windows_1252" | "1252" => Encoding::Cp1252,
        _ => return None,
    })
}

fn utf8(body: &[u8], origin: Origin, declared: bool) -> Result<String, SyntaxError> {
    let e = match std::str::from_utf8(body) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => e,
    };
    let at = e.valid_up_to();
    let (line, line_start) = line_of(body, at);
    if let (Origin::File(path), false) = (origin, declared) {
        return Err(nowhere(format!(
            "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; \
             see https://peps.python.org/pep-0263/ for details",
            body[at]
        )));
    }
    // CPython decodes the bad token's bytes (a name, a string's body)
    // and reports the codec's error within them: take the run of name
    // and non-ASCII bytes around the bad byte.
    let word = |b: &u8| !b.is_ascii() || b.is_ascii_alphanumeric() || *b == b'_';
    let token_start = body[line_start..at].iter().rposition(|b| !word(b)).map_or(line_start, |i| line_start + i + 1);
    let token_end = body[at..].iter().position(|b| !word(b)).map_or(body.len(), |i| at + i);
    let token = &body[token_start..token_end];
    let bad = std::str::from_utf8(token).err();
    let reason = match bad.and_then(|e| e.error_len()) {
        None => "unexpected end of data",
        Some(_) if (0x80..0xc2).contains(&body[at]) || body[at] >= 0xf5 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let mut text = String::from_utf8_lossy(line_bytes(body, line_start)).into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let column = String::from_utf8_lossy(&body[line_start..at]).chars().count();
    let msg = format!(
        "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {reason}",
        body[at],
        at - token_start
    );
    Err(SyntaxError::new(msg, Default::default()).placed(Place::Line { line, column: column + 1, text }))
}

/// Windows-1252: Latin-1 but for 0x80..0x9F, five of which are unassigned.
fn cp1252(body: &[u8], origin: Origin) -> Result<String, SyntaxError> {
    const HIGH: [u16; 32] = [
        0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d,
        0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,
        0x017e, 0x0178,
    ];
    let mut out = String::with_capacity(body.len());
    for (at, &b) in body.iter().enumerate() {
        let c = match b {
            0x80..=0x9f => char::from_u32(HIGH[(b - 0x80) as usize] as u32).filter(|&c| c != '\0'),
            _ => Some(b as char),
        };
        match c {
            Some(c) => out.push(c),
            None => {
                return Err(match origin {
                    Origin::File(_) => nowhere("encoding problem: cp1252".to_string()),
                    Origin::Bytes => line_zero(format!(
                        "'charmap' codec can't decode byte 0x{b:02x} in position {at}: character maps to <undefined>"
                    )),
                });
            }
        }
    }
    Ok(out)
}

/// CPython's two wordings: a script names the line (and shows it up to
/// the NUL, without a caret); a string or an imported module does not.
fn null_byte(body: &[u8], at: usize, origin: Origin) -> SyntaxError {
    match origin {
        Origin::File(_) => {
            let (line, start) = line_of(body, at);
            let text = String::from_utf8_lossy(&body[start..at]).into_owned();
            SyntaxError::new("source code cannot contain null bytes", Default::default()).placed(Place::Line {
                line,
                column: 0,
                text,
            })
        }
        Origin::Bytes => nowhere("source code string cannot contain null bytes".to_string()),
    }
}

/// The 1-based line holding byte `at`, and the offset where it starts.
fn line_of(body: &[u8], at: usize) -> (usize, usize) {
    let before = &body[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, start)
}

fn line_bytes(body: &[u8], start: usize) -> &[u8] {
    let rest = &body[start..];
    &rest[..rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1)]
}

fn nowhere(msg: String) -> SyntaxError {
    SyntaxError::new(msg, Default::default()).placed(Place::Nowhere)
}

fn line_zero(msg: String) -> SyntaxError {
    SyntaxError::new(msg, Default::default()).placed(Place::LineZero)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(b: &[u8]) -> Result<String, String> {
        decode(b, Origin::File("f.py")).map_err(|e| e.msg)
    }

    #[test]
    fn bom_is_skipped() {
        assert_eq!(file(b"\xef\xbb\xbfprint(1)\n").unwrap(), "print(1)\n");
    }

    #[test]
    fn declarations() {
        assert_eq!(
            file(b"# -*- coding: latin-1 -*-\nx = '\xe1'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e1}'\n"
        );
        assert_eq!(file(b"#!/bin/pyl\n# vim: fileencoding=cp1252\n'\x80'").unwrap().chars().last(), Some('\''));
        assert!(
            file(b"x = 1\n# coding: latin-1\n'\xe1'").unwrap_err().starts_with("Non-UTF-8 code starting with '\\xe1'")
        );
        assert_eq!(file(b"# coding: xyz\n").unwrap_err(), "encoding problem: xyz");
        assert_eq!(file(b"\xef\xbb\xbf# coding: latin-1\n").unwrap_err(), "encoding problem: iso-8859-1 with BOM");
        assert_eq!(file(b"# coding: ascii\n'\xc3\xa9'").unwrap_err(), "encoding problem: ascii");
    }

    #[test]
    fn null_bytes() {
        assert_eq!(file(b"x\0").unwrap_err(), "source code cannot contain null bytes");
        assert_eq!(check_text("x\0").unwrap_err().msg, "source code string cannot contain null bytes");
    }
}
