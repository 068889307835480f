//! Python's regular-expression syntax, translated to fancy-regex's.
//!
//! Contract: `translate(pattern, flags)` reads a `str` pattern as CPython
//! 3.11's `sre_parse` does and either gives a fancy-regex pattern with the
//! same meaning (every group numbered as Python numbers it, names kept
//! here rather than in the engine, flags applied while translating) or
//! CPython's `re.error` message and position (code points). The engine
//! never sees Python-only syntax, so where the two dialects disagree
//! (`\Z`, `$`, `{,n}`, `[` inside a class, `&&`/`--` in classes, the
//! Unicode `\s`) the meaning is Python's.

use super::re_escape::lit;

/// Python's flag bits (`re.I` ... `re.A`).
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const ASCII: u32 = 256;

/// Python's MAXREPEAT: larger repeat counts are an OverflowError.
const MAXREPEAT: u64 = 4_294_967_295;
/// An unbounded width.
const INF: u64 = u64::MAX;
/// fancy-regex refuses nesting deeper than 64; past this depth Python's
/// parentheses are refused here, with a position.
const MAX_DEPTH: usize = 60;

/// A pattern in fancy-regex syntax with what Python reports about it.
pub struct Translated {
    pub source: String,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// The group each group sits in (0: none), by group number.
    pub parents: Vec<usize>,
    /// The flags given plus the global inline ones (not yet UNICODE).
    pub flags: u32,
}

pub(super) fn repr(s: &str) -> String {
    crate::vm::convert::repr_str(s)
}

/// Why a pattern does not compile.
pub enum ReError {
    /// `re.error(msg, pattern, pos)`.
    Syntax(String, Option<usize>),
    /// `OverflowError(msg)` (a repeat count past MAXREPEAT).
    Overflow(String),
}

pub(super) fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError::Syntax(msg.into(), Some(pos)))
}

/// One translated element and its width in characters.
pub(super) struct Piece {
    pub(super) text: String,
    pub(super) min: u64,
    pub(super) max: u64,
    pub(super) kind: Kind,
}

#[derive(PartialEq, Clone, Copy)]
pub(super) enum Kind {
    Atom,
    /// An anchor (`^`, `\b`): Python refuses to repeat one.
    At,
    Repeat,
}

pub(super) struct Parser {
    pub(super) p: Vec<char>,
    pub(super) i: usize,
    pub(super) flags: u32,
    pub(super) groups: usize,
    pub(super) names: Vec<(String, usize)>,
    /// Width of each closed group (index 0 unused); `None` while open.
    pub(super) widths: Vec<Option<(u64, u64)>>,
    /// Conditional references checked when the whole pattern is read.
    pub(super) cond_refs: Vec<(usize, usize)>,
    pub(super) parents: Vec<usize>,
    /// Inside a lookbehind: how many groups were defined before it.
    pub(super) lookbehind: Option<usize>,
    /// The capture groups open at the cursor, innermost last.
    pub(super) open: Vec<usize>,
    pub(super) depth: usize,
}

pub fn translate(pattern: &str, flags: u32) -> Result<Translated, ReError> {
    let mut ps = Parser {
        p: pattern.chars().collect(),
        i: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        widths: vec![Some((0, 0))],
        cond_refs: Vec::new(),
        parents: vec![0],
        lookbehind: None,
        open: Vec::new(),
        depth: 0,
    };
    let body = match ps.alternation(true) {
        Ok(body) => body,
        // CPython's tokenizer reads one token ahead: a lone backslash at
        // the end is reported as soon as the parser nears it.
        Err(_) if ps.lone_backslash_reached() => {
            return err("bad escape (end of pattern)", ps.p.len() - 1);
        }
        Err(e) => return Err(e),
    };
    if ps.i < ps.p.len() {
        // Only a `)` stops the top level early.
        return err("unbalanced parenthesis", ps.i);
    }
    for &(group, pos) in &ps.cond_refs {
        if group > ps.groups {
            return err(format!("invalid group reference {group}"), pos);
        }
    }
    let case = if ps.flags & IGNORECASE != 0 { "(?i)" } else { "" };
    Ok(Translated {
        source: format!("{case}{}", body.text),
        groups: ps.groups,
        names: ps.names,
        parents: ps.parents,
        flags: ps.flags,
    })
}

impl Parser {
    pub(super) fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    pub(super) fn peek_at(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }

    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn lone_backslash_reached(&self) -> bool {
        let run = self.p.iter().rev().take_while(|c| **c == '\\').count();
        run % 2 == 1 && self.i + 1 >= self.p.len()
    }

    /// In a lookbehind, CPython refuses references to groups not closed
    /// before it (`pos`: just after the reference).
    pub(super) fn check_lookbehind_ref(&self, group: usize, pos: usize) -> Result<(), ReError> {
        let Some(before) = self.lookbehind else { return Ok(()) };
        if group > self.groups || self.widths[group].is_none() {
            return err("cannot refer to an open group", pos);
        }
        if group > before {
            return err("cannot refer to group defined in the same lookbehind subpattern", pos);
        }
        Ok(())
    }

    /// Moves to the next `end`, stepping over escapes as pairs (CPython
    /// reads names token by token, so `\\}` does not end a `\\N{...}`).
    pub(super) fn until(&mut self, end: char) {
        while let Some(c) = self.peek() {
            if c == end {
                break;
            }
            self.i += if c == '\\' && self.i + 1 < self.p.len() { 2 } else { 1 };
        }
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    pub(super) fn ascii(&self) -> bool {
        self.flags & ASCII != 0
    }

    /// In verbose mode, whitespace and `#` comments between items.
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    /// `a|b|c` up to a `)` or the end.
    fn alternation(&mut self, top: bool) -> Result<Piece, ReError> {
        let mut branches = Vec::new();
        let (mut min, mut max) = (INF, 0);
        loop {
            let first = top && branches.is_empty();
            let b = self.sequence(first)?;
            min = min.min(b.min);
            max = max.max(b.max);
            branches.push(b.text);
            if !self.eat('|') {
                break;
            }
        }
        let text = if branches.len() == 1 { branches.pop().unwrap_or_default() } else { branches.join("|") };
        Ok(Piece { text, min, max, kind: Kind::Atom })
    }

    /// Items up to `|`, `)` or the end. `first`: at the very start of the
    /// pattern, where global flags like `(?i)` may stand.
    fn sequence(&mut self, first: bool) -> Result<Piece, ReError> {
        let mut text = String::new();
        let (mut min, mut max) = (0u64, 0u64);
        let mut last: Option<Piece> = None;
        let mut any = false;
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            if let Some((lo, hi, len)) = self.quantifier() {
                let here = self.i;
                // Consumed before any error, as CPython reads it.
                self.i += len;
                let Some(item) = last.take() else { return err("nothing to repeat", here) };
                if item.kind == Kind::At {
                    return err("nothing to repeat", here);
                }
                if item.kind == Kind::Repeat {
                    return err("multiple repeat", here);
                }
                if let (Some(lo), Some(hi)) = (lo, hi)
                    && hi < lo
                {
                    return err("min repeat greater than max repeat", here + 1);
                }
                if lo.is_some_and(|n| n >= MAXREPEAT) || hi.is_some_and(|n| n >= MAXREPEAT) {
                    return Err(ReError::Overflow("the repetition number is too large".into()));
                }
                let lo = lo.unwrap_or(0);
                let suffix = if self.eat('?') {
                    "?"
                } else if self.eat('+') {
                    "+"
                } else {
                    ""
                };
                let q = match hi {
                    None => format!("{{{lo},}}"),
                    Some(hi) if hi == lo => format!("{{{lo}}}"),
                    Some(hi) => format!("{{{lo},{hi}}}"),
                };
                let imin = item.min.saturating_mul(lo);
                let imax = match hi {
                    _ if item.max == 0 => 0,
                    None => INF,
                    Some(h) => item.max.saturating_mul(h),
                };
                // The engine refuses to repeat a lookaround; repeating
                // something of no width is the same as once (or optional).
                let text = match (item.max, lo) {
                    (0, 0) => format!("(?:{}|)", item.text),
                    (0, _) => format!("(?:{})", item.text),
                    // Every item is one unit (a character, a class, a
                    // group), so it takes the quantifier as it is: no
                    // wrapper adds to the engine's nesting.
                    _ => format!("{}{q}{suffix}", item.text),
                };
                last = Some(Piece { text, min: imin, max: imax, kind: Kind::Repeat });
                continue;
            }
            if let Some(item) = last.take() {
                text.push_str(&item.text);
                min = min.saturating_add(item.min);
                max = max.saturating_add(item.max);
            }
            match self.item(first && !any)? {
                Some(p) => {
                    any = true;
                    last = Some(p);
                }
                None => continue,
            }
        }
        if let Some(item) = last {
            text.push_str(&item.text);
            min = min.saturating_add(item.min);
            max = max.saturating_add(item.max);
        }
        Ok(Piece { text, min, max, kind: Kind::Atom })
    }

    /// A quantifier at the cursor: (min, max, its length), without the
    /// lazy/possessive suffix. `{` that is not `{m,n}` is a literal.
    fn quantifier(&self) -> Option<(Option<u64>, Option<u64>, usize)> {
        match self.peek()? {
            '*' => Some((Some(0), None, 1)),
            '+' => Some((Some(1), None, 1)),
            '?' => Some((Some(0), Some(1), 1)),
            '{' => {
                let mut k = self.i + 1;
                let digits = |k: &mut usize| {
                    let start = *k;
                    while self.p.get(*k).is_some_and(|c| c.is_ascii_digit()) {
                        *k += 1;
                    }
                    let s: String = self.p[start..*k].iter().collect();
                    if s.is_empty() { None } else { Some(s.parse::<u64>().unwrap_or(u64::MAX)) }
                };
                let lo = digits(&mut k);
                let hi = if self.p.get(k) == Some(&',') {
                    k += 1;
                    digits(&mut k)
                } else {
                    Some(lo?)
                };
                if self.p.get(k) != Some(&'}') {
                    return None;
                }
                Some((lo.or(Some(0)), hi, k + 1 - self.i))
            }
            _ => None,
        }
    }

    /// One item; `None` for something that emits nothing (global flags,
    /// a comment).
    fn item(&mut self, first: bool) -> Result<Option<Piece>, ReError> {
        let start = self.i;
        let c = self.p[self.i];
        self.i += 1;
        let atom = |text: String| Piece { text, min: 1, max: 1, kind: Kind::Atom };
        let at = |text: &str| Piece { text: text.to_string(), min: 0, max: 0, kind: Kind::At };
        Ok(Some(match c {
            '.' => atom(if self.flags & DOTALL != 0 { "(?s:.)".into() } else { "[^\\n]".into() }),
            '^' => at(if self.flags & MULTILINE != 0 { "(?m:^)" } else { "\\A" }),
            '$' => at(if self.flags & MULTILINE != 0 { "(?m:$)" } else { "(?=\\n?\\z)" }),
            '[' => atom(self.class(start)?),
            '\\' => return self.escape(start).map(Some),
            '(' => return self.group(start, first),
            _ => atom(lit(c)),
        }))
    }

    /// A group name up to `end` (`(?P<name>`, `(?P=name)`, `(?(name)`).
    fn name(&mut self, end: char) -> Result<(String, usize), ReError> {
        let start = self.i;
        self.until(end);
        let name: String = self.p[start..self.i].iter().collect();
        if self.peek().is_none() && name.is_empty() {
            return err("missing group name", start);
        }
        if self.peek().is_none() {
            let what = if end == '>' { "missing >, unterminated name" } else { "missing ), unterminated name" };
            return err(what, start);
        }
        self.i += 1;
        if name.is_empty() {
            return err("missing group name", start);
        }
        if !is_identifier(&name) {
            return err(format!("bad character in group name {}", repr(&name)), start);
        }
        Ok((name, start))
    }

    /// Everything that starts with `(` (`start` is the paren).
    fn group(&mut self, start: usize, first: bool) -> Result<Option<Piece>, ReError> {
        if self.depth >= MAX_DEPTH {
            return err(format!("too many nested parentheses (pyl's limit is {MAX_DEPTH})"), start);
        }
        if !self.eat('?') {
            return self.capture(start, None).map(Some);
        }
        let Some(c) = self.peek() else { return err("unexpected end of pattern", self.i) };
        self.i += 1;
        match c {
            ':' => self.subgroup(start, "(?:", self.flags).map(Some),
            'P' => {
                if self.eat('<') {
                    let (name, pos) = self.name('>')?;
                    if let Some((_, g)) = self.names.iter().find(|(n, _)| *n == name) {
                        let msg = format!(
                            "redefinition of group name {} as group {}; was group {g}",
                            repr(&name),
                            self.groups + 1
                        );
                        return err(msg, pos);
                    }
                    self.capture(start, Some(name)).map(Some)
                } else if self.eat('=') {
                    let (name, pos) = self.name(')')?;
                    let Some(&(_, g)) = self.names.iter().find(|(n, _)| *n == name) else {
                        return err(format!("unknown group name {}", repr(&name)), pos);
                    };
                    self.backref(g, pos).map(Some)
                } else {
                    match self.peek() {
                        None => err("unexpected end of pattern", self.i),
                        Some(d) => {
                            let token: String = self.p[self.i..].iter().take(if d == '\\' { 2 } else { 1 }).collect();
                            err(format!("unknown extension ?P{token}"), start + 1)
                        }
                    }
                }
            }
            '=' | '!' => {
                let open = if c == '=' { "(?=" } else { "(?!" };
                let mut p = self.subgroup(start, open, self.flags)?;
                (p.min, p.max, p.kind) = (0, 0, Kind::Atom);
                Ok(Some(p))
            }
            '<' => {
                let open = match self.peek() {
                    Some('=') => "(?<=",
                    Some('!') => "(?<!",
                    None => return err("unexpected end of pattern", self.i),
                    Some(d) => return err(format!("unknown extension ?<{d}"), start + 1),
                };
                self.i += 1;
                let outer = self.lookbehind;
                self.lookbehind = outer.or(Some(self.groups));
                let p = self.subgroup(start, open, self.flags);
                self.lookbehind = outer;
                let mut p = p?;
                if p.min != p.max {
                    return Err(ReError::Syntax("look-behind requires fixed-width pattern".into(), None));
                }
                (p.min, p.max) = (0, 0);
                Ok(Some(p))
            }
            '>' => self.subgroup(start, "(?>", self.flags).map(Some),
            '#' => {
                while let Some(d) = self.peek() {
                    self.i += 1;
                    if d == ')' {
                        return Ok(None);
                    }
                }
                err("missing ), unterminated comment", start)
            }
            '(' => self.conditional(start).map(Some),
            _ if "aiLmsux-".contains(c) => self.flag_group(start, c, first),
            '\\' => {
                let next = self.peek().map_or(String::new(), String::from);
                err(format!("unknown extension ?\\{next}"), start + 1)
            }
            _ => err(format!("unknown extension ?{c}"), start + 1),
        }
    }

    /// `(...)`, numbered (and named).
    fn capture(&mut self, start: usize, name: Option<String>) -> Result<Piece, ReError> {
        self.groups += 1;
        let g = self.groups;
        self.widths.push(None);
        self.parents.push(self.open.last().copied().unwrap_or(0));
        if let Some(name) = name {
            self.names.push((name, g));
        }
        self.open.push(g);
        let p = self.subgroup(start, "(", self.flags);
        self.open.pop();
        let mut p = p?;
        self.widths[g] = Some((p.min, p.max));
        p.kind = Kind::Atom;
        Ok(p)
    }

    /// The body of a group opened with `open`, read under `flags`, and
    /// its closing paren.
    fn subgroup(&mut self, start: usize, open: &str, flags: u32) -> Result<Piece, ReError> {
        let saved = self.flags;
        self.flags = flags;
        self.depth += 1;
        let body = self.alternation(false);
        self.depth -= 1;
        self.flags = saved;
        let body = body?;
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(Piece { text: format!("{open}{})", body.text), min: body.min, max: body.max, kind: Kind::Atom })
    }

    /// `(?(group)yes|no)`.
    fn conditional(&mut self, start: usize) -> Result<Piece, ReError> {
        let (name, pos) = {
            let s = self.i;
            self.until(')');
            let name: String = self.p[s..self.i].iter().collect();
            if !self.eat(')') {
                let what = if name.is_empty() { "missing group name" } else { "missing ), unterminated name" };
                return err(what, s);
            }
            if name.is_empty() {
                return err("missing group name", s);
            }
            (name, s)
        };
        let group = if name.chars().all(|c| c.is_ascii_digit()) {
            let g: usize = name.parse().unwrap_or(usize::MAX);
            if g == 0 {
                return err("bad group number", pos);
            }
            self.cond_refs.push((g, pos));
            self.check_lookbehind_ref(g, self.i)?;
            g
        } else if is_identifier(&name) {
            match self.names.iter().find(|(n, _)| *n == name) {
                Some(&(_, g)) => {
                    self.check_lookbehind_ref(g, self.i)?;
                    g
                }
                None => return err(format!("unknown group name {}", repr(&name)), pos),
            }
        } else {
            return err(format!("bad character in group name {}", repr(&name)), pos);
        };
        self.depth += 1;
        let branches = self.branches();
        self.depth -= 1;
        let (yes, no) = branches?;
        if self.peek() == Some('|') {
            return err("conditional backref with more than two branches", self.i);
        }
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        let (no_text, no_min, no_max) = match no {
            Some(n) => (n.text, n.min, n.max),
            None => (String::new(), 0, 0),
        };
        Ok(Piece {
            // Each branch in its own group: the engine reads `(?(1))` as
            // a bare test, where Python's empty branch always succeeds.
            text: format!("(?({group})(?:{})|(?:{no_text}))", yes.text),
            min: yes.min.min(no_min),
            max: yes.max.max(no_max),
            kind: Kind::Atom,
        })
    }

    /// The yes and no branches of a conditional.
    fn branches(&mut self) -> Result<(Piece, Option<Piece>), ReError> {
        let yes = self.sequence(false)?;
        let no = if self.eat('|') { Some(self.sequence(false)?) } else { None };
        Ok((yes, no))
    }

    /// `(?imsx)` (global, only at the start) or `(?i-s:...)` (scoped).
    fn flag_group(&mut self, start: usize, mut c: char, first: bool) -> Result<Option<Piece>, ReError> {
        let flag = |c: char| match c {
            'a' => ASCII,
            'i' => IGNORECASE,
            'L' => LOCALE,
            'm' => MULTILINE,
            's' => DOTALL,
            'u' => UNICODE,
            'x' => VERBOSE,
            _ => 0,
        };
        let type_flags = ASCII | LOCALE | UNICODE;
        let (mut add, mut del) = (0, 0);
        if c != '-' {
            loop {
                if c == 'L' {
                    return err("bad inline flags: cannot use 'L' flag with a str pattern", self.i);
                }
                let f = flag(c);
                add |= f;
                if f & type_flags != 0 && add & type_flags != f {
                    return err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", self.i);
                }
                let Some(next) = self.peek() else { return err("missing -, : or )", self.i) };
                self.i += 1;
                c = next;
                if ")-:".contains(c) {
                    break;
                }
                if flag(c) == 0 {
                    let msg = if c.is_alphabetic() { "unknown flag" } else { "missing -, : or )" };
                    return err(msg, self.i - 1);
                }
            }
        }
        if c == ')' {
            if !first {
                return err("global flags not at the start of the expression", start);
            }
            self.flags |= add;
            return Ok(None);
        }
        if c == '-' {
            let Some(next) = self.peek() else { return err("missing flag", self.i) };
            self.i += 1;
            c = next;
            if flag(c) == 0 {
                let msg = if c.is_alphabetic() { "unknown flag" } else { "missing flag" };
                return err(msg, self.i - 1);
            }
            loop {
                let f = flag(c);
                if f & type_flags != 0 {
                    return err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.i);
                }
                del |= f;
                let Some(next) = self.peek() else { return err("missing :", self.i) };
                self.i += 1;
                c = next;
                if c == ':' {
                    break;
                }
                if flag(c) == 0 {
                    let msg = if c.is_alphabetic() { "unknown flag" } else { "missing :" };
                    return err(msg, self.i - 1);
                }
            }
        }
        if add & del != 0 {
            return err("bad inline flags: flag turned on and off", self.i - 1);
        }
        let mut flags = (self.flags | add) & !del;
        if add & ASCII != 0 {
            flags &= !UNICODE;
        } else if add & UNICODE != 0 {
            flags &= !ASCII;
        }
        let open = match (add & IGNORECASE != 0, del & IGNORECASE != 0) {
            (true, _) => "(?i:",
            (_, true) => "(?-i:",
            _ => "(?:",
        };
        self.subgroup(start, open, flags).map(Some)
    }
}

/// Python's `str.isidentifier` for group names (close enough: a letter
/// or underscore, then letters, digits, underscores).
fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
}
