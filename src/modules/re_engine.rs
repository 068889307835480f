//! `_re`: the matching engine under the `re` module (pyl source, `re.pyl`).
//!
//! Contract: `compile(pattern, flags)` translates a Python pattern
//! (`re_parse`) and compiles it with fancy-regex, giving
//! `(engine, groups, ((name, index), ...), flags)`, or `(None, msg, pos)`
//! for a bad pattern (re.pyl raises `re.error`). `search(engine, string,
//! pos, endpos, mode)` (mode 0 search, 1 match, 2 fullmatch) gives a flat
//! tuple `(start0, end0, start1, end1, ...)` of code-point spans, -1 for
//! a group that did not take part, or None. `scan(engine, string, pos,
//! endpos, limit)` gives the span tuples of successive matches with
//! CPython's rule for empty matches (an empty match may follow a
//! non-empty one; after an empty match the next may not be empty at the
//! same place), `limit` 0 for all; `findall` the same as CPython's
//! findall result. Positions are clamped by the caller (0 <= pos,
//! endpos <= len). The string is cut at `endpos`, as CPython does, while
//! lookbehind and `\b` still see what lies before `pos`. fancy-regex's
//! backtracking limit becomes a RuntimeError, never a panic.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};

use fancy_regex::{Captures, Regex, RegexBuilder, RegexInput};

use super::re_parse::{self, ReError, UNICODE};
use crate::Value;
use crate::runtime::args::{to_index, to_str};
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::str::PyStr;
use crate::runtime::types::{make, types};
use crate::runtime::value::NativeObject;
use crate::vm::error::{overflow_error, runtime_error, type_error, value_error};
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_re");
    let functions: Vec<(&'static str, NativeFn)> =
        vec![("compile", compile), ("search", search), ("scan", scan), ("findall", findall)];
    m.set_functions(&functions);
    Ok(PyArc::new(m))
}

/// A compiled pattern: the search form, and the forms fullmatch and the
/// empty-match rule need, compiled on first use.
struct Engine {
    source: String,
    search: Regex,
    /// `(?:P)\z`: fullmatch.
    full: OnceLock<Option<Regex>>,
    /// P refusing empty matches: the retry after an empty match.
    nonempty: OnceLock<Option<Regex>>,
    groups: usize,
}

impl NativeObject for Engine {
    fn class(&self) -> PyArc<Class> {
        static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
        CLASS
            .get_or_init(|| {
                let cls = make("Engine", &types().object_type, None, &[]);
                *cls.module.lock() = Value::str("_re");
                cls
            })
            .clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Engine {
    fn full(&self) -> Option<&Regex> {
        self.full.get_or_init(|| build(&format!("(?:{})\\z", self.source), false).ok()).as_ref()
    }

    fn nonempty(&self) -> Option<&Regex> {
        self.nonempty.get_or_init(|| build(&self.source, true).ok()).as_ref()
    }
}

fn compile(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("compile", 2, args.pos.len())?;
    let pattern = match &args.pos[0] {
        Value::Str(s) => s.clone(),
        Value::Bytes(_) => return Err(type_error("pyl's re supports str patterns only, not bytes")),
        other => {
            return Err(type_error(format!(
                "first argument must be string or compiled pattern, not {}",
                other.type_name()
            )));
        }
    };
    let flags = match &args.pos[1] {
        Value::Int(i) => *i as u32,
        Value::Bool(b) => *b as u32,
        _ => return Err(type_error("flags must be an int")),
    };
    let t = match re_parse::translate(pattern.as_str(), flags) {
        Ok(t) => t,
        Err(ReError::Syntax(msg, pos)) => {
            let pos = pos.map_or(Value::None, |p| Value::Int(p as i64));
            return Ok(Value::tuple(vec![Value::None, Value::str(msg), pos]));
        }
        Err(ReError::Overflow(msg)) => return Err(overflow_error(msg)),
    };
    let mut flags = t.flags;
    if flags & re_parse::LOCALE != 0 {
        return Err(value_error("cannot use LOCALE flag with a str pattern"));
    }
    if flags & re_parse::ASCII == 0 {
        flags |= UNICODE;
    } else if flags & UNICODE != 0 {
        return Err(value_error("ASCII and UNICODE flags are incompatible"));
    }
    let search = match build(&t.source, false) {
        Ok(r) => r,
        // What CPython accepts and the engine cannot do (nesting deeper
        // than 64, a backreference inside a lookbehind, a huge pattern).
        Err(e) => {
            let msg = format!("pyl's regular expression engine cannot compile this pattern ({e})");
            return Ok(Value::tuple(vec![Value::None, Value::str(msg), Value::None]));
        }
    };
    let engine =
        Engine { source: t.source, search, full: OnceLock::new(), nonempty: OnceLock::new(), groups: t.groups };
    let names: Vec<Value> =
        t.names.into_iter().map(|(n, g)| Value::tuple(vec![Value::str(n), Value::Int(g as i64)])).collect();
    Ok(Value::tuple(vec![
        Value::native(Arc::new(engine)),
        Value::Int(t.groups as i64),
        Value::tuple(names),
        Value::Int(flags as i64),
        Value::tuple(t.parents.into_iter().map(|g| Value::Int(g as i64)).collect()),
    ]))
}

/// The arguments every matching call shares: engine, string, pos, endpos
/// (code points, already clamped) and one more int.
fn unpack<'a>(vm: &mut Vm, name: &str, args: &'a Args) -> PyResult<(&'a Engine, &'a PyArc<PyStr>, usize, usize, i64)> {
    args.exactly(name, 5, args.pos.len())?;
    let engine = args.pos[0].as_native::<Engine>().ok_or_else(|| type_error("expected a compiled pattern"))?;
    let s = to_str(&args.pos[1], "string")?;
    let pos = to_index(vm, &args.pos[2])?.clamp(0, s.char_len() as i64) as usize;
    let endpos = to_index(vm, &args.pos[3])?.clamp(0, s.char_len() as i64) as usize;
    let extra = to_index(vm, &args.pos[4])?;
    Ok((engine, s, pos, endpos, extra))
}

/// fancy-regex gives up where CPython would run on (for a very long
/// time): a RuntimeError says so rather than hanging or crashing.
fn engine_error(e: fancy_regex::Error) -> PyErr {
    use fancy_regex::{Error, RuntimeError};
    let why = match e {
        Error::RuntimeError(RuntimeError::BacktrackLimitExceeded) => {
            format!("more than {BACKTRACK_LIMIT} backtracking steps")
        }
        Error::RuntimeError(RuntimeError::StackOverflow) => "too deep a backtracking stack".to_string(),
        other => other.to_string(),
    };
    runtime_error(format!("regular expression matching stopped: {why} on this input"))
}

/// Backtracking steps one match may take (fancy-regex's default).
const BACKTRACK_LIMIT: usize = 1_000_000;
/// Bytes the compiled automaton of a pattern may take: well above the
/// engine's default (10 MB) so that `\w{1000}` compiles, as in CPython.
const SIZE_LIMIT: usize = 256 << 20;

/// A pattern built with pyl's limits.
fn build(source: &str, not_empty: bool) -> Result<Regex, fancy_regex::Error> {
    RegexBuilder::new(source)
        .backtrack_limit(BACKTRACK_LIMIT)
        .delegate_size_limit(SIZE_LIMIT)
        .find_not_empty(not_empty)
        .build()
}

/// Byte offsets of matches to code points, counting forward from the
/// last offset converted (matches come in order).
struct Points<'s> {
    s: &'s PyStr,
    byte: usize,
    point: usize,
}

impl<'s> Points<'s> {
    fn new(s: &'s PyStr) -> Points<'s> {
        Points { s, byte: 0, point: 0 }
    }

    fn of(&mut self, b: usize) -> i64 {
        if self.s.is_ascii() {
            return b as i64;
        }
        let text = self.s.as_str();
        if b < self.byte {
            (self.byte, self.point) = (0, 0);
        }
        self.point += text[self.byte..b].chars().count();
        self.byte = b;
        self.point as i64
    }

    fn spans(&mut self, caps: &Captures<'_, str>, groups: usize) -> Vec<i64> {
        let mut out = Vec::with_capacity(2 * (groups + 1));
        for g in 0..=groups {
            match caps.get(g) {
                Some(m) => {
                    out.push(self.of(m.start()));
                    out.push(self.of(m.end()));
                }
                None => out.extend([-1, -1]),
            }
        }
        out
    }
}

fn spans_value(spans: Vec<i64>) -> Value {
    Value::tuple(spans.into_iter().map(Value::Int).collect())
}

fn search(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (engine, s, pos, endpos, mode) = unpack(vm, "search", args)?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let hay = &s.as_str()[..s.byte_offset(endpos)];
    let input = RegexInput::new(hay).from_pos(s.byte_offset(pos));
    let found = match mode {
        0 => engine.search.captures_input(input),
        1 => engine.search.captures_input(input.anchored(true)),
        _ => match engine.full() {
            Some(full) => full.captures_input(input.anchored(true)),
            None => return Ok(Value::None),
        },
    };
    match found.map_err(engine_error)? {
        Some(caps) => Ok(spans_value(Points::new(s).spans(&caps, engine.groups))),
        None => Ok(Value::None),
    }
}

/// Successive matches as CPython finds them (see the module doc).
fn each_match(
    engine: &Engine,
    s: &PyStr,
    pos: usize,
    endpos: usize,
    limit: usize,
    mut found: impl FnMut(&Captures<'_, str>),
) -> PyResult<()> {
    if pos > endpos {
        return Ok(());
    }
    let hay = &s.as_str()[..s.byte_offset(endpos)];
    let mut at = s.byte_offset(pos);
    let mut after_empty = false;
    let mut count = 0;
    while at <= hay.len() && (limit == 0 || count < limit) {
        let input = RegexInput::new(hay).from_pos(at);
        let caps = if after_empty {
            let here = match engine.nonempty() {
                Some(r) => r.captures_input(input.clone().anchored(true)).map_err(engine_error)?,
                None => None,
            };
            match here {
                Some(c) => Some(c),
                None => {
                    let Some(c) = hay[at..].chars().next() else { break };
                    let next = RegexInput::new(hay).from_pos(at + c.len_utf8());
                    engine.search.captures_input(next).map_err(engine_error)?
                }
            }
        } else {
            engine.search.captures_input(input).map_err(engine_error)?
        };
        let Some(caps) = caps else { break };
        let Some(m) = caps.get(0) else { break };
        after_empty = m.start() == m.end();
        at = m.end();
        count += 1;
        found(&caps);
    }
    Ok(())
}

fn scan(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (engine, s, pos, endpos, limit) = unpack(vm, "scan", args)?;
    let mut points = Points::new(s);
    let mut out = Vec::new();
    each_match(engine, s, pos, endpos, limit.max(0) as usize, |caps| {
        out.push(spans_value(points.spans(caps, engine.groups)));
    })?;
    Ok(Value::list(out))
}

fn findall(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (engine, s, pos, endpos, _) = unpack(vm, "findall", args)?;
    let text = |caps: &Captures<'_, str>, g: usize| Value::str(caps.get(g).map_or("", |m| m.as_str()));
    let mut out = Vec::new();
    each_match(engine, s, pos, endpos, 0, |caps| {
        out.push(match engine.groups {
            0 => text(caps, 0),
            1 => text(caps, 1),
            n => Value::tuple((1..=n).map(|g| text(caps, g)).collect()),
        });
    })?;
    Ok(Value::list(out))
}
