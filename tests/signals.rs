//! Signals the way a shell sees them: Ctrl-C interrupts `input()` (in both
//! interpreter-lock modes, with and without threads), an uncaught
//! KeyboardInterrupt ends the process by SIGINT as in CPython, and a
//! process that sends itself SIGSEGV (or a child killed by a signal) dies
//! by it. Every wait has a deadline, so a regression fails instead of
//! hanging the suite; no assertion depends on how long anything takes.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// `pyl [args] -c script`.
fn pyl(args: &[&str], script: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyl"));
    c.args(args).arg("-c").arg(script);
    c
}

/// Waits for `child` to end, killing it after a generous deadline.
fn wait_or_kill(child: &mut Child, what: &str) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running (hung)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn sigint_during_input(mode: &[&str], with_threading: bool) {
    let script = format!(
        "{}print('ready', flush=True)\ntry:\n    input()\nexcept KeyboardInterrupt:\n    print('interrupted', flush=True)\n",
        if with_threading { "import threading\n" } else { "" }
    );
    let mut child = pyl(mode, &script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyl");
    // stdin stays open and empty: input() waits for ever unless interrupted.
    let mut stdin = child.stdin.take().expect("stdin");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("read ready");
    assert_eq!(line, "ready\n");
    // SAFETY: sending a signal to the child we started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let st = wait_or_kill(&mut child, "SIGINT during input()");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).expect("read rest");
    let _ = stdin.write_all(b"");
    assert_eq!(rest, "interrupted\n", "mode {mode:?}, threading {with_threading}");
    assert_eq!(st.code(), Some(0));
}

#[test]
fn sigint_interrupts_input_with_the_gil() {
    sigint_during_input(&[], false);
    sigint_during_input(&[], true);
}

#[test]
fn sigint_interrupts_input_without_the_gil() {
    sigint_during_input(&["--no-gil"], false);
    sigint_during_input(&["--no-gil"], true);
}

#[test]
fn uncaught_keyboard_interrupt_dies_by_sigint() {
    for mode in [&[][..], &["--no-gil"][..]] {
        let mut child = pyl(mode, "print('before', flush=True)\nraise KeyboardInterrupt\n")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn pyl");
        let st = wait_or_kill(&mut child, "uncaught KeyboardInterrupt");
        assert_eq!(st.signal(), Some(libc::SIGINT), "mode {mode:?}: {st:?}");
    }
}

#[test]
fn sys_exit_130_is_an_exit_status_not_a_signal() {
    let mut child = pyl(&[], "import sys\nsys.exit(130)\n").spawn().expect("spawn pyl");
    let st = wait_or_kill(&mut child, "sys.exit(130)");
    assert_eq!(st.code(), Some(130));
}

#[test]
fn a_process_sending_itself_sigsegv_dies_by_it() {
    let script = "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\nprint('still alive after SIGSEGV')\n";
    let out = pyl(&[], script).stderr(Stdio::null()).output().expect("run pyl");
    assert_eq!(out.status.signal(), Some(libc::SIGSEGV));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}
