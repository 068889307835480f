//! At exit: the records' spans become a `Picture`, written as FILE.svg,
//! FILE.html and FILE.json by the first process of the run; a forked
//! child hands its lanes to that process instead (`parts`).

use std::path::Path;

use super::model::{Lane, Picture, Span};
use super::{chrome, html, parts, svg};
use crate::observe::Observer;
use crate::observe::stats::Snapshot;
use crate::vm::Shared;

/// The lanes of this process: one per thread that ran, with the phase
/// still open at `now` closed there.
pub fn lanes(observer: &Observer, now: u64) -> Vec<Lane> {
    let pid = std::process::id();
    let process = observer.process_name();
    observer
        .threads()
        .iter()
        .filter_map(|t| {
            let log = t.timeline()?;
            let mut spans: Vec<Span> = log.lock().resolve();
            if let Some(open) = t.open_span(now) {
                spans.push(open);
            }
            Some(Lane { pid, process: process.clone(), thread: t.name().to_string(), ident: t.ident(), spans })
        })
        .collect()
}

/// FILE without the extension the student may have typed (`t.svg` and
/// `t` both give t.svg, t.html, t.json).
fn stem(file: &str) -> &str {
    for ext in [".svg", ".html", ".json"] {
        if let Some(s) = file.strip_suffix(ext) {
            return s;
        }
    }
    file
}

/// Writes the pictures (or, in a child, its part). Returns the message
/// for stderr.
pub fn finish(shared: &Shared, file: &str) -> Result<String, String> {
    let observer = &shared.observe;
    let now = observer.clock.now();
    let file = stem(file);
    let mine = lanes(observer, now);
    let dir = parts::dir(file, observer.root_pid);
    if std::process::id() != observer.root_pid {
        return parts::write(&dir, std::process::id(), &mine)
            .map(|_| String::new())
            .map_err(|e| format!("cannot hand the timeline to the parent process ({}): {e}", dir.display()));
    }
    let mut lanes = mine;
    lanes.extend(parts::collect(&dir));
    let duration_ns = lanes.iter().flat_map(|l| l.spans.last()).map(|s| s.end_ns).max().unwrap_or(now).max(now);
    let snap = Snapshot::take(observer, &shared.gil);
    let picture = Picture {
        mode: snap.mode().to_string(),
        switch: snap.rule(),
        command: observer.settings.command.clone(),
        duration_ns,
        lanes,
    };
    let outputs =
        [("svg", svg::svg(&picture)), ("html", html::html(&picture)), ("json", chrome::chrome_trace(&picture))];
    let mut written = Vec::new();
    for (ext, text) in outputs {
        let path = format!("{file}.{ext}");
        std::fs::write(Path::new(&path), text).map_err(|e| format!("cannot write the timeline to {path}: {e}"))?;
        written.push(path);
    }
    Ok(format!("pyl: timeline written to {}\n", written.join(", ")))
}
