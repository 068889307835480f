//! `Capture`: an output buffer a host gives the interpreter as its
//! stdout or stderr and reads afterwards.
//!
//! Contract: clones share one buffer; writes from any script thread
//! append to it whole (each flush of the interpreter's stream is one
//! write), so lines of different threads never interleave mid-line.

use std::io::Write;
use std::sync::Arc;

use parking_lot::Mutex;

/// A shared, growable byte buffer that implements [`Write`].
///
/// ```
/// let out = pyl::Capture::new();
/// let interp = pyl::Interpreter::builder().stdout(out.clone()).build();
/// interp.exec("for i in range(3):\n    print(i, end=' ')").unwrap();
/// assert_eq!(out.take(), "0 1 2 ");
/// assert_eq!(out.text(), "");
/// ```
#[derive(Clone, Default)]
pub struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    /// An empty buffer.
    pub fn new() -> Capture {
        Capture::default()
    }

    /// What was written so far, as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock()).into_owned()
    }

    /// What was written so far, emptying the buffer.
    pub fn take(&self) -> String {
        let bytes = std::mem::take(&mut *self.0.lock());
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// The raw bytes written so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.0.lock().clone()
    }
}

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
