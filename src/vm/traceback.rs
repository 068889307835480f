//! Printing exceptions the way CPython does: chained tracebacks, source
//! lines, collapsed recursion, and the special layout of syntax errors.

use std::sync::Arc;

use super::{PyErr, Vm};
use crate::runtime::exception::TraceEntry;
use crate::runtime::instance::Instance;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::{LineIndex, SyntaxError};

impl Vm {
    /// The full report of an uncaught exception, as printed on stderr.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(&err.0, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &Arc<Instance>, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(Arc::as_ptr(exc) as usize);
        let (cause, context, suppress) = match exc.exc() {
            Some(d) => {
                let d = d.lock();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            }
            None => (Value::None, Value::None, false),
        };
        if let Value::Instance(c) = &cause {
            if !seen.contains(&(Arc::as_ptr(c) as usize)) {
                self.format_chain(c, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if let (Value::Instance(c), false) = (&context, suppress)
            && !seen.contains(&(Arc::as_ptr(c) as usize))
        {
            self.format_chain(c, out, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        let entries: Vec<TraceEntry> = exc.exc().map(|d| d.lock().traceback.clone()).unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            format_entries(&entries, out);
        }
        out.push_str(&self.format_exception_only(exc));
    }

    /// The last part of a report: `Type: message` (with the syntax error
    /// layout for SyntaxError).
    pub fn format_exception_only(&mut self, exc: &Arc<Instance>) -> String {
        let cls = exc.class();
        let value = Value::Instance(exc.clone());
        let mut out = String::new();
        if cls.is_subclass(&types().exc.syntax_error) {
            out.push_str(&syntax_error_location(exc));
        }
        let name = match &*cls.module.lock() {
            Value::Str(m) if !matches!(m.as_str(), "builtins" | "__main__") => {
                format!("{}.{}", m.as_str(), cls.qualname().as_str())
            }
            _ => cls.qualname().as_str().to_string(),
        };
        let msg = if cls.is_subclass(&types().exc.syntax_error) {
            match exc.dict.get_item_str("msg") {
                Some(Value::Str(m)) => m.as_str().to_string(),
                _ => self.str(&value).unwrap_or_default(),
            }
        } else {
            self.str(&value).unwrap_or_else(|_| "<exception str() failed>".into())
        };
        // pyl's extra help for learners goes before the final line, which
        // stays exactly CPython's.
        if let Some(Value::Str(hint)) = exc.dict.get_item_str("__pyl_hint__") {
            out.push_str(hint.as_str());
            out.push('\n');
        }
        if msg.is_empty() {
            out.push_str(&format!("{name}\n"));
        } else {
            out.push_str(&format!("{name}: {msg}\n"));
        }
        out
    }

    /// Prints an uncaught exception to stderr.
    pub fn print_exception(&mut self, err: &PyErr) {
        let report = self.format_exception(err);
        let _ = self.shared.stdout.flush();
        let _ = self.shared.stderr.write(&report);
        let _ = self.shared.stderr.flush();
    }
}

/// Traceback lines, innermost last, with CPython's folding of repeats.
fn format_entries(entries: &[TraceEntry], out: &mut String) {
    let mut last: Option<(String, usize, String)> = None;
    let mut repeats = 0usize;
    let flush_repeats = |out: &mut String, repeats: usize| {
        if repeats > 3 {
            let n = repeats - 3;
            out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n == 1 { "" } else { "s" }));
        }
    };
    for e in entries.iter().rev() {
        let file = e.code.source.filename.clone();
        let line = e.code.line_at(e.pc);
        let name = e.code.name.as_str().to_string();
        let key = (file.clone(), line, name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
            if repeats > 3 {
                continue;
            }
        } else {
            flush_repeats(out, repeats);
            repeats = 1;
            last = Some(key);
        }
        out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
        let text = e.code.source.line_text(line).trim();
        if !text.is_empty() {
            out.push_str(&format!("    {text}\n"));
        }
    }
    flush_repeats(out, repeats);
}

/// The `File ..., line N` / source / caret lines of a syntax error.
fn syntax_error_location(exc: &Instance) -> String {
    let get = |k: &str| exc.dict.get_item_str(k);
    let file = match get("filename") {
        Some(Value::Str(f)) => f.as_str().to_string(),
        _ => return String::new(),
    };
    let line = match get("lineno") {
        Some(Value::Int(l)) => l,
        _ => return String::new(),
    };
    let mut out = format!("  File \"{file}\", line {line}\n");
    if let Some(Value::Str(text)) = get("text") {
        let raw = text.as_str().trim_end_matches(['\n', '\r']);
        let stripped = raw.trim_start();
        let indent = raw.chars().count() - stripped.chars().count();
        if !stripped.is_empty() {
            out.push_str(&format!("    {stripped}\n"));
            let offset = match get("offset") {
                Some(Value::Int(o)) => o as usize,
                _ => 0,
            };
            let end = match (get("end_lineno"), get("end_offset")) {
                (Some(Value::Int(el)), Some(Value::Int(eo))) if el == line && eo as usize > offset => eo as usize,
                _ => offset + 1,
            };
            if offset >= 1 {
                let col = offset.saturating_sub(1).saturating_sub(indent);
                let width = (end - offset).max(1).min(stripped.chars().count().saturating_sub(col).max(1));
                out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
            }
        }
    }
    out
}

/// The report of a compile failure as it is printed on stderr, without a
/// running interpreter.
pub fn syntax_error_report(e: &SyntaxError, filename: &str, source: &str) -> String {
    let err = syntax_error_value(e, filename, source);
    let mut out = syntax_error_location(&err.0);
    if let Some(h) = &e.hint {
        out.push_str(h);
        out.push('\n');
    }
    out.push_str(e.kind.class_name());
    if !e.msg.is_empty() {
        out.push_str(": ");
        out.push_str(&e.msg);
    }
    out.push('\n');
    out
}

/// A SyntaxError (or IndentationError/TabError/RecursionError) exception
/// object for a compile failure in `filename`.
pub fn syntax_error_value(e: &SyntaxError, filename: &str, source: &str) -> PyErr {
    let t = &types().exc;
    let class = match e.kind {
        crate::syntax::SyntaxErrorKind::Syntax => &t.syntax_error,
        crate::syntax::SyntaxErrorKind::Indentation => &t.indentation_error,
        crate::syntax::SyntaxErrorKind::Tab => &t.tab_error,
        crate::syntax::SyntaxErrorKind::Recursion => {
            return PyErr::new(&t.recursion_error, e.msg.clone());
        }
    };
    let lines = LineIndex::new(source);
    let line = e.line_override.unwrap_or_else(|| lines.line(e.span.start));
    let text = lines.line_text(source, line).to_string();
    let col = lines.column(source, e.span.start) + 1;
    let end_line = lines.line(e.span.end);
    let end_col = lines.column(source, e.span.end) + 1;
    let detail = Value::tuple(vec![
        Value::str(filename),
        Value::Int(line as i64),
        Value::Int(col as i64),
        Value::str(text.clone()),
        Value::Int(end_line as i64),
        Value::Int(end_col as i64),
    ]);
    let err = PyErr::with_args(class, vec![Value::str(e.msg.clone()), detail]);
    let d = &err.0.dict;
    d.set_item_str("msg", Value::str(e.msg.clone()));
    d.set_item_str("filename", Value::str(filename));
    d.set_item_str("lineno", Value::Int(line as i64));
    d.set_item_str("offset", Value::Int(col as i64));
    d.set_item_str("text", Value::str(text));
    d.set_item_str("end_lineno", Value::Int(end_line as i64));
    d.set_item_str("end_offset", Value::Int(end_col as i64));
    if let Some(h) = &e.hint {
        d.set_item_str("__pyl_hint__", Value::str(h.clone()));
    }
    err
}
