//! The cycle collector under threads, run many times: the golden
//! `gc/threads/stress.py` builds cycles while threads mutate shared
//! structures and call `gc.collect()`, and checks that everything still
//! reachable is intact. A collector that freed a reachable object would
//! show it only in some interleavings, so the script runs 10 times
//! without the GIL and 3 times with it, and must print what CPython
//! printed every time. Each run has a deadline; nothing is timed.
//!
//! (Written like `tests/nogil_stress.rs` on main, which this branch
//! predates; the two can become one file.)

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `pyl [flag] script` from the script's directory; its stdout, or a
/// description of how it failed.
fn run(flag: Option<&str>, script: &Path) -> Result<String, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyl"));
    cmd.args(flag);
    let mut child = cmd
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

fn stress(flag: Option<&str>, runs: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/gc/threads/stress.py");
    let expected = std::fs::read_to_string(script.with_extension("out")).expect("the .out CPython wrote");
    for n in 1..=runs {
        match run(flag, &script) {
            Ok(out) => assert_eq!(out, expected, "{flag:?}, run {n} of {runs}"),
            Err(why) => panic!("{flag:?}, run {n} of {runs}: {why}"),
        }
    }
}

#[test]
fn collecting_while_threads_run_without_the_gil_frees_nothing_reachable() {
    stress(Some("--no-gil"), 10);
}

#[test]
fn collecting_while_threads_run_with_the_gil_frees_nothing_reachable() {
    stress(None, 3);
}
