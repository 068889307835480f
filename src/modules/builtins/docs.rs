//! The docstrings and text signatures of the functions, types and methods
//! pyl implements in Rust: what `len.__doc__`, `len.__text_signature__`
//! and `help(len)` show.
//!
//! They are CPython 3.11's, generated into `docs.txt` by
//! `scripts/gen_builtin_docs.py` (see there for the format), and indexed
//! by build.rs at compile time: start-up parses nothing (builtin types
//! look their docstrings up as they are made). A name CPython does not
//! document has no entry (its `__doc__` is None).

use std::sync::OnceLock;

/// One documented object.
pub struct Doc {
    /// The `__module__` of a module function (`posix` for `os.getpid`).
    pub module: &'static str,
    /// `__text_signature__`, such as `($module, obj, /)`; empty if none.
    pub signature: &'static str,
    pub doc: &'static str,
}

const TEXT: &str = include_str!("docs.txt");

/// A field of a record: its start and length in bytes in TEXT.
type Span = (usize, usize);

// `INDEX`: (key, module, signature, doc), the last three as spans of
// TEXT, sorted by key; written by build.rs.
include!(concat!(env!("OUT_DIR"), "/docs_index.rs"));

/// The record of `kind` (F, T or M) and `key`, found by binary search.
fn lookup(kind: char, key: &str) -> Option<Doc> {
    let wanted = format!("{kind}\x1f{key}");
    let i = INDEX.binary_search_by(|e| e.0.cmp(wanted.as_str())).ok()?;
    let (_, m, s, d) = INDEX[i];
    let field = |(start, len): Span| &TEXT[start..start + len];
    Some(Doc { module: field(m), signature: field(s), doc: field(d) })
}

/// A function of a module, by the module's name as imported (`os`, not
/// `posix`) and the function's name.
pub fn function(module: &str, name: &str) -> Option<Doc> {
    lookup('F', &format!("{module}.{name}"))
}

/// A method of a builtin type, by the type's name and the method's.
pub fn method(owner: &str, name: &str) -> Option<Doc> {
    lookup('M', &format!("{owner}.{name}"))
}

/// A builtin type, by its name.
pub fn class(name: &str) -> Option<Doc> {
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
