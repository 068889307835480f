//! `_subprocess`: starting and waiting for child processes, the native
//! half of `subprocess` (whose API, written in pyl in `subprocess.pyl`,
//! follows CPython 3.11's `Lib/subprocess.py`).
//!
//! Contract: `spawn` starts a program with `std::process::Command` (so
//! posix_spawn or fork+exec, nothing of pyl runs in the child) with the
//! standard streams the caller chose — inherited, a pipe, /dev/null, a
//! descriptor, or stderr sent where stdout goes — and the given argv,
//! environment and directory; a program that cannot be started raises the
//! OSError CPython raises ("[Errno 2] No such file or directory: 'x'").
//! A `Child` reaps its process exactly once (`wait`, `poll`) and runs
//! `communicate` as CPython's POSIX `_communicate` does: one poll loop
//! feeding stdin and draining stdout and stderr together, so neither
//! side can fill a pipe and deadlock, resumable after a timeout.
//!
//! Every wait (for the process, a pipe, `communicate`) happens with the
//! interpreter lock released and, in the main thread, ends early on Ctrl-C.

mod pipe;

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::ffi::OsString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use self::pipe::{PIPE_BUF, PipeFile, SharedPipe, poll_fds};
use crate::runtime::args::{to_f64, to_index};
use crate::runtime::class::Class;
use crate::runtime::function::{Args, Builtin, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::str::PyBytes;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{os_error_from_io, type_error, value_error};
use crate::vm::{PyResult, Vm};

/// `subprocess.PIPE`, `STDOUT` and `DEVNULL`.
const PIPE: i64 = -1;
const STDOUT: i64 = -2;
const DEVNULL: i64 = -3;

/// Builds `_subprocess`.
pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_subprocess");
    m.set("spawn", Value::Builtin(PyArc::new(Builtin::new("spawn", spawn))));
    m.set("Child", Value::Class(child_class()));
    Ok(PyArc::new(m))
}

// ---------------------------------------------------------------- spawn

/// A program argument or environment string: str, bytes or `__fspath__`.
fn os_string(vm: &mut Vm, v: &Value) -> PyResult<OsString> {
    let s = match v {
        Value::Bytes(b) => OsString::from_vec(b.data.to_vec()),
        _ => OsString::from(crate::modules::os_path::fspath(vm, v)?),
    };
    if s.as_encoded_bytes().contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    Ok(s)
}

fn env_list(vm: &mut Vm, env: &Value) -> PyResult<Vec<(OsString, OsString)>> {
    let Value::Dict(d) = env else {
        return Err(type_error("env must be a dict"));
    };
    let mut out = Vec::new();
    for (k, v) in d.items() {
        let (k, v) = (os_string(vm, &k)?, os_string(vm, &v)?);
        if k.as_encoded_bytes().contains(&b'=') {
            return Err(value_error("illegal environment variable name"));
        }
        out.push((k, v));
    }
    Ok(out)
}

/// The file to execute: `exe` itself if it names a directory, else the
/// first executable match on the PATH of the child's environment (or
/// `os.defpath`), as CPython's `os.get_exec_path(env)` search.
fn find_program(exe: &OsString, env: &[(OsString, OsString)]) -> Result<OsString, i32> {
    if exe.as_encoded_bytes().contains(&b'/') {
        return Ok(exe.clone());
    }
    let path = env.iter().find(|(k, _)| k == "PATH").map(|(_, v)| v.clone());
    let path = path.unwrap_or_else(|| OsString::from("/bin:/usr/bin"));
    let mut first_error = libc::ENOENT;
    for dir in path.as_encoded_bytes().split(|&b| b == b':') {
        let mut cand = dir.to_vec();
        if !cand.is_empty() && !cand.ends_with(b"/") {
            cand.push(b'/');
        }
        cand.extend_from_slice(exe.as_encoded_bytes());
        let cand = OsString::from_vec(cand);
        let Ok(meta) = std::fs::metadata(&cand) else { continue };
        let Ok(c) = std::ffi::CString::new(cand.as_encoded_bytes()) else { continue };
        // SAFETY: c is a valid NUL-terminated path.
        if meta.is_file() && unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0 {
            return Ok(cand);
        }
        if first_error == libc::ENOENT {
            first_error = libc::EACCES;
        }
    }
    Err(first_error)
}

/// A standard-stream argument: None inherits, or PIPE/STDOUT/DEVNULL, or
/// a descriptor (the pyl side turns file objects into their `fileno()`).
fn stream_spec(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        v => Ok(Some(to_index(vm, v)?)),
    }
}

fn dup_fd(fd: i32) -> std::io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC only creates a new descriptor.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) };
    if new < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `new` was just created and is owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}

fn devnull() -> std::io::Result<OwnedFd> {
    Ok(std::fs::File::options().read(true).write(true).open("/dev/null")?.into())
}

/// The child's end of one stream, and the parent's end if it is a pipe.
fn child_end(spec: Option<i64>, input: bool) -> std::io::Result<(Option<OwnedFd>, Option<std::fs::File>)> {
    match spec {
        None => Ok((None, None)),
        Some(PIPE) => {
            let (r, w) = std::io::pipe()?;
            let (r, w): (OwnedFd, OwnedFd) = (r.into(), w.into());
            Ok(if input { (Some(r), Some(w.into())) } else { (Some(w), Some(r.into())) })
        }
        Some(DEVNULL) => Ok((Some(devnull()?), None)),
        Some(fd) if fd >= 0 => Ok((Some(dup_fd(fd as i32)?), None)),
        Some(_) => Err(std::io::Error::from_raw_os_error(libc::EBADF)),
    }
}

fn stdio(fd: Option<OwnedFd>) -> Stdio {
    fd.map_or_else(Stdio::inherit, Stdio::from)
}

/// `spawn(argv, executable, cwd, env, stdin, stdout, stderr, text,
/// bufsize, errors)` -> `(child, pid, stdin, stdout, stderr)`: the three
/// streams are pipe objects where PIPE was asked for, else None.
fn spawn(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("spawn", 10, args.len())?;
    let a = &args.pos;
    let mut argv = Vec::new();
    for item in vm.iterate(&a[0])? {
        argv.push(os_string(vm, &item)?);
    }
    let exe = os_string(vm, &a[1])?;
    let exe_name = exe.to_string_lossy().into_owned();
    let cwd = match &a[2] {
        Value::None => None,
        v => Some(crate::modules::os_path::fspath(vm, v)?),
    };
    let env = env_list(vm, &a[3])?;
    let (sin, sout, serr) = (stream_spec(vm, &a[4])?, stream_spec(vm, &a[5])?, stream_spec(vm, &a[6])?);
    let text = vm.truthy(&a[7])?;
    let bufsize = to_index(vm, &a[8])?;
    let errors = match &a[9] {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    };

    // CPython reports a bad directory (the child's chdir) under its name.
    if let Some(dir) = &cwd {
        match std::fs::metadata(dir) {
            Err(e) => return Err(os_error_from_io(&e, Some(dir))),
            Ok(m) if !m.is_dir() => {
                let e = std::io::Error::from_raw_os_error(libc::ENOTDIR);
                return Err(os_error_from_io(&e, Some(dir)));
            }
            Ok(_) => {}
        }
    }
    let program = find_program(&exe, &env).map_err(|errno| {
        let e = std::io::Error::from_raw_os_error(errno);
        os_error_from_io(&e, Some(&exe_name))
    })?;

    let io_err = |e: std::io::Error| os_error_from_io(&e, None);
    let (in_child, in_parent) = child_end(sin, true).map_err(io_err)?;
    let (out_child, out_parent) = child_end(sout, false).map_err(io_err)?;
    let (err_child, err_parent) = match serr {
        Some(STDOUT) => match &out_child {
            Some(fd) => (Some(fd.try_clone().map_err(io_err)?), None),
            None => (Some(dup_fd(1).map_err(io_err)?), None),
        },
        spec => child_end(spec, false).map_err(io_err)?,
    };

    let mut cmd = Command::new(&program);
    if let Some(first) = argv.first() {
        cmd.arg0(first);
    }
    cmd.args(argv.iter().skip(1)).env_clear().envs(env);
    if let Some(dir) = &cwd {
        cmd.current_dir(dir);
    }
    cmd.stdin(stdio(in_child)).stdout(stdio(out_child)).stderr(stdio(err_child));
    // pyl's own buffered output is not flushed first: CPython does not
    // either, so with stdout redirected to a file the child's lines come
    // before the parent's unflushed ones there too.
    let spawned = vm.allow_threads(|| cmd.spawn());
    // Closes the parent's copies of the child's ends.
    drop(cmd);
    let child = spawned.map_err(|e| os_error_from_io(&e, Some(&exe_name)))?;
    let pid = child.id() as i32;
    drop(child);

    let pipe = |f: Option<std::fs::File>, writer: bool| match f {
        Some(f) => Value::native(PipeFile::new(f, writer, text, bufsize, errors.clone())),
        None => Value::None,
    };
    let child = ChildObject { pid, pidfd: pidfd_open(pid), status: Mutex::new(None), comm: Arc::new(Mutex::new(None)) };
    Ok(Value::tuple(vec![
        Value::native(Arc::new(child)),
        Value::Int(pid as i64),
        pipe(in_parent, true),
        pipe(out_parent, false),
        pipe(err_parent, false),
    ]))
}

/// A descriptor that polls readable when the process ends (Linux 5.3+);
/// without one, waits poll `waitpid` on a short timer.
fn pidfd_open(pid: i32) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return None;
    }
    // SAFETY: the descriptor was just created and is owned by nobody else.
    Some(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

// ---------------------------------------------------------------- Child

/// A started process: its pid, its exit status once reaped, and the state
/// of `communicate()` between calls.
pub struct ChildObject {
    pid: i32,
    pidfd: Option<OwnedFd>,
    /// The return code (negative: killed by that signal), once reaped.
    status: Mutex<Option<i64>>,
    comm: Arc<Mutex<Option<Comm>>>,
}

impl NativeObject for ChildObject {
    fn class(&self) -> PyArc<Class> {
        child_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for ChildObject {
    fn drop(&mut self) {
        // Reaps a finished child nobody waited for (no zombie is left).
        let _ = self.try_reap();
    }
}

fn child_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("poll", child_poll),
                ("wait", child_wait),
                ("send_signal", child_signal),
                ("communicate", child_communicate),
            ];
            let cls = make("Child", &types().object_type, None, &methods);
            *cls.module.lock() = Value::str("_subprocess");
            cls
        })
        .clone()
}

impl ChildObject {
    /// The return code if the process has ended (reaping it), else None.
    fn try_reap(&self) -> std::io::Result<Option<i64>> {
        let mut status = self.status.lock();
        if status.is_some() {
            return Ok(*status);
        }
        let mut st = 0;
        // SAFETY: waitpid on our own child with a valid status pointer.
        let r = unsafe { libc::waitpid(self.pid, &mut st, libc::WNOHANG) };
        if r == self.pid {
            *status = Some(if libc::WIFSIGNALED(st) {
                -(libc::WTERMSIG(st) as i64)
            } else if libc::WIFSTOPPED(st) {
                -(libc::WSTOPSIG(st) as i64)
            } else {
                libc::WEXITSTATUS(st) as i64
            });
        } else if r < 0 {
            let e = std::io::Error::last_os_error();
            match e.raw_os_error() {
                // Someone else reaped it: CPython reports 0.
                Some(libc::ECHILD) => *status = Some(0),
                Some(libc::EINTR) => {}
                _ => return Err(e),
            }
        }
        Ok(*status)
    }

    /// Waits for the end of the process until `until`.
    fn wait_until(&self, until: Option<Instant>) -> Option<std::io::Result<i64>> {
        let mut delay = Duration::from_micros(500);
        loop {
            match self.try_reap() {
                Ok(Some(code)) => return Some(Ok(code)),
                Ok(None) => {}
                Err(e) => return Some(Err(e)),
            }
            if until.is_some_and(|u| Instant::now() >= u) {
                return None;
            }
            match &self.pidfd {
                Some(fd) => {
                    let mut fds = [libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 }];
                    match poll_fds(&mut fds, until) {
                        Ok(true) => {}
                        Ok(false) => return None,
                        Err(e) => return Some(Err(e)),
                    }
                }
                None => {
                    delay = (delay * 2).min(Duration::from_millis(50));
                    let nap = until.map_or(delay, |u| delay.min(u.saturating_duration_since(Instant::now())));
                    std::thread::sleep(nap);
                }
            }
        }
    }
}

fn this<'a>(args: &'a Args) -> PyResult<&'a ChildObject> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<ChildObject>())
        .ok_or_else(|| type_error("descriptor requires a '_subprocess.Child' object"))
}

/// A timeout argument as a deadline: None waits forever.
fn deadline(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Instant>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match to_f64(vm, v)? {
            // CPython's `remaining <= 0` is never true of NaN: no timeout.
            secs if secs.is_nan() => Ok(None),
            secs => Ok(crate::vm::timeout::deadline_secs(secs)),
        },
    }
}

fn child_poll(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(this(args)?.try_reap().ok().flatten().map_or(Value::None, Value::Int))
}

/// `wait(timeout)`: the return code, or None when the timeout passed.
fn child_wait(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let child = this(args)?;
    if let Some(code) = child.try_reap().map_err(|e| os_error_from_io(&e, None))? {
        return Ok(Value::Int(code));
    }
    let until = deadline(vm, args.pos.get(1))?;
    match vm.wait_released(until, |u| child.wait_until(u))? {
        None => Ok(Value::None),
        Some(Ok(code)) => Ok(Value::Int(code)),
        Some(Err(e)) => Err(os_error_from_io(&e, None)),
    }
}

/// `send_signal(sig)`: a process already reaped is left alone.
fn child_signal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let child = this(args)?;
    let sig = to_index(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    if child.status.lock().is_some() {
        return Ok(Value::None);
    }
    // SAFETY: kill only takes integers.
    if unsafe { libc::kill(child.pid, sig as i32) } != 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::ESRCH) {
            return Err(os_error_from_io(&e, None));
        }
    }
    Ok(Value::None)
}

// ---------------------------------------------------------- communicate

/// One output stream being drained by `communicate`.
struct Drain {
    pipe: SharedPipe,
    data: Vec<u8>,
    /// Whether anything (even the end of file) was read: CPython's
    /// TimeoutExpired carries None until then.
    started: bool,
}

/// What `communicate` has done so far; kept between calls so a call after
/// a timeout resumes, and a later call returns the same output.
struct Comm {
    stdin: Option<SharedPipe>,
    input: Vec<u8>,
    offset: usize,
    out: Option<Drain>,
    err: Option<Drain>,
}

fn close_shared(p: &SharedPipe) {
    p.lock().close();
}

fn raw_fd(p: &SharedPipe) -> Option<i32> {
    p.lock().file.as_ref().map(|f| f.as_raw_fd())
}

impl Drain {
    fn new(pipe: SharedPipe) -> Drain {
        // CPython's loop reads the descriptor itself: what an earlier
        // readline() read ahead into the buffer is not part of the result.
        pipe.lock().take_unread();
        Drain { data: Vec::new(), started: false, pipe }
    }

    fn read(&mut self) -> std::io::Result<()> {
        let mut st = self.pipe.lock();
        let n = st.read_ready()?;
        self.data.append(&mut st.take_unread());
        self.started = true;
        if n == 0 {
            st.file = None;
        }
        Ok(())
    }
}

impl Comm {
    /// Exchanges data until everything is done (Some) or `until` passes.
    fn step(&mut self, until: Option<Instant>) -> Option<std::io::Result<()>> {
        loop {
            let mut fds = Vec::with_capacity(3);
            let mut who = Vec::with_capacity(3);
            if let Some(p) = &self.stdin {
                match raw_fd(p) {
                    Some(fd) if self.offset < self.input.len() => {
                        fds.push(libc::pollfd { fd, events: libc::POLLOUT, revents: 0 });
                        who.push(0);
                    }
                    Some(_) => close_shared(p),
                    None => {}
                }
            }
            for (i, d) in [(1, &self.out), (2, &self.err)] {
                if let Some(fd) = d.as_ref().and_then(|d| raw_fd(&d.pipe)) {
                    fds.push(libc::pollfd { fd, events: libc::POLLIN, revents: 0 });
                    who.push(i);
                }
            }
            if fds.is_empty() {
                return Some(Ok(()));
            }
            match poll_fds(&mut fds, until) {
                Ok(true) => {}
                Ok(false) => return None,
                Err(e) => return Some(Err(e)),
            }
            for (fd, &i) in fds.iter().zip(&who) {
                if fd.revents == 0 {
                    continue;
                }
                let r = match i {
                    0 => self.write_input(),
                    1 => self.out.as_mut().map_or(Ok(()), Drain::read),
                    _ => self.err.as_mut().map_or(Ok(()), Drain::read),
                };
                if let Err(e) = r {
                    return Some(Err(e));
                }
            }
        }
    }

    /// Writes one chunk of the input; a child that stopped reading (EPIPE)
    /// just gets its stdin closed, as CPython does.
    fn write_input(&mut self) -> std::io::Result<()> {
        use std::io::Write;
        let Some(p) = &self.stdin else { return Ok(()) };
        let mut st = p.lock();
        let Some(file) = st.file.as_mut() else { return Ok(()) };
        let end = self.input.len().min(self.offset + PIPE_BUF);
        match file.write(&self.input[self.offset..end]) {
            Ok(n) => self.offset += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.offset = self.input.len(),
            Err(e) => return Err(e),
        }
        if self.offset >= self.input.len() {
            st.close();
        }
        Ok(())
    }
}

fn shared_of(v: &Value) -> Option<SharedPipe> {
    v.as_native::<PipeFile>().map(|p| p.state.clone())
}

fn bytes_value(b: &[u8]) -> Value {
    Value::Bytes(PyArc::new(PyBytes::new(b.to_vec())))
}

/// `communicate(stdin, stdout, stderr, input, timeout)` ->
/// `(finished, out, err)`: once finished, out and err are bytes for the
/// streams that are pipes (None for the others); after a timeout, the
/// output so far, None for a stream nothing was read from yet.
fn child_communicate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("communicate", 6, args.len())?;
    let child = this(args)?;
    let (stdin, out, err) = (shared_of(&args.pos[1]), shared_of(&args.pos[2]), shared_of(&args.pos[3]));
    let input = match &args.pos[4] {
        Value::None => Vec::new(),
        Value::Bytes(b) => b.data.to_vec(),
        v => match v.as_native::<crate::runtime::bytearray::PyByteArray>() {
            Some(b) => b.data.lock().clone(),
            None => {
                return Err(type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    v.type_name()
                )));
            }
        },
    };
    let until = deadline(vm, args.pos.get(5))?;
    let comm = child.comm.clone();
    let mut fresh = Some((stdin, out, err, input));
    let r = vm.wait_released(until, |u| {
        let mut c = comm.lock();
        if let Some((stdin, out, err, mut input)) = fresh.take()
            && c.is_none()
        {
            if let Some(p) = &stdin {
                let mut pending = std::mem::take(&mut p.lock().wbuf);
                pending.append(&mut input);
                input = pending;
            }
            *c = Some(Comm { stdin, input, offset: 0, out: out.map(Drain::new), err: err.map(Drain::new) });
        }
        c.as_mut().and_then(|c| c.step(u))
    })?;
    if let Some(Err(e)) = r {
        return Err(os_error_from_io(&e, None));
    }
    let finished = r.is_some();
    let c = comm.lock();
    let result = |d: &Option<Drain>| match d {
        Some(d) if finished || d.started => bytes_value(&d.data),
        _ => Value::None,
    };
    let (out, err) = c.as_ref().map_or((Value::None, Value::None), |c| (result(&c.out), result(&c.err)));
    Ok(Value::tuple(vec![Value::Bool(finished), out, err]))
}
