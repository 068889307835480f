//! String literals: escape sequences, implicit concatenation and f-strings.
//!
//! Takes the literal tokens of one atom (`'a' "b" f"{c}"`) and gives the
//! expression they denote: a str or bytes constant, or an f-string made of
//! literal text and formatted fields whose expressions are parsed here with
//! the expression grammar, at their true offsets in the file.

use super::ast::{Const, Expr, ExprKind, FPart};
use super::error::SyntaxError;
use super::span::Span;
use super::token::StrLit;

/// Builds the expression for adjacent string literals.
pub fn concat(parts: Vec<StrLit>, span: Span) -> Result<Expr, SyntaxError> {
    let bytes = parts[0].bytes;
    if parts.iter().any(|p| p.bytes != bytes) {
        return Err(SyntaxError::new("cannot mix bytes and nonbytes literals", span));
    }
    if bytes {
        let mut out = Vec::new();
        for p in &parts {
            out.extend(decode_bytes(p)?);
        }
        return Ok(Expr::new(ExprKind::Const(Const::Bytes(out)), span));
    }
    if !parts.iter().any(|p| p.fstring) {
        let mut out = String::new();
        for p in &parts {
            out.push_str(&decode_str(p)?);
        }
        return Ok(Expr::new(ExprKind::Const(Const::Str(out)), span));
    }
    let mut fparts: Vec<FPart> = Vec::new();
    for p in &parts {
        if p.fstring {
            for part in parse_fstring(p, &p.body, p.body_offset, 0)? {
                push_part(&mut fparts, part);
            }
        } else {
            push_part(&mut fparts, FPart::Lit(decode_str(p)?));
        }
    }
    Ok(Expr::new(ExprKind::FString(fparts), span))
}

fn push_part(parts: &mut Vec<FPart>, part: FPart) {
    if let FPart::Lit(s) = &part {
        if s.is_empty() {
            return;
        }
        if let Some(FPart::Lit(prev)) = parts.last_mut() {
            prev.push_str(s);
            return;
        }
    }
    parts.push(part);
}

/// Decodes the escapes of a str literal (nothing to do if it is raw).
pub fn decode_str(lit: &StrLit) -> Result<String, SyntaxError> {
    decode_str_text(&lit.body, lit.raw, lit.body_offset)
}

fn decode_str_text(body: &str, raw: bool, offset: usize) -> Result<String, SyntaxError> {
    let normalized;
    let body = if body.contains('\r') {
        normalized = body.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        body
    };
    if raw || !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            chars.next();
                        }
                        None => {
                            return Err(unicode_error(
                                &format!("can't decode bytes in position {}-{}: {what}", i, i + k + 1),
                                offset + i,
                            ));
                        }
                    }
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(
                            &format!("can't decode bytes in position {}-{}: illegal Unicode character", i, i + n + 1),
                            offset + i,
                        ));
                    }
                }
            }
            'N' => out.push(named_char(body, i, &mut chars, offset)?),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// `\N{NAME}`, after the `N`: the character of that Unicode name (any
/// case), or CPython's errors, which count positions in the literal's body.
fn named_char(
    body: &str,
    start: usize,
    chars: &mut std::iter::Peekable<std::str::CharIndices>,
    offset: usize,
) -> Result<char, SyntaxError> {
    let error = |what: &str, end: usize| {
        unicode_error(&format!("can't decode bytes in position {start}-{}: {what}", end - 1), offset + start)
    };
    const MALFORMED: &str = "malformed \\N character escape";
    match chars.peek() {
        None => return Err(error(MALFORMED, body.len())),
        Some(&(j, c)) if c != '{' => return Err(error(MALFORMED, j)),
        Some(_) => {
            chars.next();
        }
    }
    let mut name = String::new();
    loop {
        match chars.next() {
            None => return Err(error(MALFORMED, body.len())),
            Some((j, '}')) if name.is_empty() => return Err(error(MALFORMED, j)),
            Some((j, '}')) => {
                return unicode_names2::character(&name).ok_or_else(|| error("unknown Unicode character name", j + 1));
            }
            Some((_, c)) => name.push(c),
        }
    }
}

fn unicode_error(detail: &str, at: usize) -> SyntaxError {
    SyntaxError::new(format!("(unicode error) 'unicodeescape' codec {detail}"), Span::new(at, at))
}

/// Decodes a bytes literal: ASCII only, escapes give bytes.
pub fn decode_bytes(lit: &StrLit) -> Result<Vec<u8>, SyntaxError> {
    if !lit.body.is_ascii() {
        return Err(SyntaxError::new(
            "bytes can only contain ASCII literal characters",
            Span::new(lit.body_offset, lit.body_offset + lit.body.len()),
        ));
    }
    let body = lit.body.as_bytes();
    if lit.raw {
        return Ok(body.to_vec());
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        i += 1;
        if c != b'\\' || i >= body.len() {
            out.push(c);
            continue;
        }
        let e = body[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if body.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = body.get(i..i + 2).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => {
                        return Err(SyntaxError::new(
                            format!("(value error) invalid \\x escape at position {}", i - 2),
                            Span::new(lit.body_offset + i - 2, lit.body_offset + i - 2),
                        ));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Parses the body of an f-string (or of a format spec inside one, at
/// `depth` 1) into literal text and fields. `base` is the body's offset in
/// the file.
fn parse_fstring(lit: &StrLit, body: &str, base: usize, depth: usize) -> Result<Vec<FPart>, SyntaxError> {
    let err = |msg: &str, at: usize| SyntaxError::new(format!("f-string: {msg}"), Span::new(base + at, base + at + 1));
    let bytes = body.as_bytes();
    let mut parts = Vec::new();
    let mut lit_start = 0;
    let mut literal = String::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // `\N{NAME}` is an escape, not a field.
            b'\\' if !lit.raw => {
                i += match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(b'N'), Some(b'{')) => body[i..].find('}').map(|k| k + 1).unwrap_or(body.len() - i),
                    (Some(b'\\'), _) => 2,
                    _ => 1,
                };
            }
            b'{' if depth == 0 && bytes.get(i + 1) == Some(&b'{') => {
                literal.push_str(&decode_piece(lit, &body[lit_start..i], base + lit_start)?);
                literal.push('{');
                i += 2;
                lit_start = i;
            }
            b'}' if depth == 0 && bytes.get(i + 1) == Some(&b'}') => {
                literal.push_str(&decode_piece(lit, &body[lit_start..i], base + lit_start)?);
                literal.push('}');
                i += 2;
                lit_start = i;
            }
            b'}' => return Err(err("single '}' is not allowed", i)),
            b'{' => {
                literal.push_str(&decode_piece(lit, &body[lit_start..i], base + lit_start)?);
                if !literal.is_empty() {
                    parts.push(FPart::Lit(std::mem::take(&mut literal)));
                }
                let (field, next) = parse_field(lit, body, base, i + 1, depth)?;
                parts.extend(field);
                i = next;
                lit_start = i;
            }
            _ => i += 1,
        }
    }
    literal.push_str(&decode_piece(lit, &body[lit_start..], base + lit_start)?);
    if !literal.is_empty() {
        parts.push(FPart::Lit(literal));
    }
    Ok(parts)
}

fn decode_piece(lit: &StrLit, text: &str, offset: usize) -> Result<String, SyntaxError> {
    decode_str_text(text, lit.raw, offset)
}

/// Parses one `{expr!c:spec}` field starting just after its `{`; returns its
/// parts (a debug `=` field adds literal text) and the offset after `}`.
fn parse_field(
    lit: &StrLit,
    body: &str,
    base: usize,
    start: usize,
    depth: usize,
) -> Result<(Vec<FPart>, usize), SyntaxError> {
    let err = |msg: &str, at: usize| SyntaxError::new(format!("f-string: {msg}"), Span::new(base + at, base + at + 1));
    let bytes = body.as_bytes();
    let mut i = start;
    let mut nesting = 0usize;
    let mut quote: Option<u8> = None;
    // Find where the expression ends: at `!`, `:` or `}` outside brackets
    // and strings, or at a debugging `=`.
    let mut debug = false;
    let expr_end = loop {
        let Some(&c) = bytes.get(i) else {
            return Err(err("expecting '}'", i));
        };
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            b'\'' | b'"' => quote = Some(c),
            b'(' | b'[' | b'{' => nesting += 1,
            b')' | b']' | b'}' if nesting > 0 => nesting -= 1,
            b'}' => break i,
            b'#' => return Err(err("'#' not allowed in expression", i)),
            b'\\' => return Err(err("expression part cannot include a backslash", i)),
            b'!' if nesting == 0 && bytes.get(i + 1) != Some(&b'=') => break i,
            b':' if nesting == 0 => break i,
            b'=' if nesting == 0 => {
                let prev = if i > start { bytes[i - 1] } else { b' ' };
                let next = bytes.get(i + 1).copied();
                if next == Some(b'=') {
                    i += 2;
                    continue;
                }
                if !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                    debug = true;
                    i += 1;
                    break i - 1;
                }
            }
            _ => {}
        }
        i += 1;
    };
    let expr_text = &body[start..expr_end];
    if expr_text.trim().is_empty() {
        return Err(err("empty expression not allowed", expr_end));
    }
    let expr = parse_field_expr(expr_text, base + start)?;
    let mut parts = Vec::new();
    if debug {
        // The literal keeps the expression, the `=` and any spaces after it.
        let mut lit_end = expr_end + 1;
        while bytes.get(lit_end).is_some_and(|b| b.is_ascii_whitespace()) {
            lit_end += 1;
        }
        parts.push(FPart::Lit(body[start..lit_end].to_string()));
        i = lit_end;
    } else {
        i = expr_end;
    }
    let mut conversion = None;
    if bytes.get(i) == Some(&b'!') {
        match bytes.get(i + 1) {
            Some(&c @ (b's' | b'r' | b'a')) if matches!(bytes.get(i + 2), Some(b':' | b'}')) => {
                conversion = Some(c as char);
                i += 2;
            }
            Some(b':' | b'}') | None => return Err(err("missing conversion character", i + 1)),
            _ => {
                return Err(err("invalid conversion character: expected 's', 'r', or 'a'", i + 1));
            }
        }
    }
    let mut spec = None;
    if bytes.get(i) == Some(&b':') {
        if depth >= 1 {
            return Err(err("expressions nested too deeply", i));
        }
        // The spec runs to the `}` matching this field, around nested fields.
        let spec_start = i + 1;
        let mut j = spec_start;
        let mut level = 0;
        loop {
            match bytes.get(j) {
                None => return Err(err("expecting '}'", j)),
                Some(b'{') => level += 1,
                Some(b'}') if level > 0 => level -= 1,
                Some(b'}') => break,
                _ => {}
            }
            j += 1;
        }
        spec = Some(parse_fstring(lit, &body[spec_start..j], base + spec_start, depth + 1)?);
        i = j;
    }
    if bytes.get(i) != Some(&b'}') {
        return Err(err("expecting '}'", i));
    }
    if debug && conversion.is_none() && spec.is_none() {
        conversion = Some('r');
    }
    parts.push(FPart::Value { expr: Box::new(expr), conversion, spec });
    Ok((parts, i + 1))
}

fn parse_field_expr(text: &str, offset: usize) -> Result<Expr, SyntaxError> {
    let stream = super::indent::tokenize_at(text, offset, true);
    let expr = super::parser::parse_expression_tokens(stream, offset + text.len())?;
    if let ExprKind::Starred(_) = expr.kind {
        return Err(SyntaxError::new("f-string: can't use starred expression here", expr.span));
    }
    Ok(expr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(body: &str, raw: bool) -> StrLit {
        StrLit { raw, bytes: false, fstring: false, triple: false, body: body.into(), body_offset: 0 }
    }

    #[test]
    fn escapes() {
        assert_eq!(decode_str(&lit(r"a\tb\n\x41\u00e9\101\q", false)).unwrap(), "a\tb\nAé\u{41}\\q");
        assert_eq!(decode_str(&lit(r"a\tb", true)).unwrap(), r"a\tb");
        assert!(decode_str(&lit(r"\x4", false)).unwrap_err().msg.contains("truncated \\xXX escape"));
    }

    #[test]
    fn bytes() {
        let b = StrLit { bytes: true, ..lit(r"a\x00\xff", false) };
        assert_eq!(decode_bytes(&b).unwrap(), vec![b'a', 0, 255]);
    }
}
