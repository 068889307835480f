//! The standard streams as the interpreter writes them: buffered like
//! CPython's (line-buffered on a terminal, block-buffered otherwise),
//! flushed at exit, before reading input and before forking.
//!
//! A front end may set a tap on a stream: while it is set, complete lines
//! go to the tap instead of the file descriptor. The REPL sets one while
//! its prompt waits for input, so that other threads' output is printed
//! above the prompt line instead of through it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

use super::{PyResult, Vm};
use crate::runtime::value::Value;

pub struct StdStream {
    fd: i32,
    /// Where the bytes go: the descriptor, or a host's writer.
    dest: Dest,
    buf: Mutex<Buffers>,
    line_buffered: bool,
    /// `-u` / PYTHONUNBUFFERED: every write goes out at once.
    unbuffered: bool,
    /// Whether `tap` is set: writes check this flag alone, so a stream
    /// without a tap pays no extra lock.
    tapped: AtomicBool,
    tap: Mutex<Option<Tap>>,
    /// Whether the last write did not end with a newline.
    mid_line: AtomicBool,
}

/// Takes whole lines (each ending in a newline) written while it is set.
/// Called with the stream's buffer locked: it must not block or write to
/// the stream.
pub type Tap = Box<dyn Fn(String) + Send + Sync>;

const BLOCK: usize = 8192;

/// A host's replacement for a standard stream (see `embed::Builder`).
pub type Sink = Box<dyn Write + Send>;

/// The descriptor a stream writes to, unless a host gave a writer.
struct Dest {
    fd: i32,
    sink: Option<Mutex<Sink>>,
}

/// CPython's TextIOWrapper pending text and BufferedWriter buffer.
#[derive(Default)]
struct Buffers {
    text: Vec<u8>,
    bytes: Vec<u8>,
}

impl Buffers {
    /// The text layer hands its pending text to the byte layer.
    fn pass_text(&mut self, fd: &Dest) -> std::io::Result<()> {
        let mut chunk = std::mem::take(&mut self.text);
        if self.bytes.len() + chunk.len() <= BLOCK {
            self.bytes.append(&mut chunk);
            return Ok(());
        }
        StdStream::drain(fd, &mut self.bytes)?;
        if chunk.len() > BLOCK {
            return StdStream::drain(fd, &mut chunk);
        }
        self.bytes.append(&mut chunk);
        Ok(())
    }

    fn flush(&mut self, fd: &Dest) -> std::io::Result<()> {
        self.pass_text(fd)?;
        StdStream::drain(fd, &mut self.bytes)
    }
}

impl StdStream {
    pub fn new(fd: i32, unbuffered: bool) -> StdStream {
        let tty = match fd {
            1 => std::io::stdout().is_terminal(),
            _ => true,
        };
        StdStream::build(fd, None, tty, unbuffered)
    }

    /// A stream standing for descriptor `fd` whose bytes go to `sink`:
    /// block-buffered like a pipe (the host flushes after each run).
    pub fn to_sink(fd: i32, sink: Sink) -> StdStream {
        StdStream::build(fd, Some(Mutex::new(sink)), false, false)
    }

    fn build(fd: i32, sink: Option<Mutex<Sink>>, tty: bool, unbuffered: bool) -> StdStream {
        StdStream {
            fd,
            dest: Dest { fd, sink },
            buf: Mutex::new(Buffers::default()),
            line_buffered: tty,
            unbuffered,
            tapped: AtomicBool::new(false),
            tap: Mutex::new(None),
            mid_line: AtomicBool::new(false),
        }
    }

    /// Sets or removes the tap. What was buffered before is written out
    /// first, so it keeps its place before the tapped lines (and a prompt
    /// shown next comes after it); returns whether the program's output
    /// so far ends in the middle of a line (a prompt drawn next would
    /// overwrite it), and forgets that.
    pub fn set_tap(&self, tap: Option<Tap>) -> std::io::Result<bool> {
        let mut buf = self.buf.lock();
        let mid_line = self.mid_line.swap(false, Ordering::Relaxed);
        buf.flush(&self.dest)?;
        self.tapped.store(tap.is_some(), Ordering::SeqCst);
        *self.tap.lock() = tap;
        Ok(mid_line)
    }

    /// Buffers `s` or writes it out. The buffer models CPython's two
    /// layers, because what a failed write leaves behind is visible (the
    /// flush at exit fails again and says so, exit status 120): text
    /// gathers until it exceeds a block and then goes to the byte layer
    /// in one piece, which writes a piece larger than its buffer straight
    /// out and drops it if that fails; an explicit flush moves the text
    /// into the byte layer, which keeps what it could not write.
    pub fn write(&self, s: &str) -> std::io::Result<()> {
        let mut buf = self.buf.lock();
        if let Some(&last) = s.as_bytes().last() {
            self.mid_line.store(last != b'\n', Ordering::Relaxed);
        }
        buf.text.extend_from_slice(s.as_bytes());
        if self.tapped.load(Ordering::Relaxed) && self.pass_to_tap(&mut buf.text) {
            return Ok(());
        }
        if self.unbuffered {
            // `-u`: nothing is kept, a failed write is lost.
            let mut text = std::mem::take(&mut buf.text);
            return Self::drain(&self.dest, &mut text);
        }
        if buf.text.len() > BLOCK {
            buf.pass_text(&self.dest)?;
        }
        if self.line_buffered && s.contains('\n') {
            return buf.flush(&self.dest);
        }
        Ok(())
    }

    pub fn flush(&self) -> std::io::Result<()> {
        let mut buf = self.buf.lock();
        if self.tapped.load(Ordering::Relaxed) && !buf.text.is_empty() {
            // An explicit flush of a partial line: the tap shows it as a
            // line of its own rather than let it land inside the prompt.
            if let Some(tap) = self.tap.lock().as_ref() {
                tap(String::from_utf8_lossy(&std::mem::take(&mut buf.text)).into_owned());
                return Ok(());
            }
        }
        buf.flush(&self.dest)
    }

    /// Hands the complete lines in `buf` to the tap; false if the tap
    /// was removed meanwhile.
    fn pass_to_tap(&self, buf: &mut Vec<u8>) -> bool {
        let tap = self.tap.lock();
        let Some(tap) = tap.as_ref() else { return false };
        if let Some(end) = buf.iter().rposition(|&b| b == b'\n') {
            let lines: Vec<u8> = buf.drain(..=end).collect();
            tap(String::from_utf8_lossy(&lines).into_owned());
        }
        true
    }

    /// Flushes unless another thread has held the buffer for a while (a
    /// thread stuck, or this one having panicked while writing): for the
    /// last words of a process that is going down.
    pub fn flush_if_free(&self) {
        if let Some(mut buf) = self.buf.try_lock_for(std::time::Duration::from_millis(100)) {
            let _ = buf.flush(&self.dest);
        }
    }

    /// Writes `buf` to the descriptor; on failure what was not written
    /// stays in `buf` (CPython keeps it too). Straight to the descriptor:
    /// a buffer of Rust's in between would keep a failed write's bytes
    /// out of sight and send them again.
    fn drain(dest: &Dest, buf: &mut Vec<u8>) -> std::io::Result<()> {
        if let Some(sink) = &dest.sink {
            let mut sink = sink.lock();
            let r = sink.write_all(buf).and_then(|()| sink.flush());
            buf.clear();
            return r;
        }
        let fd = dest.fd;
        // Whatever Rust's own handles hold goes first, to keep the order.
        let _ = if fd == 1 { std::io::stdout().flush() } else { std::io::stderr().flush() };
        let (done, r) = write_fd(fd, buf);
        buf.drain(..done);
        r
    }

    pub fn fd(&self) -> i32 {
        self.fd
    }
}

/// Writes `data` to `fd` with write(2), retrying when interrupted.
/// Returns how many bytes went out, and the error that stopped it if any
/// (so a caller can keep the rest).
pub(crate) fn write_fd(fd: i32, data: &[u8]) -> (usize, std::io::Result<()>) {
    let mut done = 0;
    while done < data.len() {
        let rest = &data[done..];
        // SAFETY: `rest` is a live, initialised slice of `rest.len()`
        // bytes; write(2) only reads it.
        let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return (done, Err(e));
        }
        done += n as usize;
    }
    (done, Ok(()))
}

impl Vm {
    /// Writes to `sys.stdout` (the real stream unless a program replaced it).
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        self.write_stream("stdout", s)
    }

    pub fn write_stderr(&mut self, s: &str) -> PyResult<()> {
        self.write_stream("stderr", s)
    }

    fn write_stream(&mut self, name: &str, s: &str) -> PyResult<()> {
        let target = self.shared.sys.get(name).unwrap_or(Value::None);
        if let Some(stream) = target.as_native::<crate::modules::sys::StdStreamObject>() {
            let which = if stream.fd == 1 { &self.shared.stdout } else { &self.shared.stderr };
            return which.write(s).map_err(|e| super::error::os_error_from_io(&e, None));
        }
        if target.is_none() {
            return Ok(());
        }
        self.call_method(&target, "write", &[Value::str(s)])?;
        Ok(())
    }

    /// Flushes both standard streams (at exit, before input and fork).
    pub fn flush_std(&self) {
        let _ = self.shared.stdout.flush();
        let _ = self.shared.stderr.flush();
    }

    /// The flush at the end of a run: CPython reports a stdout it cannot
    /// write to as an ignored exception and exits 120. Returns whether
    /// the flush failed.
    pub fn flush_std_at_exit(&self) -> bool {
        let failed = match self.shared.stdout.flush() {
            Ok(()) => false,
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(0);
                let msg = super::error::strerror(errno).unwrap_or_else(|| e.to_string());
                let _ = self.shared.stderr.write(&format!(
                    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
                     OSError: [Errno {errno}] {msg}\n"
                ));
                true
            }
        };
        let _ = self.shared.stderr.flush();
        failed
    }
}
