//! The golden conformance suite: every `tests/golden/<area>/<name>.py` is run
//! under `pyl` and its stdout, exit status and (for a non-zero status) the
//! last non-empty line of stderr are compared with what CPython 3.11 produced,
//! stored beside the script as `<name>.out` and `<name>.exit` by
//! `scripts/regen_golden.sh`. Every failure is reported before the test fails.
//!
//! Scripts under a directory named `diagnostics` have their whole stderr
//! compared as well, with `<name>.err`: CPython's report with the script's
//! directory written as `<dir>` (the same is done to pyl's), so no path of
//! the machine that made it is recorded. Where pyl deliberately prints more
//! than CPython (help for learners), `<name>.extra` says what, one edit per
//! line, applied in order to CPython's text before the comparison:
//!
//! - `suffix TEXT`: TEXT is appended to the last non-empty line;
//! - `append TEXT`: the line TEXT is added at the end.
//!
//! CPython's own text is thus still compared exactly; only additions can be
//! declared, never changes. Outside `diagnostics` a `.extra` file applies
//! to the last line of stderr, the only one compared there.
//!
//! `PYL_GOLDEN_FILTER=substring` runs only the scripts whose path (relative
//! to `tests/golden`, e.g. `numbers/round`) contains the substring.
//! Scripts under a directory named `threads`, `processes` or `memory` run
//! twice: as they are and with `--no-gil`.
//!
//! Scripts under a directory named `memory` (out-of-memory cases, the
//! cycle collector's) run with their address space limited to
//! [`MEMORY_LIMIT`] (`setrlimit(RLIMIT_AS)`, as `ulimit -v`), as
//! `regen_golden.sh` runs CPython on them: a regression that allocates
//! without bound ends in MemoryError or an abort of that run, never in
//! the machine running out of memory.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);
/// The address-space limit of `memory` scripts, in bytes: 512 MiB, the
/// `ulimit -v 524288` of `regen_golden.sh`.
const MEMORY_LIMIT: u64 = 512 * 1024 * 1024;
const DIFF_LINES: usize = 12;
/// How long processes left behind by a script may keep its pipes open.
const PIPE_GRACE: Duration = Duration::from_secs(5);

/// One run of one script.
struct Case {
    /// Path relative to `tests/golden`, without `.py`, e.g. `numbers/round`.
    name: String,
    script: PathBuf,
    /// Extra interpreter flags placed before the script path.
    flags: Vec<&'static str>,
    /// Run under `MEMORY_LIMIT`.
    limited: bool,
}

impl Case {
    fn label(&self) -> String {
        if self.flags.is_empty() { self.name.clone() } else { format!("{} [{}]", self.name, self.flags.join(" ")) }
    }
}

/// What CPython did.
struct Expected {
    stdout: Vec<u8>,
    status: i32,
    last_stderr: String,
    /// The whole stderr (with `<dir>` for the script's directory), for
    /// `diagnostics` tests, with pyl's declared additions applied.
    stderr: Option<String>,
}

/// What pyl did.
struct Actual {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// The exit status, 128 + N for death by signal N as a shell reports
    /// it (CPython dies by SIGINT on an uncaught KeyboardInterrupt); `None`
    /// after a timeout.
    status: Option<i32>,
    timed_out: bool,
    /// A process started by the script kept stdout or stderr open.
    leftover: bool,
}

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

/// Helper modules imported by tests are not tests themselves.
fn is_helper(stem: &str) -> bool {
    stem.starts_with('_') || stem.ends_with("_mod")
}

fn collect_scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_scripts(&path, out);
        } else if path.extension().is_some_and(|e| e == "py")
            && !path.file_stem().and_then(|s| s.to_str()).is_some_and(is_helper)
        {
            out.push(path);
        }
    }
}

fn cases(root: &Path, filter: Option<&str>) -> Vec<Case> {
    let mut scripts = Vec::new();
    collect_scripts(root, &mut scripts);
    scripts.sort();
    let mut cases = Vec::new();
    for script in scripts {
        let rel = script.strip_prefix(root).unwrap().with_extension("");
        let name = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if filter.is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let in_dir = |dir: &str| rel.parent().is_some_and(|p| p.components().any(|c| c.as_os_str() == dir));
        let limited = in_dir("memory");
        let both_modes = in_dir("threads") || in_dir("processes") || limited;
        cases.push(Case { name: name.clone(), script: script.clone(), flags: Vec::new(), limited });
        if both_modes {
            cases.push(Case { name, script, flags: vec!["--no-gil"], limited });
        }
    }
    cases
}

fn read_expected(script: &Path) -> Result<Expected, String> {
    let out_path = script.with_extension("out");
    let exit_path = script.with_extension("exit");
    let missing =
        |p: &Path, e: std::io::Error| format!("cannot read {}: {e} (run scripts/regen_golden.sh)", p.display());
    let stdout = std::fs::read(&out_path).map_err(|e| missing(&out_path, e))?;
    let exit = std::fs::read_to_string(&exit_path).map_err(|e| missing(&exit_path, e))?;
    let mut lines = exit.lines();
    let status = lines
        .next()
        .and_then(|l| l.trim().parse().ok())
        .ok_or_else(|| format!("{}: first line is not an exit status", exit_path.display()))?;
    let last_stderr = lines.next().unwrap_or("").to_string();
    let err_path = script.with_extension("err");
    let extra_path = script.with_extension("extra");
    let extra = std::fs::read_to_string(&extra_path).unwrap_or_default();
    let with_extra = |text: &str| apply_extra(text, &extra).map_err(|e| format!("{}: {e}", extra_path.display()));
    let stderr = if is_diagnostic(script) {
        let text = std::fs::read_to_string(&err_path).map_err(|e| missing(&err_path, e))?;
        Some(with_extra(&text)?)
    } else {
        None
    };
    // Outside `diagnostics` only the last line is known; the additions
    // apply to it alone.
    let last_stderr = match &stderr {
        Some(text) => last_nonempty_line(text.as_bytes()),
        None if status != 0 && !extra.is_empty() => {
            last_nonempty_line(with_extra(&format!("{last_stderr}\n"))?.as_bytes())
        }
        None => last_stderr,
    };
    Ok(Expected { stdout, status, last_stderr, stderr })
}

/// Whether the whole stderr of a script is compared.
fn is_diagnostic(script: &Path) -> bool {
    script.parent().is_some_and(|p| p.components().any(|c| c.as_os_str() == "diagnostics"))
}

/// Applies the edits of a `.extra` file (see the top of this file).
fn apply_extra(cpython: &str, extra: &str) -> Result<String, String> {
    let mut lines: Vec<String> = cpython.lines().map(str::to_string).collect();
    for edit in extra.lines().filter(|l| !l.trim().is_empty()) {
        match edit.split_once(' ') {
            Some(("suffix", text)) => match lines.iter_mut().rev().find(|l| !l.trim().is_empty()) {
                Some(last) => last.push_str(text),
                None => return Err("`suffix` needs a line to extend".into()),
            },
            Some(("append", text)) => lines.push(text.to_string()),
            _ => return Err(format!("unknown edit {edit:?} (expected `suffix TEXT` or `append TEXT`)")),
        }
    }
    Ok(lines.iter().map(|l| format!("{l}\n")).collect())
}

/// Writes the script's directory as `<dir>`, as `regen_golden.sh` does.
fn normalise_paths(stderr: &[u8], script: &Path) -> String {
    let text = String::from_utf8_lossy(stderr);
    match script.parent().and_then(Path::to_str) {
        Some(dir) => text.replace(&format!("{dir}/"), "<dir>/"),
        None => text.into_owned(),
    }
}

/// A directory of its own for one run, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("pyl-golden-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("cannot create a temporary directory");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Collects what a child writes to one pipe. The buffer is shared so that
/// what arrived can be taken even if a leftover grandchild keeps the pipe
/// open after the child itself has gone.
struct Drain {
    buf: Arc<Mutex<Vec<u8>>>,
    eof: mpsc::Receiver<()>,
}

fn drain(mut pipe: impl Read + Send + 'static) -> Drain {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let (tx, eof) = mpsc::channel();
    let sink = buf.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => sink.lock().unwrap().extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let _ = tx.send(());
    });
    Drain { buf, eof }
}

impl Drain {
    /// Waits for end of file until `deadline`; returns the bytes and whether
    /// end of file was reached.
    fn finish(self, deadline: Instant) -> (Vec<u8>, bool) {
        let complete = self.eof.recv_timeout(deadline.saturating_duration_since(Instant::now())).is_ok();
        let bytes = std::mem::take(&mut *self.buf.lock().unwrap());
        (bytes, complete)
    }
}

/// Kills the child and everything it started (it leads its own process group).
fn kill_tree(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

fn wait_with_timeout(child: &mut Child, deadline: Instant) -> (Option<i32>, bool) {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (shell_status(status), false),
            Ok(None) if Instant::now() >= deadline => {
                kill_tree(child);
                let _ = child.wait();
                return (None, true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return (None, false),
        }
    }
}

#[cfg(unix)]
fn shell_status(status: std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.code().or_else(|| status.signal().map(|s| 128 + s))
}

#[cfg(not(unix))]
fn shell_status(status: std::process::ExitStatus) -> Option<i32> {
    status.code()
}

fn run_pyl(case: &Case) -> Result<Actual, String> {
    let cwd = TempDir::new();
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyl"));
    command
        .args(&case.flags)
        .arg(&case.script)
        .current_dir(&cwd.0)
        .env_remove("PYL_GIL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
        if case.limited {
            // SAFETY: the hook runs in the child between fork and exec and
            // only calls setrlimit, which is async-signal-safe.
            unsafe {
                command.pre_exec(|| {
                    let limit = libc::rlimit { rlim_cur: MEMORY_LIMIT as _, rlim_max: MEMORY_LIMIT as _ };
                    if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
    }
    let mut child = command.spawn().map_err(|e| format!("cannot start pyl: {e}"))?;
    let out = drain(child.stdout.take().unwrap());
    let err = drain(child.stderr.take().unwrap());
    let deadline = Instant::now() + TIMEOUT;
    let (status, timed_out) = wait_with_timeout(&mut child, deadline);
    // Processes the script started may still hold the pipes: they get a
    // short grace period, then are killed.
    let grace = Instant::now() + PIPE_GRACE;
    let (stdout, out_done) = out.finish(grace);
    let (stderr, err_done) = err.finish(grace);
    let leftover = !(out_done && err_done);
    if leftover {
        kill_tree(&mut child);
    }
    Ok(Actual { stdout, stderr, status, timed_out, leftover })
}

fn last_nonempty_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// A short line diff: the common head and tail are skipped and at most
/// `DIFF_LINES` lines of each side are shown.
fn short_diff(expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let al: Vec<&str> = a.split_inclusive('\n').collect();
    let head = el.iter().zip(&al).take_while(|(x, y)| x == y).count();
    let tail = el[head..].iter().rev().zip(al[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut s = String::new();
    let _ = writeln!(s, "    first difference at line {} (- expected, + actual):", head + 1);
    for (sign, lines) in [('-', &el[head..el.len() - tail]), ('+', &al[head..al.len() - tail])] {
        if lines.is_empty() {
            let _ = writeln!(s, "    {sign} (no lines)");
        }
        for line in lines.iter().take(DIFF_LINES) {
            let shown =
                line.strip_suffix('\n').map_or_else(|| format!("{line:?} (no newline at end)"), |l| l.to_string());
            let _ = writeln!(s, "    {sign} {shown}");
        }
        if lines.len() > DIFF_LINES {
            let _ = writeln!(s, "    {sign} ... ({} more lines)", lines.len() - DIFF_LINES);
        }
    }
    s
}

/// Applies the script's `<name>.mask`, if it has one, to its stdout, as
/// `scripts/regen_golden.sh` did to CPython's: for scripts that print
/// process ids, timings or lines whose order depends on scheduling (the
/// tutorial's process examples). Each line of the mask file is a step:
/// `digits` turns every run of ASCII digits into `N`; `sort` sorts the
/// lines (bytewise, as `LC_ALL=C sort`).
fn mask(script: &Path, stdout: &[u8]) -> Result<Vec<u8>, String> {
    let path = script.with_extension("mask");
    let Ok(steps) = std::fs::read_to_string(&path) else {
        return Ok(stdout.to_vec());
    };
    let mut out = stdout.to_vec();
    for step in steps.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        match step {
            "digits" => {
                let mut masked = Vec::with_capacity(out.len());
                for (i, &b) in out.iter().enumerate() {
                    if !b.is_ascii_digit() {
                        masked.push(b);
                    } else if i == 0 || !out[i - 1].is_ascii_digit() {
                        masked.push(b'N');
                    }
                }
                out = masked;
            }
            "sort" => {
                let mut lines: Vec<&[u8]> = out.split_inclusive(|&b| b == b'\n').collect();
                lines.sort();
                out = lines.concat();
            }
            other => return Err(format!("{}: unknown mask step {other:?}", path.display())),
        }
    }
    Ok(out)
}

/// Runs one case; `None` when it passed, else a report of every difference.
fn check(case: &Case) -> Option<String> {
    let expected = match read_expected(&case.script) {
        Ok(e) => e,
        Err(msg) => return Some(format!("  {msg}\n")),
    };
    let actual = match run_pyl(case) {
        Ok(a) => a,
        Err(msg) => return Some(format!("  {msg}\n")),
    };
    let actual_stdout = match mask(&case.script, &actual.stdout) {
        Ok(out) => out,
        Err(msg) => return Some(format!("  {msg}\n")),
    };
    let mut report = String::new();
    if actual.timed_out {
        let _ = writeln!(report, "  timed out after {}s (killed)", TIMEOUT.as_secs());
    }
    if actual.leftover {
        let _ = writeln!(
            report,
            "  a process started by the script still held stdout/stderr open {}s after exit (killed)",
            PIPE_GRACE.as_secs()
        );
    }
    let actual_last = if expected.stderr.is_some() {
        last_nonempty_line(normalise_paths(&actual.stderr, &case.script).as_bytes())
    } else {
        last_nonempty_line(&actual.stderr)
    };
    if actual.status != Some(expected.status) && !actual.timed_out {
        let got = actual.status.map_or_else(|| "no status".to_string(), |c| c.to_string());
        let _ = writeln!(report, "  exit status: expected {}, got {got}", expected.status);
        if expected.status == 0 && !actual_last.is_empty() {
            let _ = writeln!(report, "    stderr ends with: {actual_last}");
        }
    }
    if expected.status != 0 && actual_last != expected.last_stderr {
        let _ = writeln!(report, "  last stderr line:\n    - {}\n    + {actual_last}", expected.last_stderr);
    }
    if let Some(expected_err) = &expected.stderr {
        let actual_err = normalise_paths(&actual.stderr, &case.script);
        if &actual_err != expected_err {
            let _ = writeln!(report, "  stderr differs:");
            report.push_str(&short_diff(expected_err.as_bytes(), actual_err.as_bytes()));
        }
    }
    if actual_stdout != expected.stdout {
        let _ = writeln!(report, "  stdout differs:");
        report.push_str(&short_diff(&expected.stdout, &actual_stdout));
    }
    if report.is_empty() { None } else { Some(report) }
}

/// Runs the suite. The file is a test without the libtest harness
/// (`harness = false` in Cargo.toml), so its summary (passed, failed,
/// known gaps) shows in the normal `cargo test` output.
fn main() {
    let root = golden_root();
    let filter = std::env::var("PYL_GOLDEN_FILTER").ok().filter(|f| !f.is_empty());
    let cases = cases(&root, filter.as_deref());
    if filter.is_none() {
        assert!(!cases.is_empty(), "no golden tests found under {}", root.display());
    }
    let total = cases.len();
    let queue = Mutex::new(cases.into_iter().enumerate().collect::<VecDeque<_>>());
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get()).clamp(2, 8);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().pop_front();
                    let Some((index, case)) = next else { break };
                    if let Some(report) = check(&case) {
                        failures.lock().unwrap().push((index, case.label(), report));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.0);
    let gaps = known_gaps(&root);
    let mut summary = String::new();
    let mut gap_count = 0;
    let mut failed = 0;
    for (_, label, report) in &failures {
        match gaps.iter().find(|(name, _)| label == name || label.starts_with(&format!("{name} "))) {
            Some((_, why)) => {
                gap_count += 1;
                let _ = writeln!(summary, "KNOWN GAP {label}: {why}");
            }
            None => {
                failed += 1;
                let _ = write!(summary, "FAIL {label}\n{report}");
            }
        }
    }
    // A gap that closed must leave the list, so the list stays true.
    let failed_labels: Vec<&String> = failures.iter().map(|f| &f.1).collect();
    for (name, _) in &gaps {
        let ran = filter.as_deref().is_none_or(|f| name.contains(f));
        if ran && !failed_labels.iter().any(|l| *l == name || l.starts_with(&format!("{name} "))) {
            failed += 1;
            let _ = writeln!(summary, "FAIL {name}: passes now; remove it from tests/golden/known_gaps.txt");
        }
    }
    let _ = writeln!(
        summary,
        "golden: {} passed, {failed} failed, {gap_count} known gaps, {total} run",
        total - failures.len()
    );
    println!("{summary}");
    if failed > 0 {
        eprintln!("{failed} golden tests failed (listed above)");
        std::process::exit(1);
    }
}

/// `tests/golden/known_gaps.txt`: scripts whose CPython behaviour pyl does
/// not have yet, one per line as `area/name  # why`. They still run; their
/// failure is reported but does not fail the suite.
fn known_gaps(root: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root.join("known_gaps.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((name, why)) => (name.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}
