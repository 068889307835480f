//! Lanes of child processes on their way to the parent's picture.
//!
//! A process forked by `multiprocessing` inherits `--timeline`; at its exit
//! it writes its lanes to a part file in a directory beside FILE that the
//! first process of the run owns, and that process reads every part at
//! its own exit, so one picture shows every process, a lane group each.
//! The format is a few plain lines (tabs separate fields; tabs and line
//! breaks inside names and notes become spaces), because nothing but pyl
//! reads it and it must not need a parser crate.

use std::path::{Path, PathBuf};

use super::model::{Lane, Span, State};

const MAGIC: &str = "pyl-timeline-part 1";

/// The directory where the children of the run started by process
/// `root_pid` leave their lanes.
pub fn dir(file: &str, root_pid: u32) -> PathBuf {
    PathBuf::from(format!("{file}.parts-{root_pid}"))
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The lanes as a part file's text.
pub fn encode(lanes: &[Lane]) -> String {
    let mut out = format!("{MAGIC}\n");
    for lane in lanes {
        out.push_str(&format!(
            "lane\t{}\t{}\t{}\t{}\n",
            lane.pid,
            lane.ident,
            clean(&lane.process),
            clean(&lane.thread)
        ));
        for s in &lane.spans {
            let state = match s.state {
                State::Running => 'R',
                State::Waiting => 'W',
                State::Blocked => 'B',
            };
            out.push_str(&format!(
                "{}\t{}\t{state}\t{}\t{}\n",
                s.start_ns,
                s.end_ns,
                u8::from(s.forced),
                clean(&s.note)
            ));
        }
    }
    out
}

/// Reads a part file's text back; None if it is not one (or was cut short
/// in a way that makes a line unreadable).
pub fn decode(text: &str) -> Option<Vec<Lane>> {
    let mut lines = text.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let mut lanes: Vec<Lane> = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "lane" {
            if f.len() != 5 {
                return None;
            }
            lanes.push(Lane {
                pid: f[1].parse().ok()?,
                ident: f[2].parse().ok()?,
                process: f[3].to_string(),
                thread: f[4].to_string(),
                spans: Vec::new(),
            });
            continue;
        }
        if f.len() != 5 {
            return None;
        }
        let state = match f[2] {
            "R" => State::Running,
            "W" => State::Waiting,
            "B" => State::Blocked,
            _ => return None,
        };
        let span = Span {
            start_ns: f[0].parse().ok()?,
            end_ns: f[1].parse().ok()?,
            state,
            forced: f[3] == "1",
            note: f[4].to_string(),
        };
        lanes.last_mut()?.spans.push(span);
    }
    Some(lanes)
}

/// Writes this process's lanes into the run's part directory.
pub fn write(dir: &Path, pid: u32, lanes: &[Lane]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // Written under a temporary name and renamed, so the parent never
    // reads half a file.
    let tmp = dir.join(format!("{pid}.tmp"));
    std::fs::write(&tmp, encode(lanes))?;
    std::fs::rename(&tmp, dir.join(format!("{pid}.part")))
}

/// Every part in `dir`, by pid; the directory is removed afterwards.
pub fn collect(dir: &Path) -> Vec<Lane> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut parts: Vec<(u32, Vec<Lane>)> = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_some_and(|x| x == "part")
            && let Some(pid) = path.file_stem().and_then(|s| s.to_str()).and_then(|s| s.parse().ok())
            && let Some(lanes) = std::fs::read_to_string(&path).ok().and_then(|t| decode(&t))
        {
            parts.push((pid, lanes));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
    parts.sort_by_key(|p| p.0);
    parts.into_iter().flat_map(|p| p.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_round_trip_with_awkward_text() {
        let lanes = vec![Lane {
            pid: 12,
            process: "Process-1".into(),
            thread: "tab\there".into(),
            ident: 99,
            spans: vec![
                Span { start_ns: 1, end_ns: 5, state: State::Running, forced: true, note: "a.pyl:3".into() },
                Span { start_ns: 5, end_ns: 9, state: State::Blocked, forced: false, note: "line\nbreak".into() },
            ],
        }];
        let back = decode(&encode(&lanes)).expect("decodes");
        assert_eq!(back[0].thread, "tab here");
        assert_eq!(back[0].spans[1].note, "line break");
        assert_eq!(back[0].spans[0], lanes[0].spans[0]);
        assert!(decode("something else\n").is_none());
    }
}
