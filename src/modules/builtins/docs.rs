//! The docstrings and text signatures of the functions, types and methods
//! pyl implements in Rust: what `len.__doc__`, `len.__text_signature__`
//! and `help(len)` show.
//!
//! They are CPython 3.11's, generated into `docs.txt` by
//! `scripts/gen_builtin_docs.py` (see there for the format), and parsed
//! into a table on first use: a program that never asks for a docstring
//! pays nothing. A name CPython does not document has no entry (its
//! `__doc__` is None).

use std::collections::HashMap;
use std::sync::OnceLock;

/// One documented object.
pub struct Doc {
    /// The `__module__` of a module function (`posix` for `os.getpid`).
    pub module: &'static str,
    /// `__text_signature__`, such as `($module, obj, /)`; empty if none.
    pub signature: &'static str,
    pub doc: &'static str,
}

/// The table, keyed by a record's kind letter, US and key (its own first
/// two fields, `F\x1fos.getpid`).
fn table() -> &'static HashMap<&'static str, Doc> {
    static TABLE: OnceLock<HashMap<&'static str, Doc>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text: &'static str = include_str!("docs.txt");
        let mut table = HashMap::new();
        for record in text.split('\x1e') {
            let record = record.trim_start_matches('\n');
            let mut fields = record.splitn(5, '\x1f');
            let (Some(kind), Some(key), Some(module), Some(signature), Some(doc)) =
                (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            table.insert(&record[..kind.len() + 1 + key.len()], Doc { module, signature, doc });
        }
        table
    })
}

fn lookup(kind: char, key: &str) -> Option<&'static Doc> {
    table().get(format!("{kind}\x1f{key}").as_str())
}

/// A function of a module, by the module's name as imported (`os`, not
/// `posix`) and the function's name.
pub fn function(module: &str, name: &str) -> Option<&'static Doc> {
    lookup('F', &format!("{module}.{name}"))
}

/// A method of a builtin type, by the type's name and the method's.
pub fn method(owner: &str, name: &str) -> Option<&'static Doc> {
    lookup('M', &format!("{owner}.{name}"))
}

/// A builtin type, by its name.
pub fn class(name: &str) -> Option<&'static Doc> {
    lookup('T', name)
}

/// The name of a module pyl writes in Rust, with a static lifetime (a
/// builtin function records the module it belongs to). Names are kept
/// once each, so creating a module again (a new interpreter) adds nothing.
pub fn static_module_name(name: &str) -> &'static str {
    static NAMES: OnceLock<parking_lot::Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(Default::default).lock();
    if let Some(known) = names.iter().find(|n| **n == name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(leaked);
    leaked
}
