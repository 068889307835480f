//! `str` and `bytes` objects: immutable, with a cached hash.
//!
//! A `PyStr` is UTF-8 with its length in code points; indexing by code
//! point is O(1) for ASCII text and, for other text, uses a table of char
//! offsets built on first use.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};

/// Marks a hash not computed yet (-1 is never a Python hash).
const NO_HASH: i64 = -1;

pub struct PyStr {
    /// A `String` rather than a `Box<str>`: converting would reallocate
    /// to drop spare capacity, which costs more than the spare bytes.
    s: String,
    chars: usize,
    hash: AtomicI64,
    offsets: OnceLock<Box<[u32]>>,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, chars, hash: AtomicI64::new(NO_HASH), offsets: OnceLock::new() }
    }

    /// `a + b`, counting code points from the parts instead of rescanning
    /// the result.
    pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
        let mut s = String::with_capacity(a.s.len() + b.s.len());
        s.push_str(&a.s);
        s.push_str(&b.s);
        PyStr { s, chars: a.chars + b.chars, hash: AtomicI64::new(NO_HASH), offsets: OnceLock::new() }
    }

    /// Appends `b` in place: only for a string nobody else can see (the
    /// caller holds the one reference), which is what makes `s += t` in a
    /// loop linear. The String grows by doubling, as CPython's resize does.
    pub fn append(&mut self, b: &PyStr) {
        self.s.push_str(&b.s);
        self.chars += b.chars;
        *self.hash.get_mut() = NO_HASH;
        self.offsets.take();
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points (`len(s)`).
    pub fn char_len(&self) -> usize {
        self.chars
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != NO_HASH {
            return h;
        }
        let h = hash_bytes(self.s.as_bytes());
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        if i >= self.chars {
            return self.s.len();
        }
        if self.chars < 32 {
            return self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len());
        }
        let table = self.offsets.get_or_init(|| self.s.char_indices().map(|(b, _)| b as u32).collect());
        table[i] as usize
    }

    /// The code point at index `i` (`0 <= i < char_len`).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            return self.s.as_bytes()[i] as char;
        }
        let b = self.byte_offset(i);
        self.s[b..].chars().next().unwrap_or('\0')
    }

    /// Substring by code point range.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end);
        &self.s[b0..b1]
    }
}

impl std::fmt::Display for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.s)
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.s == other.s
    }
}

/// The hash of str and bytes contents: a word-at-a-time multiplicative hash
/// (CPython randomises string hashes, so no program can depend on them).
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 29;
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

/// An immutable byte string.
pub struct PyBytes {
    pub data: Box<[u8]>,
    hash: AtomicI64,
}

impl PyBytes {
    pub fn new(data: Vec<u8>) -> PyBytes {
        PyBytes { data: data.into_boxed_slice(), hash: AtomicI64::new(NO_HASH) }
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != NO_HASH {
            return h;
        }
        let h = hash_bytes(&self.data);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_point_indexing() {
        let s = PyStr::new("héllo wörld, this is a longer string ✓".into());
        assert_eq!(s.char_len(), 38);
        assert_eq!(s.char_at(1), 'é');
        assert_eq!(s.char_at(37), '✓');
        assert_eq!(s.substring(6, 11), "wörld");
        assert_eq!(PyStr::new("abc".into()).substring(1, 3), "bc");
    }

    #[test]
    fn hashes_are_stable_and_never_minus_one() {
        let a = PyStr::new("key".into());
        let b = PyStr::new("key".into());
        assert_eq!(a.hash(), b.hash());
        assert_ne!(a.hash(), -1);
    }
}
