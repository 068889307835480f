//! The no-GIL guarantees of builtin containers, run many times: every
//! single operation on a shared list, dict or set is atomic (CPython
//! 3.13t's promise), and a module imported by many threads at once runs
//! once. A lost update shows only in some interleavings, so each golden
//! script of that kind runs 20 times without the GIL and must print what
//! CPython printed every time. Each run has a deadline; nothing is timed.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 20;

/// Runs `pyl --no-gil script` from the script's directory; its stdout, or
/// a description of how it failed.
fn run_no_gil(script: &Path) -> Result<String, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .arg("--no-gil")
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

fn stress(name: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/threads").join(format!("{name}.py"));
    let expected = std::fs::read_to_string(script.with_extension("out")).expect("the .out CPython wrote");
    for run in 1..=RUNS {
        match run_no_gil(&script) {
            Ok(out) => assert_eq!(out, expected, "{name}, run {run} of {RUNS}"),
            Err(why) => panic!("{name}, run {run} of {RUNS}: {why}"),
        }
    }
}

#[test]
fn list_operations_are_atomic_without_the_gil() {
    stress("nogil_list_atomic");
}

#[test]
fn dict_operations_are_atomic_without_the_gil() {
    stress("nogil_dict_atomic");
}

#[test]
fn set_operations_are_atomic_without_the_gil() {
    stress("nogil_set_atomic");
}

#[test]
fn a_module_imported_by_many_threads_runs_once() {
    stress("import_once");
}
