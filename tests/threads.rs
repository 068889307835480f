//! Behaviour of the interpreter lock that golden files cannot show, because
//! CPython 3.11 has no `--no-gil` and its scheduling is not deterministic.
//! Each test runs `pyl` on a small script and checks what it prints; none
//! of them measures time.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `pyl [flags] -` with `script` on stdin; returns (status, stdout, stderr).
fn run(flags: &[&str], script: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyl"))
        .args(flags)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyl starts");
    child.stdin.take().expect("stdin").write_all(script.as_bytes()).expect("script written");
    let out = child.wait_with_output().expect("pyl finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Two threads append their tag to one list; the script prints how often
/// the list switches from one tag to the other with a very long and a very
/// short switch interval.
const ALTERNATIONS: &str = r#"
import sys, threading

def alternations(interval):
    sys.setswitchinterval(interval)
    log = []
    go = threading.Event()
    def worker(tag):
        go.wait()
        for _ in range(300000):
            log.append(tag)
    threads = [threading.Thread(target=worker, args=(tag,)) for tag in 'ab']
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join()
    return sum(1 for i in range(1, len(log)) if log[i] != log[i - 1])

print(alternations(1000.0), alternations(0.0001))
"#;

#[test]
fn switch_interval_sets_how_often_threads_alternate() {
    let (status, out, err) = run(&[], ALTERNATIONS);
    assert_eq!(status, 0, "stderr: {err}");
    let counts: Vec<usize> = out.split_whitespace().map(|n| n.parse().expect("a count")).collect();
    let (long, short) = (counts[0], counts[1]);
    // With a 1000 s interval nobody asks the running thread to let go: each
    // thread runs its whole loop in one turn.
    assert!(long <= 1, "with a 1000 s switch interval the threads alternated {long} times");
    // With 0.1 ms the lock changes hands many times during the loops.
    assert!(short >= 5, "with a 0.1 ms switch interval the threads alternated only {short} times");
}

#[test]
fn switch_interval_round_trips_and_mode_is_reported() {
    let script = "import sys\nprint(sys.getswitchinterval())\nsys.setswitchinterval(0.25)\n\
                  print(sys.getswitchinterval(), sys._is_gil_enabled())\n";
    assert_eq!(run(&[], script).1, "0.005\n0.25 True\n");
    assert_eq!(run(&["--no-gil"], script).1, "0.005\n0.25 False\n");
    assert_eq!(run(&["-X", "gil=0"], script).1, "0.005\n0.25 False\n");
}

/// Without the GIL, unsynchronised read-modify-write loses updates while
/// every single container operation stays whole.
#[test]
fn no_gil_threads_share_containers_safely() {
    let script = r#"
import threading
shared = []
d = {}
s = set()
def work(k):
    for i in range(50000):
        shared.append(i)
        d[(k, i % 1000)] = i
        s.add(i % 5000)
threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(len(shared), sorted(shared) == sorted(list(range(50000)) * 4), len(d), len(s))
"#;
    for flags in [&[][..], &["--no-gil"][..]] {
        let (status, out, err) = run(flags, script);
        assert_eq!(status, 0, "{flags:?} stderr: {err}");
        assert_eq!(out, "200000 True 4000 5000\n", "{flags:?}");
    }
}

/// A thread blocked in a lock, a sleep or a queue does not hold the
/// interpreter lock: the main thread keeps running meanwhile.
#[test]
fn blocking_calls_release_the_lock() {
    let script = r#"
import threading, time, queue
lock = threading.Lock()
lock.acquire()
q = queue.Queue()
done = []
threading.Thread(target=lambda: (lock.acquire(), done.append('lock'))).start()
threading.Thread(target=lambda: (q.get(), done.append('queue'))).start()
threading.Thread(target=lambda: (time.sleep(0.05), done.append('sleep'))).start()
n = 0
while n < 200000:
    n += 1
lock.release()
q.put(1)
for t in threading.enumerate():
    if t is not threading.main_thread():
        t.join()
print(n, sorted(done))
"#;
    for flags in [&[][..], &["--no-gil"][..]] {
        assert_eq!(run(flags, script).1, "200000 ['lock', 'queue', 'sleep']\n", "{flags:?}");
    }
}

#[test]
fn deep_recursion_in_a_thread_raises_recursion_error() {
    let script = r#"
import threading
def down(n):
    return down(n + 1)
def worker():
    try:
        down(0)
    except RecursionError as e:
        print('RecursionError', e)
t = threading.Thread(target=worker)
t.start(); t.join()
"#;
    let (status, out, _) = run(&[], script);
    assert_eq!(status, 0);
    assert_eq!(out, "RecursionError maximum recursion depth exceeded\n");
}
