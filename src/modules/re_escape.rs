//! Escapes and character classes of Python's pattern syntax, for the
//! translator in `re_parse`: `\d`/`\w`/`\s` with Python's Unicode or
//! ASCII meaning, `\b`, the character escapes (`\x41`, `\u00e9`,
//! `\N{...}`, octal), group references by number, and `[...]` sets,
//! every literal written so the engine reads no character as special.

use super::re_parse::{Kind, Parser, Piece, ReError, err, repr};

const ASCII_BOUNDARY: &str = "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))";
const ASCII_NOT_BOUNDARY: &str = "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?!\\A\\z)(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))";

/// One member of a character class.
enum ClassItem {
    Char(char),
    /// A translated category (`\d`) ready to sit inside `[...]`.
    Category(String),
}

/// A literal character in engine syntax: ASCII punctuation and controls
/// as `\x{..}`, so no character is ever special to the engine.
pub(super) fn lit(c: char) -> String {
    if c.is_ascii_alphanumeric() || !c.is_ascii() { c.to_string() } else { format!("\\x{{{:X}}}", c as u32) }
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

impl Parser {
    /// `\d`, `\w`, `\s` and their negations, as they should read inside
    /// a class (`neg` gives a nested negated class).
    fn category(&self, c: char) -> Option<String> {
        let (pos, neg) = match (c, self.ascii()) {
            ('d', false) | ('D', false) => ("\\d", "\\D"),
            // Python's \w is str.isalnum() or '_': letters and numbers.
            ('w', false) | ('W', false) => ("\\p{L}\\p{N}_", "[^\\p{L}\\p{N}_]"),
            // Python's Unicode whitespace also has the separators \x1c-\x1f.
            ('s', false) | ('S', false) => ("\\s\\x{1C}-\\x{1F}", "[^\\s\\x{1C}-\\x{1F}]"),
            ('d', true) | ('D', true) => ("0-9", "[^0-9]"),
            ('w', true) | ('W', true) => ("0-9A-Za-z_", "[^0-9A-Za-z_]"),
            ('s', true) | ('S', true) => ("\\x{20}\\t\\n\\r\\x{0C}\\x{0B}", "[^\\x{20}\\t\\n\\r\\x{0C}\\x{0B}]"),
            _ => return None,
        };
        Some(if c.is_ascii_uppercase() { neg.to_string() } else { pos.to_string() })
    }

    /// A backslash escape outside a class (`start` is the backslash).
    pub(super) fn escape(&mut self, start: usize) -> Result<Piece, ReError> {
        let Some(c) = self.peek() else { return err("bad escape (end of pattern)", start) };
        self.i += 1;
        let at = |text: &str| Piece { text: text.to_string(), min: 0, max: 0, kind: Kind::At };
        let atom = |text: String| Piece { text, min: 1, max: 1, kind: Kind::Atom };
        match c {
            'A' => return Ok(at("\\A")),
            'Z' => return Ok(at("\\z")),
            // The engine cannot switch Unicode off inside a pattern: ASCII
            // word boundaries are spelt out with lookaround.
            'b' => return Ok(at(if self.ascii() { ASCII_BOUNDARY } else { "\\b" })),
            // CPython's \B never matches in an empty string.
            'B' => return Ok(at(if self.ascii() { ASCII_NOT_BOUNDARY } else { "(?:(?!\\A\\z)\\B)" })),
            _ => {}
        }
        if let Some(cat) = self.category(c) {
            let text =
                if cat.starts_with('[') || cat.starts_with("\\") && cat.len() == 2 { cat } else { format!("[{cat}]") };
            return Ok(atom(text));
        }
        if c.is_ascii_digit() && c != '0' {
            // Three octal digits are an octal escape; otherwise a group
            // reference of one or two digits.
            let (d1, d2) = (self.peek(), self.peek_at(1));
            if ('0'..='7').contains(&c)
                && d1.is_some_and(|d| ('0'..='7').contains(&d))
                && d2.is_some_and(|d| ('0'..='7').contains(&d))
            {
                self.i += 2;
                let s: String = self.p[start + 1..self.i].iter().collect();
                let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                if v > 0o377 {
                    return err(format!("octal escape value \\{s} outside of range 0-0o377"), start);
                }
                return Ok(atom(lit(char::from_u32(v).unwrap_or('\0'))));
            }
            if d1.is_some_and(|d| d.is_ascii_digit()) {
                self.i += 1;
            }
            let s: String = self.p[start + 1..self.i].iter().collect();
            let group: usize = s.parse().unwrap_or(0);
            return self.backref(group, start + 1);
        }
        match self.char_escape(c, start)? {
            Some(ch) => Ok(atom(lit(ch))),
            None => err(format!("bad escape \\{c}"), start),
        }
    }

    /// A reference to group `group` (`pos` for the errors).
    pub(super) fn backref(&mut self, group: usize, pos: usize) -> Result<Piece, ReError> {
        if group > self.groups {
            return err(format!("invalid group reference {group}"), pos);
        }
        let Some((min, max)) = self.widths[group] else {
            return err("cannot refer to an open group", pos);
        };
        self.check_lookbehind_ref(group, self.i)?;
        Ok(Piece { text: format!("(?:\\{group})"), min, max, kind: Kind::Atom })
    }

    /// The escapes that stand for one character, in and out of classes;
    /// `None` for an unknown ASCII letter (a bad escape).
    fn char_escape(&mut self, c: char, start: usize) -> Result<Option<char>, ReError> {
        let simple = match c {
            'a' => Some('\x07'),
            'f' => Some('\x0c'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\x0b'),
            _ => None,
        };
        if simple.is_some() {
            return Ok(simple);
        }
        match c {
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = self.p[self.i..].iter().take(n).take_while(|d| is_hex(**d)).collect();
                self.i += digits.chars().count();
                let text: String = self.p[start..self.i].iter().collect();
                if digits.chars().count() < n {
                    return err(format!("incomplete escape {text}"), start);
                }
                let v = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
                match char::from_u32(v) {
                    Some(ch) => Ok(Some(ch)),
                    None => err(format!("bad escape {text}"), start),
                }
            }
            '0' => {
                let mut k = 0;
                while k < 2 && self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                    self.i += 1;
                    k += 1;
                }
                let s: String = self.p[start + 1..self.i].iter().collect();
                Ok(char::from_u32(u32::from_str_radix(&s, 8).unwrap_or(0)))
            }
            'N' => {
                if !self.eat('{') {
                    return err("missing {", self.i);
                }
                let name_start = self.i;
                self.until('}');
                let name: String = self.p[name_start..self.i].iter().collect();
                let closed = self.eat('}');
                if name.is_empty() {
                    return err("missing character name", name_start);
                }
                if !closed {
                    return err("missing }, unterminated name", name_start);
                }
                match unicode_names2::character(&name) {
                    Some(ch) => Ok(Some(ch)),
                    None => err(format!("undefined character name {}", repr(&name)), start),
                }
            }
            _ if c.is_ascii_alphanumeric() => Ok(None),
            _ => Ok(Some(c)),
        }
    }

    /// `[...]` (`start` is the `[`).
    pub(super) fn class(&mut self, start: usize) -> Result<String, ReError> {
        let negate = self.eat('^');
        let mut items: Vec<String> = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return err("unterminated character set", start) };
            let here = self.i;
            self.i += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let item1 = self.class_item(c, here)?;
            if self.peek() == Some('-') {
                self.i += 1;
                let Some(c2) = self.peek() else { return err("unterminated character set", start) };
                let here2 = self.i;
                self.i += 1;
                if c2 == ']' {
                    items.push(self.class_text(item1));
                    items.push(lit('-'));
                    break;
                }
                let item2 = self.class_item(c2, here2)?;
                let text: String = self.p[here..self.i].iter().collect();
                match (item1, item2) {
                    (ClassItem::Char(lo), ClassItem::Char(hi)) => {
                        if hi < lo {
                            return err(format!("bad character range {text}"), here);
                        }
                        items.push(format!("{}-{}", lit(lo), lit(hi)));
                    }
                    _ => return err(format!("bad character range {text}"), here),
                }
            } else {
                items.push(self.class_text(item1));
            }
        }
        Ok(format!("[{}{}]", if negate { "^" } else { "" }, items.concat()))
    }

    fn class_text(&self, item: ClassItem) -> String {
        match item {
            ClassItem::Char(c) => lit(c),
            ClassItem::Category(s) => s,
        }
    }

    /// One member of a class: a character or an escape.
    fn class_item(&mut self, c: char, here: usize) -> Result<ClassItem, ReError> {
        if c != '\\' {
            return Ok(ClassItem::Char(c));
        }
        let Some(e) = self.peek() else { return err("unterminated character set", here) };
        self.i += 1;
        if let Some(cat) = self.category(e) {
            return Ok(ClassItem::Category(cat));
        }
        if e == 'b' {
            return Ok(ClassItem::Char('\x08'));
        }
        // In a class `\1`-`\7` start octal escapes, not references.
        if ('1'..='7').contains(&e) {
            let mut k = 0;
            while k < 2 && self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                self.i += 1;
                k += 1;
            }
            let s: String = self.p[here + 1..self.i].iter().collect();
            let v = u32::from_str_radix(&s, 8).unwrap_or(0);
            if v > 0o377 {
                return err(format!("octal escape value \\{s} outside of range 0-0o377"), here);
            }
            return Ok(ClassItem::Char(char::from_u32(v).unwrap_or('\0')));
        }
        match self.char_escape(e, here)? {
            Some(ch) => Ok(ClassItem::Char(ch)),
            None => err(format!("bad escape \\{e}"), here),
        }
    }
}
