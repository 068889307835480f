//! The instruments' clock: nanoseconds since the interpreter started.
//!
//! One origin for every thread, and for forked children too (the
//! monotonic clock is system-wide), so spans of several processes line up
//! on one time axis.

use std::time::Instant;

#[derive(Clone, Copy)]
pub struct Clock {
    origin: Instant,
}

impl Clock {
    pub fn new() -> Clock {
        Clock { origin: Instant::now() }
    }

    /// Nanoseconds since the origin.
    #[inline]
    pub fn now(&self) -> u64 {
        self.origin.elapsed().as_nanos() as u64
    }

    pub fn origin(&self) -> Instant {
        self.origin
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::new()
    }
}
