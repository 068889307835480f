//! A `Value` moved as two machine words, for the evaluation loop's hottest
//! instructions.
//!
//! Why: Rust moves a 16-byte `Value` with one 16-byte vector load and
//! store, but builds a fresh one (an int result, a clone of an immediate)
//! with two 8-byte stores, the tag and the payload. A 16-byte load of
//! bytes that two smaller stores still in flight wrote cannot be forwarded
//! from the store buffer: the load waits until both stores reach the cache,
//! a dozen cycles or more. The value stack does exactly this on every
//! `x = y + 1`: perf put a third of fannkuch's eval-loop samples on the
//! vector copies in `LoadFast` and `StoreFast`. Two 8-byte loads always
//! forward, from one 16-byte store or from two 8-byte ones; the copies
//! here are volatile so that LLVM does not merge them back into a vector
//! move.
//!
//! Layout: `Value` is `#[repr(u64)]`, so the tag is the first word and
//! every payload starts at offset 8; the variants from `BigInt` on (tag
//! [`FIRST_ARC`] and up) hold a `PyArc` (a pointer to its count) and
//! nothing else. The tests below pin the immediates' tags and the first
//! arc's; the order itself is stated beside `Value`.

use std::mem::MaybeUninit;
use std::ptr::{read_volatile, write_volatile};

use super::pyarc;
use super::value::Value;

/// A value's two words. The payload word may be partly uninitialised (a
/// bool's) or wholly (None's), hence `MaybeUninit`.
#[derive(Clone, Copy)]
pub struct Words([MaybeUninit<u64>; 2]);

/// `Value::Undef`'s tag: an unbound local slot.
pub const UNDEF: u64 = 0;
/// `Value::Int`'s and `Value::Float`'s tags.
pub const INT: u64 = 5;
pub const FLOAT: u64 = 6;
/// The first tag whose payload is a `PyArc` (`Value::BigInt`).
pub const FIRST_ARC: u64 = 7;

impl Words {
    /// Reads the value at `p` without taking ownership (a bitwise copy).
    ///
    /// # Safety
    /// `p` points at a live `Value`.
    #[inline(always)]
    pub unsafe fn read(p: *const Value) -> Words {
        let w = p as *const MaybeUninit<u64>;
        // SAFETY: a `Value` is two aligned words (see the module docs).
        unsafe { Words([read_volatile(w), read_volatile(w.add(1))]) }
    }

    /// Writes these words at `p`, overwriting without dropping.
    ///
    /// # Safety
    /// `p` is valid for writing a `Value`; what it held is dropped by the
    /// caller or owns nothing.
    #[inline(always)]
    pub unsafe fn write(self, p: *mut Value) {
        let w = p as *mut MaybeUninit<u64>;
        // SAFETY: as for `read`.
        unsafe {
            write_volatile(w, self.0[0]);
            write_volatile(w.add(1), self.0[1]);
        }
    }

    #[inline(always)]
    pub fn tag(self) -> u64 {
        // SAFETY: every variant writes its tag.
        unsafe { self.0[0].assume_init() }
    }

    /// Whether the value holds a reference to a heap object.
    #[inline(always)]
    pub fn is_arc(self) -> bool {
        self.tag() >= FIRST_ARC
    }

    /// The `PyArc`'s pointer of a heap value (`is_arc`).
    #[inline(always)]
    pub fn payload_ptr(self) -> *const u8 {
        debug_assert!(self.is_arc());
        // SAFETY: from `FIRST_ARC` on the second word is a pointer.
        unsafe { self.0[1].assume_init() as *const u8 }
    }

    /// Adds the reference a bitwise copy of these words needs to be a
    /// clone: nothing for an immediate, the object's count for the rest.
    ///
    /// # Safety
    /// The words are those of a live `Value`.
    #[inline(always)]
    pub unsafe fn add_ref(self) {
        if self.is_arc() {
            // SAFETY: from `FIRST_ARC` on, the payload is a `PyArc`'s
            // pointer to its (live) allocation.
            unsafe { pyarc::add_strong_raw(self.payload_ptr()) }
        }
    }

    /// Adds the reference a bitwise copy of `*v` needs to be a clone,
    /// reading only what it needs (the tag, then the pointer).
    ///
    /// # Safety
    /// `v` points at a live `Value`.
    #[inline(always)]
    pub unsafe fn add_ref_at(v: *const Value) {
        let w = v as *const u64;
        // SAFETY: the tag is always written; from `FIRST_ARC` on the second
        // word is a `PyArc`'s pointer.
        unsafe {
            if *w >= FIRST_ARC {
                pyarc::add_strong_raw(*w.add(1) as *const u8);
            }
        }
    }

    /// The words as plain integers, for publishing in a lock-free
    /// snapshot (`bytecode/snapshot.rs`): only for values a reader can
    /// copy without a reference of its own that stay valid however long
    /// the snapshot does: `Undef`, ints, floats and immortal objects.
    pub fn shareable(self) -> Option<[u64; 2]> {
        match self.tag() {
            UNDEF => Some([UNDEF, 0]),
            // SAFETY: an int's and a float's payload is a whole word.
            INT | FLOAT => Some([self.tag(), unsafe { self.0[1].assume_init() }]),
            // SAFETY: the payload of an arc is its pointer, to a live object.
            _ if self.is_arc() && unsafe { pyarc::is_immortal_raw(self.payload_ptr()) } => {
                Some([self.tag(), self.payload_ptr() as u64])
            }
            _ => None,
        }
    }

    /// Words published by `shareable`.
    pub fn from_shared(raw: [u64; 2]) -> Words {
        Words([MaybeUninit::new(raw[0]), MaybeUninit::new(raw[1])])
    }

    /// Takes the words back as an owned `Value`.
    ///
    /// # Safety
    /// The words own the reference they hold (it is not owned elsewhere).
    #[inline(always)]
    pub unsafe fn into_value(self) -> Value {
        // SAFETY: the words are a `Value`'s bits.
        unsafe { std::mem::transmute::<Words, Value>(self) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::pyarc::PyArc;

    fn tag_of(v: &Value) -> u64 {
        // SAFETY: `v` is live.
        unsafe { Words::read(v) }.tag()
    }

    #[test]
    fn tags_below_first_arc_own_nothing_and_the_rest_are_arcs() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        let immediates = [
            Value::Undef,
            Value::None,
            Value::NotImplemented,
            Value::Ellipsis,
            Value::Bool(true),
            Value::Int(3),
            Value::Float(1.5),
        ];
        for (tag, v) in immediates.iter().enumerate() {
            assert_eq!(tag_of(v), tag as u64);
        }
        assert_eq!(tag_of(&Value::Undef), UNDEF);
        assert_eq!((tag_of(&Value::Int(1)), tag_of(&Value::Float(1.0))), (INT, FLOAT));
        let big = Value::BigInt(PyArc::new(num_bigint::BigInt::from(1) << 80));
        assert_eq!(tag_of(&big), FIRST_ARC);
        let s = Value::str("x");
        assert!(tag_of(&s) > FIRST_ARC && tag_of(&Value::list(vec![])) > FIRST_ARC);
    }

    #[test]
    fn add_ref_then_copy_is_a_clone() {
        let s = Value::str("shared");
        let Value::Str(arc) = &s else { unreachable!() };
        let before = PyArc::strong_count(arc);
        // SAFETY: `s` is live; the copy takes the reference just added.
        let copy = unsafe {
            let w = Words::read(&s);
            w.add_ref();
            w.into_value()
        };
        assert_eq!(PyArc::strong_count(arc), before + 1);
        drop(copy);
        assert_eq!(PyArc::strong_count(arc), before);
    }
}
