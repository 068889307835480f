//! A panic anywhere in pyl reaches the user as one line naming it an
//! internal error, with where it happened, and exit status 70, after the
//! output the program had written; never as a Rust panic message or
//! backtrace. `_pyl_test` (importable with `PYL_TEST_HOOKS` set) panics on
//! purpose.

use std::process::Command;

/// Runs `source` with the test hooks on; returns (status, stdout, stderr).
fn run(source: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(["-c", source])
        .env("PYL_TEST_HOOKS", "1")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run pyl");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn assert_internal_error(source: &str, stdout: &str) {
    let (status, out, err) = run(source);
    assert_eq!(status, Some(70), "stderr: {err}");
    assert_eq!(out, stdout);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line, not: {err}");
    assert!(lines[0].starts_with("pyl: internal error at src/modules/test_hooks.rs:"), "{err}");
    assert!(lines[0].ends_with("(sorry, this is a bug in pyl, not in your program)"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
}

#[test]
fn panic_in_the_main_thread() {
    assert_internal_error("print('before')\nimport _pyl_test\n_pyl_test.panic()\nprint('after')", "before\n");
}

#[test]
fn panic_in_a_python_thread() {
    let src = "import threading, time, _pyl_test\nprint('before')\n\
               t = threading.Thread(target=_pyl_test.panic)\nt.start()\nt.join()\ntime.sleep(5)\nprint('after')";
    assert_internal_error(src, "before\n");
}

#[test]
fn panic_during_exit() {
    assert_internal_error("import _pyl_test\n_pyl_test.panic_at_exit()\nprint('done')", "done\n");
}

#[test]
fn the_hooks_are_hidden_from_ordinary_programs() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyl")).args(["-c", "import _pyl_test"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.ends_with("ModuleNotFoundError: No module named '_pyl_test'\n"), "{err}");
}
