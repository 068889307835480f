//! Generates the parser from `grammar/pyl.lalrpop` into `OUT_DIR`, and the
//! index of the builtin docstrings (`src/modules/builtins/docs.txt`).
fn main() {
    lalrpop::Configuration::new().set_in_dir("grammar").process().expect("lalrpop failed to generate the parser");
    println!("cargo:rerun-if-changed=grammar");
    docs_index();
}

/// Writes `docs_index.rs`: every record of `docs.txt` as its key (kind
/// letter, US, name) and the byte ranges of its module, signature and
/// docstring in the file, sorted by key. A lookup is then a binary search
/// over a static table: nothing is parsed when the interpreter starts
/// (parsing the file there took over half of `pyl -c pass`).
fn docs_index() {
    const DOCS: &str = "src/modules/builtins/docs.txt";
    println!("cargo:rerun-if-changed={DOCS}");
    let text = std::fs::read_to_string(DOCS).expect("docs.txt is readable");
    let mut entries = Vec::new();
    let mut at = 0;
    for record in text.split('\x1e') {
        let start = at + (record.len() - record.trim_start_matches('\n').len());
        at += record.len() + 1;
        let fields: Vec<&str> = text[start..start + record.trim_start_matches('\n').len()].splitn(5, '\x1f').collect();
        let [kind, key, module, signature, doc] = fields[..] else { continue };
        let mut pos = start + kind.len() + 1 + key.len() + 1;
        let mut span = |field: &str| {
            let s = (pos, field.len());
            pos += field.len() + 1;
            s
        };
        let (m, s, d) = (span(module), span(signature), span(doc));
        entries.push((format!("{kind}\x1f{key}"), m, s, d));
    }
    entries.sort();
    let mut out = String::from("static INDEX: &[(&str, Span, Span, Span)] = &[\n");
    for (key, m, s, d) in &entries {
        out.push_str(&format!("    ({key:?}, {m:?}, {s:?}, {d:?}),\n"));
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("docs_index.rs");
    std::fs::write(dest, out).expect("docs_index.rs is written");
}
