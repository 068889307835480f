//! Writes to a stdout that cannot take them fail as in CPython: with
//! stdout on /dev/full, a write that reaches the device raises
//! `OSError: [Errno 28] No space left on device`, and output still
//! buffered at exit is reported as an ignored exception with exit status
//! 120. The expected stderr and statuses are CPython 3.11's.

use std::process::{Command, Stdio};

/// (exit status, stderr) of `pyl -c program` with stdout on /dev/full.
fn run_full(program: &str, unbuffered: bool) -> (i32, String) {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full exists on Linux");
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyl"));
    command.args(["-c", program]).stdin(Stdio::null()).stdout(full).env_remove("PYTHONUNBUFFERED");
    if unbuffered {
        command.env("PYTHONUNBUFFERED", "1");
    }
    let out = command.output().expect("pyl runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

const ENOSPC: &str = "OSError: [Errno 28] No space left on device\n";
const IGNORED: &str = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n";

fn traceback() -> String {
    format!("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n{ENOSPC}")
}

#[test]
fn buffered_output_fails_at_exit_with_status_120() {
    assert_eq!(run_full("print(1)", false), (120, format!("{IGNORED}{ENOSPC}")));
    assert_eq!(run_full("print(1); raise SystemExit(3)", false), (120, format!("{IGNORED}{ENOSPC}")));
}

#[test]
fn an_explicit_flush_raises_and_keeps_the_output() {
    let both = format!("{}{IGNORED}{ENOSPC}", traceback());
    assert_eq!(run_full("import sys; print(1); sys.stdout.flush()", false), (120, both.clone()));
    assert_eq!(run_full("print(1, flush=True)", false), (120, both));
    let caught = "import sys\ntry:\n    print(1); sys.stdout.flush()\nexcept OSError as e:\n    \
                  sys.stderr.write('caught %r\\n' % e)\n";
    let (status, err) = run_full(caught, false);
    assert_eq!(err, format!("caught OSError(28, 'No space left on device')\n{IGNORED}{ENOSPC}"));
    assert_eq!(status, 120);
}

#[test]
fn output_past_the_buffer_raises_where_it_is_written() {
    assert_eq!(run_full("print('x' * 100000)", false), (1, traceback()));
    assert_eq!(run_full("for i in range(10000): print(i)", false), (1, traceback()));
}

#[test]
fn unbuffered_output_raises_at_once() {
    assert_eq!(run_full("print(1)", true), (1, traceback()));
}

#[test]
fn os_exit_skips_the_flush() {
    assert_eq!(run_full("import os; print(1); os._exit(0)", false), (0, String::new()));
}
