//! The interactive prompt, driven through a pseudo-terminal as a user
//! would: typed lines, Tab, Ctrl-C, Ctrl-D. Each test expects text with a
//! generous timeout and never measures time. HOME points into a fresh
//! directory so that the history file stays out of the real home.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

/// Long enough for a loaded machine; a passing test waits far less.
const TIMEOUT_MS: u64 = 10_000;

static DIRS: AtomicUsize = AtomicUsize::new(0);

/// A new empty directory for one test (its HOME, its scripts).
fn scratch_dir() -> PathBuf {
    let n = DIRS.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("pyl-repl-test-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// `pyl ARGS` on a pseudo-terminal, with HOME in `home` (and NO_COLOR: the
/// tests read plain text; colour is covered by the traceback unit tests).
fn start_in(home: &PathBuf, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyl"));
    cmd.args(args).env("HOME", home).env("TERM", "xterm").env("NO_COLOR", "1").current_dir(home);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("pyl starts on a pty");
    // A pyl that ignored SIGTERM must not hang the test run at drop.
    p.process_mut().set_kill_timeout(Some(TIMEOUT_MS));
    p
}

/// `pyl ARGS` with a fresh HOME, past its first prompt.
fn start(args: &[&str]) -> PtySession {
    let home = scratch_dir();
    let mut p = start_in(&home, args);
    p.exp_string(">>> ").expect("first prompt");
    p
}

/// Types `line`, then waits for the output that follows it (up to the
/// next prompt) and returns it.
fn run_line(p: &mut PtySession, line: &str) -> String {
    p.send_line(line).expect("line sent");
    p.exp_string(">>> ").expect("next prompt")
}

fn exit_code(p: &PtySession) -> i32 {
    match p.process().wait().expect("pyl exits") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("pyl did not exit normally: {other:?}"),
    }
}

#[test]
fn banner_names_the_version_and_the_gil_mode() {
    let home = scratch_dir();
    let mut p = start_in(&home, &[]);
    p.exp_string(&format!("pyl {}", env!("CARGO_PKG_VERSION"))).expect("version");
    p.exp_string("GIL enabled").expect("mode");
    p.exp_string(">>> ").expect("prompt");
    let mut p = start_in(&home, &["--no-gil"]);
    p.exp_string("GIL disabled").expect("mode without the GIL");
    p.exp_string(">>> ").expect("prompt");
}

#[test]
fn expressions_echo_their_repr_and_set_underscore() {
    let mut p = start(&[]);
    assert!(run_line(&mut p, "1+1").contains("\n2\r\n"));
    assert!(run_line(&mut p, "'a' * 3").contains("'aaa'"));
    let none = run_line(&mut p, "None");
    assert!(!none.contains("None\r\n"), "None echoes nothing: {none:?}");
    assert!(run_line(&mut p, "_ * 10").contains("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"));
    run_line(&mut p, "x = 5");
    assert!(run_line(&mut p, "x + 1").contains("\n6\r\n"));
    // An unfinished line is kept: the prompt starts on the next line.
    let out = run_line(&mut p, "print('partial', end='')");
    assert!(out.contains("partial\r\n"), "{out:?}");
}

#[test]
fn a_function_defined_over_several_lines_can_be_called() {
    let mut p = start(&[]);
    p.send_line("def twice(n):").unwrap();
    p.exp_string("... ").expect("continuation prompt");
    p.send_line("    return n * 2").unwrap();
    p.exp_string("... ").expect("continuation prompt");
    p.send_line("").unwrap();
    p.exp_string(">>> ").expect("block closed by a blank line");
    assert!(run_line(&mut p, "twice(21)").contains("\n42\r\n"));
    // An open bracket continues across lines, even blank ones.
    p.send_line("[1,").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string("... ").unwrap();
    assert!(run_line(&mut p, "2]").contains("[1, 2]"));
}

#[test]
fn an_exception_prints_its_traceback_and_the_prompt_goes_on() {
    let mut p = start(&[]);
    let out = run_line(&mut p, "1/0");
    assert!(out.contains("Traceback (most recent call last):"), "{out:?}");
    assert!(out.contains("File \"<stdin>\", line 1, in <module>"), "{out:?}");
    assert!(out.contains("ZeroDivisionError: division by zero"), "{out:?}");
    let out = run_line(&mut p, "1 +");
    assert!(out.contains("SyntaxError: invalid syntax"), "{out:?}");
    assert!(out.contains('^'), "a caret under the error: {out:?}");
    assert!(run_line(&mut p, "40 + 2").contains("\n42\r\n"));
}

#[test]
fn tab_completes_names_and_attributes() {
    let mut p = start(&[]);
    p.send("pri\t").unwrap();
    p.flush().unwrap();
    p.exp_string("print(").expect("pri<TAB> completes to print(");
    p.send_line("'done')").unwrap();
    p.exp_string("done\r\n").unwrap();
    p.exp_string(">>> ").unwrap();
    run_line(&mut p, "import threading");
    p.send("threading.Thr\t").unwrap();
    p.flush().unwrap();
    p.exp_string("threading.Thread").expect("attribute completion");
    p.send_line("._bootstrap is not None").unwrap();
    p.exp_string("True").unwrap();
}

#[test]
fn ctrl_c_cancels_the_input_and_ctrl_d_exits_with_status_0() {
    let mut p = start(&[]);
    p.send("x = 'never run'").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").expect("Ctrl-C reported");
    p.exp_string(">>> ").expect("a new prompt");
    let out = run_line(&mut p, "'x' in globals()");
    assert!(out.contains("False"), "{out:?}");
    p.send_control('d').unwrap();
    p.exp_eof().expect("pyl ends");
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn sys_exit_ends_the_prompt_with_its_status() {
    let mut p = start(&[]);
    p.send_line("import sys; sys.exit(7)").unwrap();
    p.exp_eof().expect("pyl ends");
    assert_eq!(exit_code(&p), 7);
    let mut p = start(&[]);
    p.send_line("exit()").unwrap();
    p.exp_eof().expect("pyl ends");
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn dash_i_runs_the_script_then_prompts_with_its_globals() {
    let home = scratch_dir();
    std::fs::write(home.join("setup.pyl"), "answer = 6 * 7\nprint('script ran')\n").unwrap();
    let mut p = start_in(&home, &["-i", "setup.pyl"]);
    p.exp_string("script ran").unwrap();
    p.exp_string(">>> ").unwrap();
    assert!(run_line(&mut p, "answer").contains("\n42\r\n"));

    std::fs::write(home.join("fails.pyl"), "value = 'kept'\nraise ValueError('boom')\n").unwrap();
    let mut p = start_in(&home, &["-i", "fails.pyl"]);
    p.exp_string("ValueError: boom").expect("the script's traceback");
    p.exp_string(">>> ").expect("then the prompt");
    assert!(run_line(&mut p, "value").contains("'kept'"));
}

#[test]
fn a_thread_started_at_the_prompt_runs_while_the_prompt_waits() {
    let mut p = start(&[]);
    run_line(&mut p, "import threading");
    run_line(&mut p, "go = threading.Event()");
    p.send_line("def work():").unwrap();
    p.send_line("    go.wait()").unwrap();
    p.send_line("    print('from the thread')").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    run_line(&mut p, "t = threading.Thread(target=work); t.start()");
    // The main thread only waits at the prompt: the thread prints anyway.
    p.send_line("threading.Timer(0.2, go.set).start()").unwrap();
    p.exp_string("from the thread").expect("the thread's output");
    // The prompt is still usable afterwards.
    p.send_line("t.join(); 'joined'").unwrap();
    p.exp_string("'joined'").unwrap();
}

#[test]
fn history_is_kept_in_the_home_directory() {
    let home = scratch_dir();
    let mut p = start_in(&home, &[]);
    p.exp_string(">>> ").unwrap();
    run_line(&mut p, "remembered = 1");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let history = std::fs::read_to_string(home.join(".pyl_history")).expect("history file");
    assert!(history.contains("remembered = 1"), "{history:?}");
}

#[test]
fn a_missing_home_only_costs_the_history() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyl"));
    cmd.env_remove("HOME").env("TERM", "xterm").env("NO_COLOR", "1");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("pyl starts");
    p.exp_string(">>> ").unwrap();
    assert!(run_line(&mut p, "2 ** 10").contains("1024"));
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn piped_stdin_runs_the_whole_program() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyl starts");
    child.stdin.take().unwrap().write_all(b"x = 1\nprint(x + 1)\nx + 5\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    // A program is not interactive input: no echo of `x + 5`, no prompt.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
}

/// Threads started at the prompt that take each other's locks are reported
/// once, and the prompt goes on working (those two threads stay blocked).
#[test]
fn a_deadlock_among_threads_started_at_the_prompt_is_reported_and_the_prompt_stays() {
    let mut p = start(&[]);
    run_line(&mut p, "import threading, time");
    run_line(&mut p, "a, b = threading.Lock(), threading.Lock()");
    run_line(&mut p, "def take(x, y):\n    with x:\n        time.sleep(0.1)\n        with y: pass\n");
    run_line(&mut p, "t1 = threading.Thread(target=take, args=(a, b), name='Left', daemon=True)");
    run_line(&mut p, "t2 = threading.Thread(target=take, args=(b, a), name='Right', daemon=True)");
    run_line(&mut p, "t1.start(); t2.start()");
    p.exp_string("Deadlock detected among the threads started at the prompt:").expect("the report");
    p.exp_string("A cycle: 'Left' waits at line 4").expect("the cycle");
    p.exp_string("These threads stay blocked; the prompt still works.").expect("the prompt stays");
    p.exp_string(">>> ").expect("the prompt, drawn again");
    let out = run_line(&mut p, "print(6 * 7, t1.is_alive(), t2.is_alive())");
    assert!(out.contains("42 True True"), "{out:?}");
    p.send_line("exit()").expect("exit sent");
    assert_eq!(exit_code(&p), 0);
}
