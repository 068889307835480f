//! Printing exceptions the way CPython does: chained tracebacks, source
//! lines with their `~~^~~` markers, collapsed recursion, the special
//! layout of syntax errors, "Did you mean" suggestions, and colour on a
//! terminal.

use crate::runtime::pyarc::PyArc;

use super::carets::frame_line;
use super::{PyErr, Vm};
use crate::runtime::exception::TraceEntry;
use crate::runtime::instance::Instance;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::{LineIndex, SyntaxError};

/// Escape sequences for a report on a terminal; all empty for plain text.
#[derive(Clone, Copy)]
struct Style {
    type_name: &'static str,
    message: &'static str,
    secondary: &'static str,
    primary: &'static str,
    reset: &'static str,
}

const PLAIN: Style = Style { type_name: "", message: "", secondary: "", primary: "", reset: "" };
const COLOUR: Style = Style {
    type_name: "\x1b[1;35m",
    message: "\x1b[35m",
    secondary: "\x1b[31m",
    primary: "\x1b[1;31m",
    reset: "\x1b[0m",
};

impl Style {
    /// A marker line of spaces, `~` and `^`.
    fn markers(&self, line: &str) -> String {
        if self.reset.is_empty() {
            return line.to_string();
        }
        let mut out = String::new();
        let mut current = ' ';
        for c in line.chars() {
            if c != current && c != ' ' {
                if current != ' ' {
                    out.push_str(self.reset);
                }
                out.push_str(if c == '^' { self.primary } else { self.secondary });
            }
            current = if c == ' ' && current != ' ' { current } else { c };
            out.push(c);
        }
        if current != ' ' {
            out.push_str(self.reset);
        }
        out
    }
}

/// Whether reports on stderr are coloured: stderr is a terminal, `NO_COLOR`
/// is unset and `TERM` is not `dumb`. Pipes and files get CPython's text.
fn colour_wanted() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

impl Vm {
    /// The full report of an uncaught exception, as printed on stderr
    /// (plain text).
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        self.format_report(err, PLAIN, true)
    }

    fn format_report(&mut self, err: &PyErr, style: Style, suggest: bool) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(&err.0, &mut out, &mut seen, style);
        // Only the exception that reached the top gets a suggestion.
        if let Some(s) = self.suggestion(&err.0).filter(|_| suggest) {
            let at = out.trim_end_matches('\n').len();
            let end = if style.reset.is_empty() { at } else { at - style.reset.len() };
            out.insert_str(end, &format!(". Did you mean: '{s}'?"));
        }
        out
    }

    fn format_chain(&mut self, exc: &PyArc<Instance>, out: &mut String, seen: &mut Vec<usize>, style: Style) {
        seen.push(PyArc::as_ptr(exc) as usize);
        let (cause, context, suppress) = match exc.exc() {
            Some(d) => {
                let d = d.lock();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            }
            None => (Value::None, Value::None, false),
        };
        if let Value::Instance(c) = &cause {
            if !seen.contains(&(PyArc::as_ptr(c) as usize)) {
                self.format_chain(c, out, seen, style);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if let (Value::Instance(c), false) = (&context, suppress)
            && !seen.contains(&(PyArc::as_ptr(c) as usize))
        {
            self.format_chain(c, out, seen, style);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        let entries: Vec<TraceEntry> = exc.exc().map(|d| d.lock().traceback.clone()).unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            format_entries(&entries, out, style);
        }
        out.push_str(&self.exception_only(exc, style));
    }

    /// The last part of a report: `Type: message` (with the syntax error
    /// layout for SyntaxError).
    pub fn format_exception_only(&mut self, exc: &PyArc<Instance>) -> String {
        self.exception_only(exc, PLAIN)
    }

    fn exception_only(&mut self, exc: &PyArc<Instance>, style: Style) -> String {
        let cls = exc.class();
        let value = Value::Instance(exc.clone());
        let mut out = String::new();
        if cls.is_subclass(&types().exc.syntax_error) {
            out.push_str(&syntax_error_location(exc, style));
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
        let Style { type_name, message, reset, .. } = style;
        if msg.is_empty() {
            out.push_str(&format!("{type_name}{name}{reset}\n"));
        } else {
            out.push_str(&format!("{type_name}{name}{reset}: {message}{msg}{reset}\n"));
        }
        // pyl's extra help for learners comes after CPython's report,
        // which stays exactly CPython's.
        if let Some(Value::Str(hint)) = exc.dict.get_item_str("__pyl_hint__") {
            out.push_str(hint.as_str());
            out.push('\n');
        }
        out
    }

    /// Prints an uncaught exception to stderr, in colour on a terminal.
    pub fn print_exception(&mut self, err: &PyErr) {
        self.print_report(err, true);
    }

    /// Prints an exception as CPython 3.11's `traceback` module does (for
    /// `threading`'s excepthook): as `print_exception` but without a
    /// suggestion.
    pub fn print_traceback(&mut self, err: &PyErr) {
        self.print_report(err, false);
    }

    fn print_report(&mut self, err: &PyErr, suggest: bool) {
        let style = if colour_wanted() { COLOUR } else { PLAIN };
        let report = self.format_report(err, style, suggest);
        let _ = self.shared.stdout.flush();
        let _ = self.shared.stderr.write(&report);
        let _ = self.shared.stderr.flush();
    }
}

/// Traceback lines, innermost last, with CPython's folding of repeats.
fn format_entries(entries: &[TraceEntry], out: &mut String, style: Style) {
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
        if let Some(source) = frame_line(&e.code.source, line, e.code.span_at(e.pc)) {
            out.push_str(&format!("    {}\n", source.text));
            if let Some(markers) = source.markers {
                out.push_str(&format!("    {}\n", style.markers(&markers)));
            }
        }
    }
    flush_repeats(out, repeats);
}

/// The `File ..., line N` / source / caret lines of a syntax error.
fn syntax_error_location(exc: &Instance, style: Style) -> String {
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
        let offset = match get("offset") {
            Some(Value::Int(o)) => o.max(0) as usize,
            _ => 0,
        };
        // CPython prints the text even when blank; pyl's own errors at
        // an empty line point past it and show nothing, as CPython's do.
        if !stripped.is_empty() || offset == 0 {
            out.push_str(&format!("    {stripped}\n"));
            let end = match (get("end_lineno"), get("end_offset")) {
                (Some(Value::Int(el)), Some(Value::Int(eo))) if el == line && eo as usize > offset => eo as usize,
                // Ending on a later line (a whole compound statement): to
                // the end of this one, as CPython's carets go.
                (Some(Value::Int(el)), Some(Value::Int(_))) if el > line => raw.chars().count() + 1,
                _ => offset + 1,
            };
            // An offset inside the stripped indentation (a TabError) has
            // no caret.
            if offset > indent {
                let col = offset.saturating_sub(1).saturating_sub(indent);
                let width = (end - offset).max(1).min(stripped.chars().count().saturating_sub(col).max(1));
                // CPython 3.11 places these carets by UTF-8 byte, not by
                // character: a line with non-ASCII text before the error
                // has its caret further right, and we match that.
                let n = stripped.chars().count();
                let bytes = |chars: usize| {
                    stripped.chars().take(chars).map(char::len_utf8).sum::<usize>() + chars.saturating_sub(n)
                };
                // (A one-character error, such as an invalid character,
                // keeps its single caret.)
                let width = if width == 1 { 1 } else { bytes(col + width) - bytes(col) };
                let col = bytes(col);
                let markers = format!("{}{}", " ".repeat(col), "^".repeat(width.max(1)));
                out.push_str(&format!("    {}\n", style.markers(&markers)));
            }
        }
    }
    out
}

/// The report of a compile failure as it is printed on stderr, without a
/// running interpreter.
pub fn syntax_error_report(e: &SyntaxError, filename: &str, source: &str) -> String {
    let err = syntax_error_value(e, filename, source);
    let exc = &err.0;
    let mut out = syntax_error_location(exc, PLAIN);
    out.push_str(e.kind.class_name());
    if !e.msg.is_empty() {
        out.push_str(": ");
        out.push_str(&e.msg);
    }
    out.push('\n');
    if let Some(Value::Str(hint)) = exc.dict.get_item_str("__pyl_hint__") {
        out.push_str(hint.as_str());
        out.push('\n');
    }
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
    match &e.place {
        crate::syntax::Place::Span => {}
        crate::syntax::Place::Nowhere => return PyErr::new(class, e.msg.clone()),
        crate::syntax::Place::LineZero => {
            return located(class, &e.msg, filename, (0, -1), None, None);
        }
        crate::syntax::Place::Line { line, column, text } => {
            let at = (*line as i64, *column as i64);
            return located(class, &e.msg, filename, at, Some(text.clone()), Some(at));
        }
    }
    let lines = LineIndex::new(source);
    let line = e.line_override.unwrap_or_else(|| lines.line(e.span.start));
    let text = lines.line_text(source, line).to_string();
    let col = lines.column(source, e.span.start) + 1;
    let end_line = lines.line(e.span.end);
    let end_col = lines.column(source, e.span.end) + 1;
    let at = (line as i64, col as i64);
    let err = located(class, &e.msg, filename, at, Some(text), Some((end_line as i64, end_col as i64)));
    let d = &err.0.dict;
    if let Some(help) = crate::syntax::help::learner_help(e, lines.line_text(source, line), col - 1) {
        d.set_item_str("__pyl_hint__", Value::str(help));
    }
    err
}

/// A SyntaxError with CPython's attributes: `args` is `(msg, (filename,
/// lineno, offset, text, end_lineno, end_offset))`.
fn located(
    class: &PyArc<crate::runtime::class::Class>,
    msg: &str,
    filename: &str,
    (line, col): (i64, i64),
    text: Option<String>,
    end: Option<(i64, i64)>,
) -> PyErr {
    let text = text.map_or(Value::None, Value::str);
    let (end_line, end_col) = end.map_or((Value::None, Value::None), |(l, c)| (Value::Int(l), Value::Int(c)));
    let detail = Value::tuple(vec![
        Value::str(filename),
        Value::Int(line),
        Value::Int(col),
        text.clone(),
        end_line.clone(),
        end_col.clone(),
    ]);
    let err = PyErr::with_args(class, vec![Value::str(msg), detail]);
    let d = &err.0.dict;
    d.set_item_str("msg", Value::str(msg));
    d.set_item_str("filename", Value::str(filename));
    d.set_item_str("lineno", Value::Int(line));
    d.set_item_str("offset", Value::Int(col));
    d.set_item_str("text", text);
    d.set_item_str("end_lineno", end_line);
    d.set_item_str("end_offset", end_col);
    err
}

#[cfg(test)]
mod tests {
    use super::{COLOUR, PLAIN};

    #[test]
    fn marker_colours() {
        assert_eq!(PLAIN.markers("  ~^~"), "  ~^~");
        assert_eq!(COLOUR.markers("  ~^~"), "  \x1b[31m~\x1b[0m\x1b[1;31m^\x1b[0m\x1b[31m~\x1b[0m");
        assert_eq!(COLOUR.markers(" ^^"), " \x1b[1;31m^^\x1b[0m");
    }
}
