//! `range` and `slice` objects.

use super::value::Value;

/// `range(start, stop, step)` over machine integers.
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl PyRange {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }

    pub fn contains(&self, v: i64) -> bool {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let v = v as i128;
        let inside = if step > 0 { start <= v && v < stop } else { stop < v && v <= start };
        inside && (v - start) % step == 0
    }
}

/// `slice(start, stop, step)`; each part may be any value (usually ints or None).
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
