//! Standard input as the interpreter reads it (`input()`, `sys.stdin`):
//! every wait for input can be interrupted by a signal.
//!
//! A blocking `read` on descriptor 0 would not return when Ctrl-C arrives
//! (the signal goes to whichever thread the kernel picks, and the handler
//! is installed with SA_RESTART), so the program would hang in `input()`.
//! Instead the wait is a `poll` inside `wait_released`, which looks at the
//! pending signals as `sleep` and `join` do: a Ctrl-C raises
//! KeyboardInterrupt in the main thread, a Python handler runs and the
//! read goes on. Bytes are read only once poll says they are there, into
//! a buffer of the interpreter's own (never std's, whose buffered bytes a
//! poll cannot see).

use std::time::Instant;

use parking_lot::Mutex;

use super::error::os_error_from_io;
use super::{PyResult, Vm};

/// Bytes read from descriptor 0 and not yet handed out.
#[derive(Default)]
pub struct StdIn {
    buf: Mutex<Vec<u8>>,
    /// A host's reader standing for descriptor 0 (see `embed::Builder`):
    /// read with the lock released, without the poll (no signal can be
    /// waiting for an embedded interpreter's reader to return).
    reader: Option<Mutex<Box<dyn std::io::Read + Send>>>,
}

impl StdIn {
    /// Standard input read from `reader` instead of descriptor 0.
    pub fn from_reader(reader: Box<dyn std::io::Read + Send>) -> StdIn {
        StdIn { buf: Mutex::default(), reader: Some(Mutex::new(reader)) }
    }
}

/// How much to read at a time.
const CHUNK: usize = 64 * 1024;

impl Vm {
    /// The next line of standard input, with its newline (without one at
    /// the end of the input; empty at its end).
    pub fn read_stdin_line(&mut self) -> PyResult<Vec<u8>> {
        self.read_stdin(true)
    }

    /// All the rest of standard input.
    pub fn read_stdin_all(&mut self) -> PyResult<Vec<u8>> {
        self.read_stdin(false)
    }

    fn read_stdin(&mut self, line: bool) -> PyResult<Vec<u8>> {
        let shared = self.shared.clone();
        let stdin = &shared.stdin;
        let mut scanned = 0;
        loop {
            {
                let mut buf = stdin.buf.lock();
                if line && let Some(i) = buf[scanned.min(buf.len())..].iter().position(|&b| b == b'\n') {
                    let end = scanned.min(buf.len()) + i + 1;
                    return Ok(buf.drain(..end).collect());
                }
                scanned = buf.len();
            }
            let chunk = match &stdin.reader {
                Some(reader) => Some(self.allow_threads(|| read_from(&mut **reader.lock()))),
                None => self.wait_released(None, |until| readable(until).then(read_chunk))?,
            };
            match chunk {
                Some(Ok(bytes)) if bytes.is_empty() => return Ok(std::mem::take(&mut *stdin.buf.lock())),
                Some(Ok(bytes)) => stdin.buf.lock().extend_from_slice(&bytes),
                Some(Err(e)) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Some(Err(e)) => return Err(os_error_from_io(&e, None)),
                None => {}
            }
        }
    }
}

/// Waits until descriptor 0 is readable (or at its end, or in error) or
/// `until` passes.
fn readable(until: Option<Instant>) -> bool {
    let ms = match until {
        None => -1,
        Some(u) => u.saturating_duration_since(Instant::now()).as_millis().min(i32::MAX as u128) as i32,
    };
    let mut p = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd.
    unsafe { libc::poll(&mut p, 1, ms) > 0 }
}

/// One `read` from a host's reader (an empty vector: end of input).
fn read_from(reader: &mut dyn std::io::Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = vec![0u8; CHUNK];
    let n = reader.read(&mut bytes)?;
    bytes.truncate(n);
    Ok(bytes)
}

/// One `read` of what poll found (an empty vector: end of input).
fn read_chunk() -> std::io::Result<Vec<u8>> {
    let mut bytes = vec![0u8; CHUNK];
    // SAFETY: reading into a buffer of CHUNK bytes we own.
    let n = unsafe { libc::read(0, bytes.as_mut_ptr().cast(), CHUNK) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    bytes.truncate(n as usize);
    Ok(bytes)
}
