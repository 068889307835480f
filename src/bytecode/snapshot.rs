//! A call site cache's answer, published for lock-free reading by every
//! thread when the program runs without the GIL.
//!
//! Why: the `LoadGlobal`/`LoadAttr`/`StoreAttr` caches of a code object are
//! shared by every thread running that code, behind a lock each. Without
//! the GIL that lock is a real mutex, and two threads running the same loop
//! took the same cache locks millions of times a second: the lock's cache
//! line moved between the cores on every access, and a loop calling a
//! global function and setting an attribute ran slower in two threads
//! than in one. A reader here only loads: a sequence number, the words,
//! the sequence number again (a seqlock); the writer (who holds the
//! site's lock) makes the number odd while it writes.
//!
//! What is published must stay valid without a reference of its own: an
//! immediate, or an immortal object (`vm/immortal.rs`), whose count the
//! reader's clone only reads. The words are the site's own (which class,
//! which version of the globals) and the value's two words.

use std::sync::atomic::{AtomicU64, Ordering, fence};

/// `N` words behind a sequence number.
pub struct Snapshot<const N: usize> {
    /// Even: the words are consistent; odd: a write is under way. 0: never
    /// published.
    seq: AtomicU64,
    words: [AtomicU64; N],
}

impl<const N: usize> Default for Snapshot<N> {
    fn default() -> Self {
        Snapshot { seq: AtomicU64::new(0), words: std::array::from_fn(|_| AtomicU64::new(0)) }
    }
}

impl<const N: usize> Snapshot<N> {
    /// The words last published, if any and not being rewritten.
    #[inline(always)]
    pub fn read(&self) -> Option<[u64; N]> {
        let before = self.seq.load(Ordering::Acquire);
        if before == 0 || before & 1 != 0 {
            return None;
        }
        let words = std::array::from_fn(|i| self.words[i].load(Ordering::Relaxed));
        // The words' loads complete before the second look at the number:
        // if a writer started meanwhile, the number differs.
        fence(Ordering::Acquire);
        (self.seq.load(Ordering::Relaxed) == before).then_some(words)
    }

    /// Publishes `words`. Callers are serialised (they hold the lock of
    /// the site this snapshot belongs to).
    pub fn publish(&self, words: [u64; N]) {
        let writing = self.seq.load(Ordering::Relaxed) + 1;
        self.seq.store(writing, Ordering::Relaxed);
        // The odd number is visible before any of the new words.
        fence(Ordering::Release);
        for (slot, w) in self.words.iter().zip(words) {
            slot.store(w, Ordering::Relaxed);
        }
        self.seq.store(writing + 1, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_was_published_last() {
        let s = Snapshot::<3>::default();
        assert_eq!(s.read(), None);
        s.publish([1, 2, 3]);
        assert_eq!(s.read(), Some([1, 2, 3]));
        s.publish([4, 5, 6]);
        assert_eq!(s.read(), Some([4, 5, 6]));
    }

    #[test]
    fn a_reader_never_sees_a_torn_write() {
        let s = std::sync::Arc::new(Snapshot::<2>::default());
        let writer = {
            let s = s.clone();
            std::thread::spawn(move || {
                for i in 1..200_000u64 {
                    s.publish([i, i * 2]);
                }
            })
        };
        for _ in 0..200_000 {
            if let Some([a, b]) = s.read() {
                assert_eq!(b, a * 2);
            }
        }
        writer.join().unwrap();
    }
}
