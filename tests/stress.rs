//! Golden scripts whose failures show only in some interleavings, run
//! many times; each run must print what CPython printed. Each run has a
//! deadline; nothing is timed.
//!
//! - The no-GIL guarantees of builtin containers: every single operation
//!   on a shared list, dict or set is atomic (CPython 3.13t's promise),
//!   and a module imported by many threads at once runs once. Each script
//!   runs 20 times without the GIL.
//! - The cycle collector under threads: `gc/threads/stress.py` builds
//!   cycles while threads mutate shared structures and call
//!   `gc.collect()`, and checks that everything still reachable is
//!   intact. It runs 10 times without the GIL and 3 times with it.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs of each container script without the GIL.
const RUNS: usize = 20;

/// Runs `pyl [flag] script` from the script's directory; its stdout, or a
/// description of how it failed.
fn run(flag: Option<&str>, script: &Path) -> Result<String, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(flag)
        .arg(script.file_name().expect("a file"))
        .current_dir(script.parent().expect("a directory"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyl starts");
    let mut out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err("hung".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut err = String::new();
    let _ = child.stderr.take().expect("stderr").read_to_string(&mut err);
    let stdout = String::from_utf8_lossy(&reader.join().expect("reader")).into_owned();
    if !status.success() {
        return Err(format!("{status}: {err}"));
    }
    Ok(stdout)
}

/// Runs the golden script `tests/golden/{path}.py` `runs` times with
/// `flag`, each run against the `.out` CPython wrote.
fn stress(path: &str, flag: Option<&str>, runs: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(format!("{path}.py"));
    let expected = std::fs::read_to_string(script.with_extension("out")).expect("the .out CPython wrote");
    for n in 1..=runs {
        match run(flag, &script) {
            Ok(out) => assert_eq!(out, expected, "{path} {flag:?}, run {n} of {runs}"),
            Err(why) => panic!("{path} {flag:?}, run {n} of {runs}: {why}"),
        }
    }
}

#[test]
fn list_operations_are_atomic_without_the_gil() {
    stress("threads/nogil_list_atomic", Some("--no-gil"), RUNS);
}

#[test]
fn dict_operations_are_atomic_without_the_gil() {
    stress("threads/nogil_dict_atomic", Some("--no-gil"), RUNS);
}

#[test]
fn set_operations_are_atomic_without_the_gil() {
    stress("threads/nogil_set_atomic", Some("--no-gil"), RUNS);
}

#[test]
fn a_module_imported_by_many_threads_runs_once() {
    stress("threads/import_once", Some("--no-gil"), RUNS);
}

#[test]
fn collecting_while_threads_run_without_the_gil_frees_nothing_reachable() {
    stress("gc/threads/stress", Some("--no-gil"), 10);
}

#[test]
fn collecting_while_threads_run_with_the_gil_frees_nothing_reachable() {
    stress("gc/threads/stress", None, 3);
}
