//! The parent's ends of a child's standard streams (`Popen.stdin`,
//! `Popen.stdout`, `Popen.stderr`): CPython's `BufferedWriter` /
//! `BufferedReader`, or a `TextIOWrapper` over them in text mode (UTF-8,
//! universal newlines: `\r\n` and `\r` read as `\n`).
//!
//! Every wait for the child (a read with no data buffered, a flush into a
//! full pipe) polls the descriptor with the interpreter lock released, so
//! other threads run and signals reach the main thread. The pipe
//! itself is never switched to non-blocking mode: a read end may be handed
//! to the next child of a pipeline, which expects an ordinary descriptor.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use parking_lot::Mutex;

use crate::modules::io_unsupported;
use crate::runtime::class::Class;
use crate::runtime::function::{Args, Builtin, NativeFn, Property};
use crate::runtime::str::PyBytes;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{os_error_from_io, stop_iteration, type_error, value_error};
use crate::vm::{PyErr, PyResult, Vm};

/// What `BufferedWriter` keeps before writing to the pipe.
const BUFFER_SIZE: usize = 8192;
/// A write of at most this many bytes into a pipe that polls writable
/// never blocks (POSIX `PIPE_BUF`).
pub(super) const PIPE_BUF: usize = 4096;

/// The shared state of one pipe end; `communicate()` works on it too.
pub(super) struct PipeState {
    /// None once closed.
    pub(super) file: Option<std::fs::File>,
    /// Bytes read from the pipe (raw, untranslated); those before `rpos`
    /// have been returned already.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written and not yet sent.
    pub(super) wbuf: Vec<u8>,
    eof: bool,
}

pub(super) type SharedPipe = Arc<Mutex<PipeState>>;

/// Waits until `fd` is ready for `events` or `until` passes. Ok(false) on
/// timeout or a signal (the caller looks at the signal and comes back).
pub(super) fn poll_fds(fds: &mut [libc::pollfd], until: Option<Instant>) -> std::io::Result<bool> {
    let timeout = match until {
        None => -1,
        Some(u) => {
            let left = u.saturating_duration_since(Instant::now());
            left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32
        }
    };
    // SAFETY: `fds` is a valid, exclusively borrowed array of pollfd.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
    if n < 0 {
        let e = std::io::Error::last_os_error();
        return if e.kind() == std::io::ErrorKind::Interrupted { Ok(false) } else { Err(e) };
    }
    Ok(n > 0)
}

fn poll_one(fd: i32, events: i16, until: Option<Instant>) -> std::io::Result<bool> {
    poll_fds(&mut [libc::pollfd { fd, events, revents: 0 }], until)
}

impl PipeState {
    pub(super) fn new(file: std::fs::File) -> PipeState {
        PipeState { file: Some(file), rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), eof: false }
    }

    /// The bytes read and not yet returned.
    fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Returns the next `n` unread bytes.
    fn consume(&mut self, n: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        out
    }

    /// Takes everything read and not yet returned.
    pub(super) fn take_unread(&mut self) -> Vec<u8> {
        let mut all = std::mem::take(&mut self.rbuf);
        all.drain(..std::mem::take(&mut self.rpos));
        all
    }

    /// Closes the pipe (dropping what was buffered either way).
    pub(super) fn close(&mut self) {
        self.file = None;
        self.rbuf = Vec::new();
        self.rpos = 0;
        self.wbuf = Vec::new();
    }

    /// Reads what the pipe has (it polled readable, so this does not block).
    /// Returns the number of bytes read; 0 at end of file.
    pub(super) fn read_ready(&mut self) -> std::io::Result<usize> {
        let Some(file) = self.file.as_mut() else { return Ok(0) };
        let mut chunk = [0u8; 32768];
        loop {
            match file.read(&mut chunk) {
                Ok(n) => {
                    // Returned bytes are dropped only now and then: reading
                    // line by line must not move the buffer for every line.
                    if self.rpos > 0 && self.rpos * 2 >= self.rbuf.len() {
                        self.rbuf.drain(..std::mem::take(&mut self.rpos));
                    }
                    self.rbuf.extend_from_slice(&chunk[..n]);
                    self.eof |= n == 0;
                    return Ok(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Waits for data until `until`; Ok(true) if some arrived (or the end).
    fn fill(&mut self, until: Option<Instant>) -> std::io::Result<bool> {
        let Some(fd) = self.file.as_ref().map(|f| f.as_raw_fd()) else { return Ok(true) };
        if !poll_one(fd, libc::POLLIN, until)? {
            return Ok(false);
        }
        self.read_ready()?;
        Ok(true)
    }

    /// Writes the buffer out, waiting at most until `until`; Ok(true) when
    /// it is empty.
    fn drain(&mut self, until: Option<Instant>) -> std::io::Result<bool> {
        while !self.wbuf.is_empty() {
            let Some(file) = self.file.as_mut() else { return Ok(true) };
            if !poll_one(file.as_raw_fd(), libc::POLLOUT, until)? {
                return Ok(false);
            }
            let n = self.wbuf.len().min(PIPE_BUF);
            match file.write(&self.wbuf[..n]) {
                Ok(n) => {
                    self.wbuf.drain(..n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Reader,
    Writer,
}

/// One of `Popen`'s stream objects.
pub struct PipeFile {
    kind: Kind,
    text: bool,
    /// bufsize=0: every write goes to the pipe at once.
    unbuffered: bool,
    /// Text mode with bufsize=1: a write with a newline flushes.
    line_buffering: bool,
    /// errors= other than "strict" decode with replacement characters.
    lossy: bool,
    errors: String,
    fd: i32,
    pub(super) state: SharedPipe,
}

impl PipeFile {
    pub(super) fn new(
        file: std::fs::File,
        writer: bool,
        text: bool,
        bufsize: i64,
        errors: Option<String>,
    ) -> Arc<PipeFile> {
        let errors = errors.unwrap_or_else(|| "strict".into());
        Arc::new(PipeFile {
            kind: if writer { Kind::Writer } else { Kind::Reader },
            text,
            unbuffered: bufsize == 0 && !text,
            line_buffering: bufsize == 1 && text,
            lossy: errors != "strict",
            errors,
            fd: file.as_raw_fd(),
            state: Arc::new(Mutex::new(PipeState::new(file))),
        })
    }

    fn is_closed(&self) -> bool {
        self.state.lock().file.is_none()
    }
}

fn make_class(name: &str) -> PyArc<Class> {
    let mut methods: Vec<(&'static str, NativeFn)> = vec![
        ("read", p_read),
        ("readline", p_readline),
        ("readlines", p_readlines),
        ("write", p_write),
        ("writelines", p_writelines),
        ("flush", p_flush),
        ("close", p_close),
        ("fileno", p_fileno),
        ("readable", p_readable),
        ("writable", p_writable),
        ("seekable", p_false),
        ("isatty", p_false),
        ("__enter__", p_enter),
        ("__exit__", p_exit),
        ("__iter__", p_iter),
        ("__next__", p_next),
    ];
    if name != "TextIOWrapper" {
        methods.push(("read1", p_read1));
    }
    let cls = make(name, &types().object_type, None, &methods);
    *cls.module.lock() = Value::str("_io");
    let mut getters: Vec<(&'static str, NativeFn)> = vec![("closed", p_closed), ("name", p_name)];
    if name == "TextIOWrapper" {
        getters.extend([("encoding", p_encoding as NativeFn), ("errors", p_errors)]);
    } else {
        getters.push(("mode", p_mode));
    }
    for (name, getter) in getters {
        let fget = Value::Builtin(PyArc::new(Builtin::new(name, getter)));
        let prop = Property { fget, fset: Value::None, fdel: Value::None, doc: Value::None };
        cls.dict.set_item_str(name, Value::Property(PyArc::new(prop)));
    }
    cls.refresh_flags();
    cls
}

impl NativeObject for PipeFile {
    fn class(&self) -> PyArc<Class> {
        static READER: OnceLock<PyArc<Class>> = OnceLock::new();
        static WRITER: OnceLock<PyArc<Class>> = OnceLock::new();
        static TEXT: OnceLock<PyArc<Class>> = OnceLock::new();
        let cell = match (self.text, self.kind) {
            (true, _) => (&TEXT, "TextIOWrapper"),
            (false, Kind::Reader) => (&READER, "BufferedReader"),
            (false, Kind::Writer) => (&WRITER, "BufferedWriter"),
        };
        cell.0.get_or_init(|| make_class(cell.1)).clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        Some(match (self.text, self.kind) {
            (true, _) => format!("<_io.TextIOWrapper name={} encoding='utf-8'>", self.fd),
            (false, Kind::Reader) => format!("<_io.BufferedReader name={}>", self.fd),
            (false, Kind::Writer) => format!("<_io.BufferedWriter name={}>", self.fd),
        })
    }
}

fn this<'a>(args: &'a Args) -> PyResult<&'a PipeFile> {
    args.pos.first().and_then(|v| v.as_native::<PipeFile>()).ok_or_else(|| type_error("descriptor requires a pipe"))
}

/// CPython's message for an operation on a closed stream: the buffered
/// binary objects name the operation, the rest say "I/O operation".
fn closed_error(p: &PipeFile, op: &str) -> PyErr {
    let msg = match (p.text, op) {
        (_, "fileno" | "readable" | "writable") => "I/O operation on closed file",
        (false, "read") => "read of closed file",
        (false, "readline") => "readline of closed file",
        (false, "flush") => "flush of closed file",
        (false, "write") => "write to closed file",
        _ => "I/O operation on closed file.",
    };
    value_error(msg)
}

fn check_open(p: &PipeFile, op: &str) -> PyResult<()> {
    if p.is_closed() { Err(closed_error(p, op)) } else { Ok(()) }
}

fn check_kind(p: &PipeFile, want: Kind) -> PyResult<()> {
    if p.kind == want {
        return Ok(());
    }
    let msg = match (p.text, want) {
        (true, Kind::Reader) => "not readable",
        (true, Kind::Writer) => "not writable",
        (false, Kind::Reader) => "read",
        (false, Kind::Writer) => "write",
    };
    Err(PyErr::new(&io_unsupported(), msg))
}

// ------------------------------------------------------------- reading

/// How much of the buffered input a read wants.
#[derive(Clone, Copy)]
enum Want {
    All,
    /// Up to this many bytes (binary) or characters (text).
    Upto(usize),
    /// Through the next newline, with an optional limit.
    Line(Option<usize>),
    /// What is there, at most this many bytes: waits only when nothing is.
    Some(usize),
}

/// Takes the answer to `want` from the buffer, or None if it needs more
/// input. Text mode translates newlines here.
fn take(st: &mut PipeState, text: bool, want: Want) -> Option<Vec<u8>> {
    if text {
        let (limit, line) = match want {
            Want::All => (None, false),
            Want::Upto(n) => (Some(n), false),
            Want::Line(n) => (n, true),
            Want::Some(n) => (Some(n), false),
        };
        let (out, used) = take_text(st.unread(), st.eof, limit, line)?;
        st.rpos += used;
        return Some(out);
    }
    let len = st.unread().len();
    let cut = match want {
        Want::All => st.eof.then_some(len)?,
        Want::Upto(n) if len >= n || st.eof => n.min(len),
        Want::Upto(_) => return None,
        Want::Some(n) if len > 0 || st.eof => n.min(len),
        Want::Some(_) => return None,
        Want::Line(limit) => {
            let lim = limit.unwrap_or(usize::MAX).min(len);
            match st.unread()[..lim].iter().position(|&b| b == b'\n') {
                Some(p) => p + 1,
                None if limit.is_some_and(|l| l <= len) || st.eof => lim,
                None => return None,
            }
        }
    };
    Some(st.consume(cut))
}

/// Universal-newline reading of the start of `raw`: the translated bytes
/// and how many raw bytes they used, or None when more input is needed to
/// answer (a lone `\r` at the end might be the start of `\r\n`).
fn take_text(raw: &[u8], eof: bool, limit: Option<usize>, line: bool) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut chars = 0usize;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        let starts_char = b & 0xC0 != 0x80;
        if starts_char && limit.is_some_and(|l| chars >= l) {
            return Some((out, i));
        }
        if b == b'\r' {
            if i + 1 == raw.len() && !eof {
                return None;
            }
            out.push(b'\n');
            chars += 1;
            i += if raw.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            if line {
                return Some((out, i));
            }
            continue;
        }
        out.push(b);
        chars += starts_char as usize;
        i += 1;
        if b == b'\n' && line {
            return Some((out, i));
        }
    }
    let enough = limit.is_some_and(|l| chars >= l) && last_char_complete(&out);
    (eof || enough).then_some((out, i))
}

/// Whether `s` does not end in the middle of a UTF-8 sequence.
fn last_char_complete(s: &[u8]) -> bool {
    let Some(start) = s.iter().rposition(|&b| b & 0xC0 != 0x80) else { return true };
    let need = match s[start] {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        _ => 2,
    };
    s.len() - start >= need
}

/// Answers a read, waiting for the child (interpreter lock released) as
/// long as the buffered input cannot.
fn read_op(vm: &mut Vm, p: &PipeFile, op: &str, want: Want) -> PyResult<Value> {
    check_kind(p, Kind::Reader)?;
    let quick = match p.state.try_lock() {
        Some(st) if st.file.is_none() => return Err(closed_error(p, op)),
        Some(mut st) => take(&mut st, p.text, want),
        None => None,
    };
    let data = match quick {
        Some(d) => d,
        None => {
            let state = p.state.clone();
            let text = p.text;
            let r = vm.wait_released(None, |until| {
                let mut st = state.lock();
                loop {
                    if st.file.is_none() {
                        return Some(Ok(None));
                    }
                    if let Some(d) = take(&mut st, text, want) {
                        return Some(Ok(Some(d)));
                    }
                    match st.fill(until) {
                        Ok(true) => {}
                        Ok(false) => return None,
                        Err(e) => return Some(Err(e)),
                    }
                }
            })?;
            match r {
                Some(Ok(Some(d))) => d,
                Some(Ok(None)) => return Err(closed_error(p, op)),
                Some(Err(e)) => return Err(os_error_from_io(&e, None)),
                None => Vec::new(),
            }
        }
    };
    decoded(p, data)
}

fn decoded(p: &PipeFile, data: Vec<u8>) -> PyResult<Value> {
    if !p.text {
        return Ok(Value::Bytes(PyArc::new(PyBytes::new(data))));
    }
    match String::from_utf8(data) {
        Ok(s) => Ok(Value::str(s)),
        Err(e) if p.lossy => Ok(Value::str(String::from_utf8_lossy(e.as_bytes()).into_owned())),
        Err(e) => Err(crate::runtime::exception::utf8_decode_error(e.as_bytes(), e.utf8_error())),
    }
}

/// A size argument: None or negative means "no limit".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = crate::runtime::args::to_index(vm, v)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

fn p_read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    let want = match size_arg(vm, args.get(1, "size"))? {
        None => Want::All,
        Some(n) => Want::Upto(n),
    };
    read_op(vm, p, "read", want)
}

/// `read1(size=-1)`: what the pipe has, waiting only if it has nothing.
fn p_read1(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    let n = size_arg(vm, args.get(1, "size"))?.unwrap_or(usize::MAX);
    read_op(vm, p, "read", Want::Some(n))
}

fn p_readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    let limit = size_arg(vm, args.get(1, "size"))?;
    read_op(vm, p, "readline", Want::Line(limit))
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.as_str().is_empty(),
        Value::Bytes(b) => b.data.is_empty(),
        _ => true,
    }
}

fn p_readlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_open(p, "readlines")?;
    let mut lines = Vec::new();
    loop {
        let line = read_op(vm, p, "readline", Want::Line(None))?;
        if is_empty(&line) {
            return Ok(Value::list(lines));
        }
        lines.push(line);
    }
}

fn p_next(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    let line = read_op(vm, p, "readline", Want::Line(None))?;
    if is_empty(&line) {
        return Err(stop_iteration(Value::None));
    }
    Ok(line)
}

fn p_iter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_open(this(args)?, "__iter__")?;
    Ok(args.pos[0].clone())
}

// ------------------------------------------------------------- writing

/// Sends the write buffer to the child, waiting with the interpreter lock
/// released while the pipe is full.
fn flush_pipe(vm: &mut Vm, p: &PipeFile) -> PyResult<()> {
    if p.state.lock().wbuf.is_empty() {
        return Ok(());
    }
    let state = p.state.clone();
    let r = vm.wait_released(None, |until| match state.lock().drain(until) {
        Ok(true) => Some(Ok(())),
        Ok(false) => None,
        Err(e) => Some(Err(e)),
    })?;
    match r {
        Some(Err(e)) => {
            // A broken pipe loses what was buffered, as CPython's close does.
            p.state.lock().wbuf.clear();
            Err(os_error_from_io(&e, None))
        }
        _ => Ok(()),
    }
}

fn p_write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_kind(p, Kind::Writer)?;
    let (data, count, newline) = match (args.pos.get(1), p.text) {
        (Some(Value::Str(s)), true) => {
            let t = s.as_str();
            (t.as_bytes().to_vec(), s.char_len(), t.contains(['\n', '\r']))
        }
        (Some(Value::Bytes(b)), false) => (b.data.to_vec(), b.data.len(), false),
        (Some(v), false) if v.as_native::<crate::runtime::bytearray::PyByteArray>().is_some() => {
            let d = v.as_native::<crate::runtime::bytearray::PyByteArray>().map(|b| b.data.lock().clone());
            let d = d.unwrap_or_default();
            let n = d.len();
            (d, n, false)
        }
        (Some(other), true) => {
            return Err(type_error(format!("write() argument must be str, not {}", other.type_name())));
        }
        (Some(other), false) => {
            return Err(type_error(format!("a bytes-like object is required, not '{}'", other.type_name())));
        }
        (None, _) => return Err(type_error("write() takes exactly one argument (0 given)")),
    };
    let full = {
        let mut st = p.state.lock();
        if st.file.is_none() {
            return Err(closed_error(p, "write"));
        }
        st.wbuf.extend_from_slice(&data);
        st.wbuf.len() >= BUFFER_SIZE
    };
    if full || p.unbuffered || (p.line_buffering && newline) {
        flush_pipe(vm, p)?;
    }
    Ok(Value::Int(count as i64))
}

fn p_writelines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_open(p, "writelines")?;
    let f = args.pos[0].clone();
    for line in vm.iterate(args.pos.get(1).unwrap_or(&Value::None))? {
        vm.call_method(&f, "write", &[line])?;
    }
    Ok(Value::None)
}

fn p_flush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_open(p, "flush")?;
    flush_pipe(vm, p)?;
    Ok(Value::None)
}

/// Closes the pipe; a writer first sends what it buffered (an error from
/// that is raised, but the pipe is closed all the same).
fn close_pipe(vm: &mut Vm, p: &PipeFile) -> PyResult<()> {
    let flushed = if p.kind == Kind::Writer && !p.is_closed() { flush_pipe(vm, p) } else { Ok(()) };
    p.state.lock().close();
    flushed
}

fn p_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    close_pipe(vm, this(args)?)?;
    Ok(Value::None)
}

// ------------------------------------------------------------ the rest

fn p_fileno(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_open(p, "fileno")?;
    Ok(Value::Int(p.fd as i64))
}

fn p_readable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_open(p, "readable")?;
    Ok(Value::Bool(p.kind == Kind::Reader))
}

fn p_writable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = this(args)?;
    check_open(p, "writable")?;
    Ok(Value::Bool(p.kind == Kind::Writer))
}

fn p_false(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_open(this(args)?, "fileno")?;
    Ok(Value::Bool(false))
}

fn p_enter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_open(this(args)?, "__enter__")?;
    Ok(args.pos[0].clone())
}

fn p_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    close_pipe(vm, this(args)?)?;
    Ok(Value::None)
}

fn p_closed(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(this(args)?.is_closed()))
}

fn p_name(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.fd as i64))
}

fn p_mode(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(if this(args)?.kind == Kind::Reader { "rb" } else { "wb" }))
}

fn p_encoding(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn p_errors(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(this(args)?.errors.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_newlines() {
        assert_eq!(take_text(b"ab\r\ncd", false, None, true), Some((b"ab\n".to_vec(), 4)));
        assert_eq!(take_text(b"ab\r", false, None, true), None);
        assert_eq!(take_text(b"ab\r", true, None, true), Some((b"ab\n".to_vec(), 3)));
        assert_eq!(take_text(b"a\rb\r\nc", true, None, false), Some((b"a\nb\nc".to_vec(), 6)));
        assert_eq!(take_text("h\u{e9}llo".as_bytes(), false, Some(2), false), Some(("h\u{e9}".as_bytes().to_vec(), 3)));
        assert_eq!(take_text(&"h\u{e9}".as_bytes()[..2], false, Some(2), false), None);
        assert_eq!(take_text(b"abc", false, None, true), None);
    }
}
