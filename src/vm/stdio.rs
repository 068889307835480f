//! The standard streams as the interpreter writes them: buffered like
//! CPython's (line-buffered on a terminal, block-buffered otherwise),
//! flushed at exit, before reading input and before forking.

use std::io::{IsTerminal, Write};

use parking_lot::Mutex;

use super::{PyResult, Vm};
use crate::runtime::value::Value;

pub struct StdStream {
    fd: i32,
    buf: Mutex<Vec<u8>>,
    line_buffered: bool,
    /// `-u` / PYTHONUNBUFFERED: every write goes out at once.
    unbuffered: bool,
}

const BLOCK: usize = 8192;

impl StdStream {
    pub fn new(fd: i32, unbuffered: bool) -> StdStream {
        let tty = match fd {
            1 => std::io::stdout().is_terminal(),
            _ => true,
        };
        StdStream { fd, buf: Mutex::new(Vec::with_capacity(BLOCK)), line_buffered: tty, unbuffered }
    }

    pub fn write(&self, s: &str) -> std::io::Result<()> {
        let mut buf = self.buf.lock();
        buf.extend_from_slice(s.as_bytes());
        let flush = self.unbuffered || buf.len() >= BLOCK || (self.line_buffered && s.contains('\n'));
        if flush {
            Self::drain(self.fd, &mut buf)?;
        }
        Ok(())
    }

    pub fn flush(&self) -> std::io::Result<()> {
        let mut buf = self.buf.lock();
        Self::drain(self.fd, &mut buf)
    }

    /// Flushes unless another thread has held the buffer for a while (a
    /// thread stuck, or this one having panicked while writing): for the
    /// last words of a process that is going down.
    pub fn flush_if_free(&self) {
        if let Some(mut buf) = self.buf.try_lock_for(std::time::Duration::from_millis(100)) {
            let _ = Self::drain(self.fd, &mut buf);
        }
    }

    fn drain(fd: i32, buf: &mut Vec<u8>) -> std::io::Result<()> {
        if buf.is_empty() {
            return Ok(());
        }
        let r = if fd == 1 { std::io::stdout().lock().write_all(buf) } else { std::io::stderr().lock().write_all(buf) };
        buf.clear();
        r?;
        if fd == 1 { std::io::stdout().flush() } else { std::io::stderr().flush() }
    }

    pub fn fd(&self) -> i32 {
        self.fd
    }
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
}
