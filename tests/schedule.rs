//! `--schedule SEED`, `--switch-every N` and `--explain-races`.
//!
//! The deterministic scheduler's promise is byte-identical output for the
//! same seed and program, on every run and machine; that is tested by
//! running the same script many times. Programs whose output does not
//! depend on the interleaving must print exactly what CPython printed
//! (the golden `threads` scripts, with their `.out` files). The race
//! explanation must name the variable and both threads, be the same on
//! every scheduled run, and stay silent when every update is locked.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("schedule")
}

/// Runs `pyl FLAGS SCRIPT` from the script's directory; (status, stdout,
/// stderr). A run still going after a minute is killed and fails the test
/// (a hang must not stall the suite).
fn run(flags: &[&str], script: &Path) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(flags)
        .arg(script.file_name().expect("a file"))
        .current_dir(script.parent().expect("a directory"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyl runs");
    let (mut out, mut err) = (child.stdout.take().expect("stdout"), child.stderr.take().expect("stderr"));
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let mut errs = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("pyl {flags:?} {}: hung", script.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = err.read_to_end(&mut errs);
    let outs = reader.join().expect("reader");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&outs).into_owned(),
        String::from_utf8_lossy(&errs).into_owned(),
    )
}

#[test]
fn a_seed_replays_the_lost_update_byte_for_byte() {
    let script = dir().join("lost_update.py");
    for flags in [&["--schedule", "7"][..], &["--switch-every", "5"]] {
        let first = run(flags, &script);
        assert_eq!(first.0, 0, "{}", first.2);
        let lost: i64 = first.1.trim().parse().expect("a balance");
        assert_ne!(lost, 0, "{flags:?}: the unlocked balance should show lost updates");
        for _ in 0..9 {
            assert_eq!(run(flags, &script), first, "{flags:?} gave another run");
        }
    }
    // Other seeds, other interleavings.
    let balances: std::collections::BTreeSet<String> =
        (1..=5).map(|seed| run(&["--schedule", &seed.to_string()], &script).1).collect();
    assert!(balances.len() > 1, "five seeds gave one result: {balances:?}");
}

#[test]
fn sleeps_and_timeouts_use_virtual_time() {
    let script = dir().join("sleepers.py");
    let expected = "[(1, 0.5), (2, 1.0), (3, 1.5)]\nempty after 11.5\n";
    for flags in [&["--schedule", "3"][..], &["--switch-every", "50"]] {
        for _ in 0..3 {
            let (status, out, err) = run(flags, &script);
            assert_eq!((status, out.as_str()), (0, expected), "{flags:?}: {err}");
        }
    }
}

#[test]
fn the_locked_version_is_always_right_and_never_explained() {
    let script = dir().join("locked_update.py");
    for flags in [&["--explain-races", "--schedule", "7"][..], &["--explain-races"], &["--explain-races", "--no-gil"]] {
        let (status, out, err) = run(flags, &script);
        assert_eq!((status, out.as_str()), (0, "0\n"), "{flags:?}");
        assert!(!err.contains("Race"), "{flags:?}: {err}");
    }
}

#[test]
fn explain_races_names_the_variable_the_threads_and_the_fix() {
    let script = dir().join("lost_update.py");
    let flags = ["--explain-races", "--schedule", "7"];
    let (status, out, err) = run(&flags, &script);
    assert_eq!(status, 0, "{err}");
    assert_ne!(out.trim(), "0");
    assert!(err.starts_with("Race detected: an update of the global 'balance' was lost.\n"), "{err}");
    for needle in [
        "LOAD_GLOBAL balance (=",
        "STORE_GLOBAL balance (=",
        "Thread-1 (run_thread)",
        "Thread-2 (run_thread)",
        "lost_update.py:",
        "'s update was lost:",
        "Hold one lock around the read and the write in every thread that changes 'balance':",
        "    with lock:",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    // The same explanation on every scheduled run.
    for _ in 0..3 {
        assert_eq!(run(&flags, &script), (status, out.clone(), err.clone()));
    }
    let (_, _, attr) = run(&flags, &dir().join("account_attr.py"));
    assert!(attr.contains("an update of the attribute 'balance' of an Account object was lost"), "{attr}");
    let (_, _, class_attr) = run(&flags, &dir().join("class_attr.py"));
    assert!(class_attr.contains("an update of the class attribute 'Account.opened' was lost"), "{class_attr}");
}

#[test]
fn an_uncaught_exception_names_the_seed_and_no_gil_is_refused() {
    let dir = std::env::temp_dir().join(format!("pyl-schedule-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let script = dir.join("fails.py");
    std::fs::write(&script, "import threading\nt = threading.Thread(target=print)\nt.start()\nt.join()\n1 / 0\n")
        .expect("written");
    let (status, out, err) = run(&["--schedule", "42"], &script);
    assert_eq!((status, out.as_str()), (1, "\n"));
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(err.ends_with("pyl: this run was scheduled with --schedule 42: the same command replays it\n"), "{err}");
    let (status, _, err) = run(&["--schedule", "1", "--no-gil"], &script);
    assert_eq!(status, 2);
    assert!(err.contains("cannot be used with --no-gil"), "{err}");
    let (status, _, err) = run(&["--schedule", "x"], &script);
    assert_eq!(status, 2, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_deadlock_under_the_scheduler_is_reported() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("deadlock").join("two_locks.py");
    let (status, _, err) = run(&["--schedule", "2"], &script);
    assert_eq!(status, 1, "{err}");
    assert!(err.starts_with("Deadlock detected:") && err.contains("A cycle: 'Left' waits at line 12"), "{err}");
}

/// Scripts of the golden `threads` suite whose output the scheduler must
/// not change: everything but the ones that time real sleeps against
/// each other across processes or print scheduling-dependent text.
#[test]
fn golden_thread_scripts_print_what_cpython_printed_under_the_scheduler() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden").join("threads");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("golden threads")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py") && !p.with_extension("mask").exists())
        // Helper modules the tests import (`*_mod.py`, `_*.py`) are not tests.
        .filter(|p| p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| !s.ends_with("_mod") && !s.starts_with('_')))
        .collect();
    scripts.sort();
    assert!(scripts.len() > 20);
    let mut failures = Vec::new();
    for script in &scripts {
        let expected = std::fs::read_to_string(script.with_extension("out")).expect(".out");
        let status: i32 = std::fs::read_to_string(script.with_extension("exit"))
            .expect(".exit")
            .lines()
            .next()
            .and_then(|l| l.trim().parse().ok())
            .expect("a status");
        let got = run(&["--schedule", "3"], script);
        if got.0 != status || got.1 != expected {
            failures.push(format!("{}: status {} stdout {:?}\n{}", script.display(), got.0, got.1, got.2));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Ctrl-C reaches a main thread that waits for its turn: with a signal
/// pending the scheduler lets it run, and `join` raises KeyboardInterrupt.
#[test]
fn ctrl_c_interrupts_a_scheduled_join() {
    use std::io::{BufRead, BufReader};
    let dir = std::env::temp_dir().join(format!("pyl-schedule-int-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let script = dir.join("spin.py");
    std::fs::write(
        &script,
        "import threading\ndef spin():\n    while True:\n        pass\n\
         t = threading.Thread(target=spin, daemon=True)\nt.start()\n\
         try:\n    print('ready', flush=True)\n    t.join()\nexcept KeyboardInterrupt:\n    print('interrupted')\n",
    )
    .expect("written");
    for rule in [["--schedule", "1"], ["--switch-every", "100"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
            .args(rule)
            .arg(&script)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("pyl starts");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        out.read_line(&mut line).expect("a line");
        assert_eq!(line, "ready\n");
        // SAFETY: kill only sends a signal to the child we started.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        line.clear();
        out.read_line(&mut line).expect("a line");
        assert_eq!(line, "interrupted\n", "{rule:?}");
        assert_eq!(child.wait().expect("pyl ends").code(), Some(0));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
