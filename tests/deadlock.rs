//! The deadlock detector, in both modes.
//!
//! - Every `tests/deadlock/<name>.py` deadlocks for sure (CPython hangs on
//!   it). pyl must end it with exit status 1, print on stdout exactly what
//!   CPython printed before it hung (`<name>.out`, made by
//!   `scripts/regen_golden.sh`), and say on stderr `Deadlock detected:`
//!   followed by every line of `<name>.expect` (pyl's own report, so those
//!   lines are written by hand; lock addresses are left out).
//! - Every `tests/golden/threads/no_deadlock/<name>.py` waits a lot and never
//!   deadlocks. It runs many times in both modes, with the default switch
//!   interval and with a switch every few instructions (more interleavings),
//!   and must never be reported: the detector's promise is no false
//!   positives, ever.
//!
//! No test measures time: a stuck script is only given a generous timeout
//! after which the test fails as "hung".

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A stuck script is reported within about a second; this only catches a hang.
const TIMEOUT: Duration = Duration::from_secs(60);
const MODES: [&[&str]; 2] = [&[], &["--no-gil"]];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn scripts(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("test directory exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no scripts in {}", dir.display());
    found
}

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs pyl on `script` from its directory (so tracebacks and reports name
/// the file without the machine's path), killing it after `TIMEOUT`.
fn run(flags: &[&str], script: &Path) -> Run {
    let dir = script.parent().expect("script has a directory");
    let out_path =
        std::env::temp_dir().join(format!("pyl-deadlock-{}-{:?}", std::process::id(), std::thread::current().id()));
    let err_path = out_path.with_extension("err");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(flags)
        .arg(script.file_name().expect("file name"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("temp file"))
        .stderr(std::fs::File::create(&err_path).expect("temp file"))
        .spawn()
        .expect("pyl starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    let run = Run { status, stdout: read(&out_path), stderr: read(&err_path) };
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    run
}

/// Runs `jobs` on two threads (the machine CI uses has two cores); returns
/// every failure message.
fn in_parallel(jobs: Vec<Box<dyn FnOnce() -> Option<String> + Send>>) -> Vec<String> {
    let queue = Mutex::new(jobs);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let Some(job) = queue.lock().unwrap().pop() else { return };
                    if let Some(f) = job() {
                        failures.lock().unwrap().push(f);
                    }
                }
            });
        }
    });
    failures.into_inner().unwrap()
}

fn stuck_case(flags: &'static [&'static str], script: PathBuf) -> Option<String> {
    let label = format!("{} {}", script.file_name().unwrap().to_string_lossy(), flags.join(" "));
    let expected_out = std::fs::read_to_string(script.with_extension("out"))
        .unwrap_or_else(|e| panic!("{label}: no .out ({e}); run scripts/regen_golden.sh"));
    let expect = std::fs::read_to_string(script.with_extension("expect"))
        .unwrap_or_else(|e| panic!("{label}: no .expect ({e})"));
    let r = run(flags, &script);
    let mut problems = Vec::new();
    match r.status {
        None => problems.push("hung: not reported as a deadlock".to_string()),
        Some(1) => {}
        Some(s) => problems.push(format!("exit status {s}, expected 1")),
    }
    if r.stdout != expected_out {
        problems.push(format!("stdout {:?}, CPython printed {:?} before it hung", r.stdout, expected_out));
    }
    if !r.stderr.starts_with("Deadlock detected:") {
        problems.push("stderr does not start with `Deadlock detected:`".to_string());
    }
    for line in expect.lines().filter(|l| !l.trim().is_empty()) {
        if !r.stderr.contains(line) {
            problems.push(format!("stderr lacks {line:?}"));
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{label}: {}\n--- stderr:\n{}", problems.join("; "), r.stderr))
    }
}

#[test]
fn certain_deadlocks_are_reported_and_end_the_program() {
    let mut jobs: Vec<Box<dyn FnOnce() -> Option<String> + Send>> = Vec::new();
    for script in scripts(&root().join("deadlock")) {
        for flags in MODES {
            let script = script.clone();
            jobs.push(Box::new(move || stuck_case(flags, script)));
        }
    }
    let failures = in_parallel(jobs);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Flags the programs that never deadlock are run with: both modes, each
/// with the default switch interval and with a switch every 7 checks.
const BUSY_FLAGS: [&[&str]; 4] =
    [&[], &["--no-gil"], &["-X", "switch=instructions:7"], &["--no-gil", "-X", "switch=instructions:7"]];
const REPEATS: usize = 3;

#[test]
fn programs_that_only_wait_are_never_reported() {
    let dir = root().join("golden").join("threads").join("no_deadlock");
    let mut jobs: Vec<Box<dyn FnOnce() -> Option<String> + Send>> = Vec::new();
    for script in scripts(&dir) {
        let expected = std::fs::read_to_string(script.with_extension("out")).expect(".out (scripts/regen_golden.sh)");
        for flags in BUSY_FLAGS {
            for round in 0..REPEATS {
                let (script, expected) = (script.clone(), expected.clone());
                jobs.push(Box::new(move || {
                    let r = run(flags, &script);
                    let ok = r.status == Some(0) && r.stdout == expected && !r.stderr.contains("Deadlock");
                    (!ok).then(|| {
                        format!(
                            "{} {} (run {round}): status {:?}\n--- stdout:\n{}--- expected:\n{}--- stderr:\n{}",
                            script.display(),
                            flags.join(" "),
                            r.status,
                            r.stdout,
                            expected,
                            r.stderr
                        )
                    })
                }));
            }
        }
    }
    let failures = in_parallel(jobs);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_check_can_be_turned_off() {
    let script = root().join("deadlock").join("self_lock.py");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(["--no-deadlock-check"])
        .arg(&script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyl starts");
    // Reported runs end within about a second; this one must still be
    // waiting well after that, as CPython would be.
    std::thread::sleep(Duration::from_secs(3));
    let still_running = child.try_wait().expect("wait").is_none();
    let _ = child.kill();
    let out = child.wait_with_output().expect("pyl ends");
    assert!(still_running, "pyl --no-deadlock-check ended a deadlocked program");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Deadlock"));
}
