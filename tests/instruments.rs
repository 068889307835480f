//! `--gil-stats`, `sys._gil_stats()` and `--timeline`, in both modes: the
//! structure of what they print and write, and the facts about the lock
//! they must show whatever the machine's speed (no test measures time):
//! with the GIL two threads never run bytecode at the same moment, without
//! it they do; every acquisition ends in a forced drop, a voluntary
//! release or the thread's end.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Two threads count down; the main thread joins them.
const TWO_THREADS: &str = r#"
import threading
def count(n):
    while n > 0:
        n -= 1
ts = [threading.Thread(target=count, args=(3_000_000,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('done')
"#;

const MODES: [&[&str]; 2] = [&[], &["--no-gil"]];

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyl-instruments-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Runs `pyl FLAGS script.py` in `dir`; returns (status, stdout, stderr).
fn run(dir: &Path, flags: &[&str], script: &str) -> (i32, String, String) {
    std::fs::write(dir.join("script.py"), script).expect("script written");
    let out = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(flags)
        .arg("script.py")
        .current_dir(dir)
        .output()
        .expect("pyl runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// One thread row of the table: name, then the numeric columns.
struct Row {
    name: String,
    alive: String,
    /// running, waiting, blocked, cpu
    times: [f64; 4],
    counts: [u64; 3],
}

/// Reads the rows of a `--gil-stats` table (name may contain spaces, so
/// the row is read from the right).
fn rows(table: &str) -> Vec<Row> {
    table
        .lines()
        .skip_while(|l| !l.starts_with("thread "))
        .skip(1)
        .take_while(|l| !l.starts_with("total:"))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let n = words.len();
            // name... ident alive running waiting blocked cpu acquired forced voluntary
            assert!(n >= 10, "short row {l:?}");
            let num = |i: usize| words[i].parse::<f64>().unwrap_or_else(|_| panic!("{l:?} col {i}"));
            let count = |i: usize| words[i].parse::<u64>().unwrap_or_else(|_| panic!("{l:?} col {i}"));
            Row {
                name: words[..n - 9].join(" "),
                alive: words[n - 8].to_string(),
                times: [num(n - 7), num(n - 6), num(n - 5), num(n - 4)],
                counts: [count(n - 3), count(n - 2), count(n - 1)],
            }
        })
        .collect()
}

#[test]
fn gil_stats_prints_a_row_per_thread_and_totals_in_both_modes() {
    for flags in MODES {
        let dir = scratch(&format!("stats{}", flags.len()));
        let mut all = vec!["--gil-stats"];
        all.extend_from_slice(flags);
        let (status, out, err) = run(&dir, &all, TWO_THREADS);
        assert_eq!((status, out.as_str()), (0, "done\n"), "stderr: {err}");
        let gil = flags.is_empty();
        let first = err.lines().next().unwrap_or("");
        assert!(first.starts_with("GIL statistics for pid ") && first.contains("(MainProcess)"), "{err}");
        assert!(first.contains(if gil { "GIL on, switch interval 5 ms" } else { "GIL off" }), "{err}");
        assert!(err.contains("thread ") && err.contains("running") && err.contains("voluntary"), "{err}");
        let rows = rows(&err);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["MainThread", "Thread-1 (count)", "Thread-2 (count)"], "{err}");
        assert_eq!(rows[0].alive, "yes");
        for r in &rows[1..] {
            assert_eq!(r.alive, "no", "{err}");
            let [acquired, forced, voluntary] = r.counts;
            // Every hold of the lock ends in a drop, a release or the end.
            assert_eq!(acquired, forced + voluntary + 1, "{err}");
            assert!(r.times[0] > 0.0, "{err}");
            if !gil {
                assert_eq!((r.times[1], forced, acquired), (0.0, 0, 1), "no waiting without the GIL: {err}");
            }
        }
        let total = err.lines().find(|l| l.starts_with("total: wall ")).expect("a totals line");
        assert!(total.contains("parallelism "), "{total}");
        if gil {
            assert!(total.contains("hand-offs between threads"), "{total}");
        } else {
            assert!(total.contains("no hand-offs (the lock is shared)"), "{total}");
        }
    }
}

#[test]
fn sys_gil_stats_returns_the_same_figures_and_resets() {
    let script = format!(
        "{TWO_THREADS}\nimport sys\ns = sys._gil_stats(reset=True)\n\
         print(sorted(s))\nprint(sorted(s['threads'][0]))\n\
         print([t['name'] for t in s['threads']], s['gil'], s['process'])\n\
         w = s['threads'][1]\nprint(w['acquisitions'] == w['forced'] + w['voluntary'] + 1, w['running'] > 0)\n\
         after = sys._gil_stats()\nprint(after['threads'][0]['acquisitions'] <= 2, after['wall'] < s['wall'])\n"
    );
    for flags in MODES {
        let dir = scratch(&format!("dict{}", flags.len()));
        let (status, out, err) = run(&dir, flags, &script);
        assert_eq!(status, 0, "{err}");
        let gil = if flags.is_empty() { "True" } else { "False" };
        let expected = format!(
            "done\n\
             ['cpu', 'folded_threads', 'gil', 'handoffs', 'mode', 'parallelism', 'pid', 'process', 'switch', \
             'switch_interval', 'threads', 'wall']\n\
             ['acquisitions', 'alive', 'blocked', 'cpu', 'daemon', 'forced', 'ident', 'name', 'running', \
             'voluntary', 'waiting']\n\
             ['MainThread', 'Thread-1 (count)', 'Thread-2 (count)'] {gil} MainProcess\n\
             True True\n\
             True True\n"
        );
        assert_eq!(out, expected, "{err}");
    }
}

/// A Chrome trace written by `--timeline`.
fn read_trace(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the trace is JSON")
}

/// The names given by the trace's metadata events of one kind
/// (`thread_name`, `process_name`), in order.
fn metadata_names<'a>(trace: &'a serde_json::Value, kind: &str) -> Vec<&'a str> {
    trace["traceEvents"]
        .as_array()
        .expect("traceEvents")
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == kind)
        .filter_map(|e| e["args"]["name"].as_str())
        .collect()
}

/// The running spans of the trace, per thread: (tid, start µs, end µs).
fn running_spans(trace: &serde_json::Value) -> Vec<(u64, f64, f64)> {
    trace["traceEvents"]
        .as_array()
        .expect("traceEvents")
        .iter()
        .filter(|e| e["ph"] == "X" && e["name"] == "running")
        .map(|e| {
            let ts = e["ts"].as_f64().expect("ts");
            (e["tid"].as_u64().expect("tid"), ts, ts + e["dur"].as_f64().expect("dur"))
        })
        .collect()
}

/// Microseconds during which two different threads both ran bytecode.
fn overlap(spans: &[(u64, f64, f64)]) -> f64 {
    let mut total = 0.0;
    for (i, a) in spans.iter().enumerate() {
        for b in &spans[i + 1..] {
            if a.0 != b.0 {
                total += (a.2.min(b.2) - a.1.max(b.1)).max(0.0);
            }
        }
    }
    total
}

#[test]
fn timeline_writes_svg_html_and_a_trace_showing_the_lock() {
    for flags in MODES {
        let gil = flags.is_empty();
        let dir = scratch(&format!("timeline{}", flags.len()));
        let mut all = vec!["--timeline", "pic"];
        all.extend_from_slice(flags);
        let (status, out, err) = run(&dir, &all, TWO_THREADS);
        assert_eq!((status, out.as_str()), (0, "done\n"), "stderr: {err}");
        assert!(err.contains("pyl: timeline written to pic.svg, pic.html, pic.json"), "{err}");

        let svg = std::fs::read_to_string(dir.join("pic.svg")).expect("pic.svg");
        let doc = roxmltree::Document::parse(&svg).expect("the SVG is XML");
        let lanes: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("lane"))
            .filter_map(|n| n.attribute("data-thread"))
            .collect();
        assert_eq!(lanes, ["MainThread", "Thread-1 (count)", "Thread-2 (count)"]);
        let title = doc.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text()).unwrap_or("");
        assert!(title.contains(if gil { "GIL on, switch interval 5 ms" } else { "GIL off" }), "{title}");
        assert!(svg.contains("pyl --timeline pic"), "the command line is in the picture");
        assert!(svg.contains(" ms</text>"), "a time axis in ms");

        let html = std::fs::read_to_string(dir.join("pic.html")).expect("pic.html");
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Thread-2 (count)"));
        assert!(html.contains("id=\"timeline-data\""));

        let trace = read_trace(&dir.join("pic.json"));
        assert_eq!(metadata_names(&trace, "thread_name"), ["MainThread", "Thread-1 (count)", "Thread-2 (count)"]);
        let running = running_spans(&trace);
        for tid in 2..=3 {
            assert!(running.iter().any(|s| s.0 == tid), "thread {tid} ran");
        }
        let both = overlap(&running);
        if gil {
            // One holder at a time: spans of different threads may touch
            // at a hand-off, never overlap.
            assert!(both < 1.0, "with the GIL two threads ran at once for {both} µs");
        } else {
            assert!(both > 0.0, "without the GIL the two counting threads never overlapped");
        }
    }
}

#[test]
fn a_child_process_prints_its_own_table_and_joins_the_timeline() {
    let script = "import multiprocessing\n\
                  def work():\n    n = 100000\n    while n:\n        n -= 1\n\
                  if __name__ == '__main__':\n    p = multiprocessing.Process(target=work)\n    p.start()\n    p.join()\n    print('joined', p.exitcode)\n";
    let dir = scratch("child");
    let (status, out, err) = run(&dir, &["--gil-stats", "--timeline", "kids"], script);
    assert_eq!((status, out.as_str()), (0, "joined 0\n"), "{err}");
    let headers: Vec<&str> = err.lines().filter(|l| l.starts_with("GIL statistics for pid")).collect();
    assert_eq!(headers.len(), 2, "{err}");
    assert!(headers[0].contains("(Process-1)") && headers[1].contains("(MainProcess)"), "{err}");
    let trace = read_trace(&dir.join("kids.json"));
    assert_eq!(metadata_names(&trace, "process_name"), ["MainProcess", "Process-1"]);
}
