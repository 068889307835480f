//! "Did you mean ...?": the near names the top-level printer offers after
//! a NameError, an AttributeError or (pyl's own addition for learners) a
//! ModuleNotFoundError.
//!
//! Suggestions are computed when the report is printed, never stored in
//! the message (`str(e)` has none). The measure behaves as CPython's: an
//! edit distance where inserting, deleting or replacing a character costs
//! 2 and replacing it by itself in the other case costs 1; a candidate is
//! offered when its distance is at most a third of the two lengths plus
//! one (`(len(a) + len(b) + 3) * 2 / 6`), and the first nearest candidate
//! wins. Long names and very long candidate lists get no suggestion.

use crate::runtime::pyarc::PyArc;
use std::path::PathBuf;

use super::Vm;
use crate::bytecode::code::flags;
use crate::runtime::instance::Instance;
use crate::runtime::types::types;
use crate::runtime::value::Value;

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
/// Names (and candidates) longer than this are not compared.
const MAX_NAME: usize = 40;
/// More candidates than this and no suggestion is made.
const MAX_CANDIDATES: usize = 750;

/// The weighted edit distance between `a` and `b`, or `None` when it is
/// certainly above `limit`.
fn distance(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) * MOVE_COST > limit {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j * MOVE_COST).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = (i + 1) * MOVE_COST;
        let mut best = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let replace = if ca == cb {
                0
            } else if ca.eq_ignore_ascii_case(&cb) {
                CASE_COST
            } else {
                MOVE_COST
            };
            let d = (diagonal + replace).min(row[j] + MOVE_COST).min(row[j + 1] + MOVE_COST);
            diagonal = row[j + 1];
            row[j + 1] = d;
            best = best.min(d);
        }
        if best > limit {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= limit)
}

/// The first candidate nearest to `name`, if any is near enough.
pub fn nearest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if name.len() > MAX_NAME || candidates.len() > MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == name || c.len() > MAX_NAME {
            continue;
        }
        let mut limit = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = best {
            limit = limit.min(d - 1);
        }
        if let Some(d) = distance(name.as_bytes(), c.as_bytes(), limit)
            && d > 0
        {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

impl Vm {
    /// The suggestion for an exception about to be printed at top level.
    pub(super) fn suggestion(&mut self, exc: &PyArc<Instance>) -> Option<String> {
        let cls = exc.class();
        let t = &types().exc;
        let name = match exc.dict.get_item_str("name") {
            Some(Value::Str(n)) => n.as_str().to_string(),
            _ => return None,
        };
        if cls.is_subclass(&t.name_error) {
            self.name_suggestion(exc, &name)
        } else if cls.is_subclass(&t.attribute_error) {
            let obj = exc.dict.get_item_str("obj")?;
            let names = crate::runtime::object::dir_of(self, &obj);
            nearest(&name, names.iter().map(String::as_str))
        } else if cls.is_subclass(&t.module_not_found_error) {
            let names = self.importable_modules();
            nearest(&name, names.iter().map(String::as_str))
        } else {
            None
        }
    }

    /// Locals of the failing frame, then its globals, then the builtins.
    fn name_suggestion(&mut self, exc: &PyArc<Instance>, name: &str) -> Option<String> {
        let (scopes, innermost) = {
            let d = exc.exc()?.lock();
            (d.scopes.clone(), d.traceback.first().map(|e| e.code.clone()))
        };
        if let Some(code) = innermost
            && code.flags & (flags::MODULE | flags::CLASS_BODY) == 0
        {
            let locals = code.varnames.iter().chain(&code.cellvars).chain(&code.freevars);
            if let Some(s) = nearest(name, locals.map(|v| v.as_str())) {
                return Some(s);
            }
        }
        let keys = |d: &crate::runtime::dict::PyDict| -> Vec<String> {
            d.keys().iter().filter_map(|k| k.as_str().map(|s| s.as_str().to_string())).collect()
        };
        for scope in &scopes {
            let names = keys(scope);
            if let Some(s) = nearest(name, names.iter().map(String::as_str)) {
                return Some(s);
            }
        }
        let builtins = keys(&self.shared.builtins);
        nearest(name, builtins.iter().map(String::as_str))
    }

    /// Names `import` could find: builtin and frozen modules, and the
    /// `.pyl`/`.py` files and packages in the directories of `sys.path`.
    fn importable_modules(&self) -> Vec<String> {
        let mut names: Vec<String> = self.shared.native_modules.lock().keys().map(|k| k.to_string()).collect();
        names.extend(crate::modules::frozen_names().iter().map(|n| n.to_string()));
        names.extend(self.shared.modules.keys().iter().filter_map(|k| k.as_str().map(|s| s.as_str().to_string())));
        let dirs: Vec<PathBuf> = match self.shared.sys.get("path") {
            Some(Value::List(l)) => {
                l.snapshot().iter().filter_map(|v| v.as_str().map(|s| PathBuf::from(s.as_str()))).collect()
            }
            _ => Vec::new(),
        };
        for dir in dirs {
            let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let module_file = path.extension().is_some_and(|e| e == "pyl" || e == "py");
                let package = path.join("__init__.pyl").is_file() || path.join("__init__.py").is_file();
                if (module_file || package) && !stem.is_empty() && !stem.contains('.') {
                    names.push(stem.to_string());
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    fn near(name: &str, candidates: &[&str]) -> Option<String> {
        nearest(name, candidates.iter().copied())
    }

    #[test]
    fn near_names() {
        assert_eq!(near("lenght", &["length"]).as_deref(), Some("length"));
        assert_eq!(near("Print", &["print"]).as_deref(), Some("print"));
        assert_eq!(near("PRINT", &["print"]), None);
        assert_eq!(near("b", &["a"]), None);
        assert_eq!(near("b", &["ab"]).as_deref(), Some("ab"));
        assert_eq!(near("abx", &["abd", "abc"]).as_deref(), Some("abd"));
        assert_eq!(near("abcdefghijklmn", &["abcdefghij"]).as_deref(), Some("abcdefghij"));
    }
}
