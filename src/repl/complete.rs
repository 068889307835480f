//! Tab completion at the prompt, as CPython's rlcompleter behaves: a bare
//! word completes to keywords, `__main__`'s globals and the builtins; a
//! word after a dot completes to the attributes (`dir()`) of what the
//! dotted name before it denotes, looked up only when it is a plain
//! dotted name. Callables get a `(` appended; Tab on a blank line
//! indents.

use std::cell::RefCell;
use std::rc::Rc;

use pyl::cli::Session;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

/// What one Tab on a blank line inserts.
const INDENT: &str = "    ";

/// The language's keywords, as Python's `keyword.kwlist` lists them
/// (`async`/`await` are not pyl's but complete all the same).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The rustyline helper: completion through the session (which takes the
/// interpreter lock for each lookup, since the prompt waits without it).
pub struct ReplHelper {
    pub session: Rc<RefCell<Session>>,
}

impl ReplHelper {
    fn candidates(&self, word: &str) -> Vec<Pair> {
        // The loop never holds the session while the prompt reads a line;
        // if it somehow does, there is nothing to complete with.
        let Ok(mut session) = self.session.try_borrow_mut() else { return Vec::new() };
        match word.rsplit_once('.') {
            None => {
                let mut words: Vec<String> =
                    KEYWORDS.iter().filter(|k| k.starts_with(word)).map(|k| keyword(k)).collect();
                for name in session.global_names() {
                    if name.starts_with(word) && !KEYWORDS.contains(&name.as_str()) {
                        let call = session.is_callable(None, &name);
                        words.push(if call { format!("{name}(") } else { name });
                    }
                }
                words.sort();
                words.dedup();
                words.into_iter().map(|w| Pair { display: w.clone(), replacement: w }).collect()
            }
            Some((owner, prefix)) => {
                let Some(mut names) = session.attribute_names(owner) else { return Vec::new() };
                names.retain(|n| n.starts_with(prefix) && !hidden(n, prefix));
                names.sort();
                names.dedup();
                names
                    .into_iter()
                    .map(|n| {
                        let call = session.is_callable(Some(owner), &n);
                        let shown = if call { format!("{n}(") } else { n };
                        Pair { display: shown.clone(), replacement: shown }
                    })
                    .collect()
            }
        }
    }
}

/// A keyword as it completes: followed by what always comes next
/// (a colon after `try`/`finally`, a space after most others).
fn keyword(k: &str) -> String {
    match k {
        "try" | "finally" => format!("{k}:"),
        "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => k.to_string(),
        _ => format!("{k} "),
    }
}

/// Private names are offered only once the prefix asks for them: `_x`
/// after `_`, dunders after `__`.
fn hidden(name: &str, prefix: &str) -> bool {
    if prefix.starts_with("__") {
        false
    } else if prefix.starts_with('_') {
        name.starts_with("__")
    } else {
        name.starts_with('_')
    }
}

/// Byte index where the word under completion starts: identifier
/// characters and dots back from the cursor.
fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c == '_' || c == '.' || c.is_alphanumeric())
        .last()
        .map_or(before.len(), |(i, _)| i)
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        if before.trim().is_empty() {
            return Ok((pos, vec![Pair { display: INDENT.into(), replacement: INDENT.into() }]));
        }
        let start = word_start(before);
        let word = &before[start..];
        if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return Ok((pos, Vec::new()));
        }
        let candidates = self.candidates(word);
        // Candidates after a dot replace only the attribute part.
        let from = match word.rfind('.') {
            Some(dot) => start + dot + 1,
            None => start,
        };
        Ok((from, candidates))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

#[cfg(test)]
mod tests {
    use super::{hidden, keyword, word_start};

    #[test]
    fn words_end_at_the_cursor() {
        assert_eq!(word_start("print(os.pa"), 6);
        assert_eq!(word_start("x = pri"), 4);
        assert_eq!(word_start("pri"), 0);
        assert_eq!(word_start("f( "), 3);
    }

    #[test]
    fn private_names_need_an_underscore() {
        assert!(hidden("_x", ""));
        assert!(!hidden("_x", "_"));
        assert!(hidden("__x__", "_"));
        assert!(!hidden("__x__", "__"));
    }

    #[test]
    fn keywords_bring_what_follows_them() {
        assert_eq!(keyword("try"), "try:");
        assert_eq!(keyword("import"), "import ");
        assert_eq!(keyword("None"), "None");
    }
}
