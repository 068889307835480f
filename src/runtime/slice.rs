//! Index arithmetic for sequences: negative indices and slice clamping,
//! as CPython's `PySlice_AdjustIndices`.

use super::str::PyStr;
use super::value::Value;

/// A possibly negative index into a sequence of `len` items.
pub fn index_of(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 && (i as usize) < len { Some(i as usize) } else { None }
}

/// A slice resolved against a length: `len` positions from `start` by `step`.
#[derive(Debug, Clone, Copy)]
pub struct SliceIndices {
    pub start: usize,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn new(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> SliceIndices {
        let n = len as i64;
        let adjust = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut v) => {
                    if v < 0 {
                        v += n;
                        if v < 0 {
                            v = if step < 0 { -1 } else { 0 };
                        }
                    } else if v >= n {
                        v = if step < 0 { n - 1 } else { n };
                    }
                    v
                }
            }
        };
        let start = adjust(start, if step < 0 { n - 1 } else { 0 });
        let stop = adjust(stop, if step < 0 { -1 } else { n });
        let count = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        SliceIndices { start: start.max(0) as usize, step, len: count as usize }
    }

    /// The positions the slice selects, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start as i64 + k as i64 * self.step) as usize)
    }

    pub fn collect(&self, items: &[Value]) -> Vec<Value> {
        if self.step == 1 {
            let end = (self.start + self.len).min(items.len());
            return items[self.start.min(end)..end].to_vec();
        }
        let mut out = Vec::with_capacity(self.len);
        out.extend(self.positions().filter_map(|p| items.get(p).cloned()));
        out
    }

    pub fn collect_str(&self, s: &PyStr) -> String {
        if self.step == 1 {
            return s.substring(self.start, self.start + self.len).to_string();
        }
        if s.is_ascii() {
            let b = s.as_str().as_bytes();
            return self.positions().map(|p| b[p] as char).collect();
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        self.positions().map(|p| chars[p]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamping_like_cpython() {
        let s = SliceIndices::new(None, None, -1, 5);
        assert_eq!(s.positions().collect::<Vec<_>>(), vec![4, 3, 2, 1, 0]);
        let s = SliceIndices::new(Some(-100), Some(100), 2, 5);
        assert_eq!(s.positions().collect::<Vec<_>>(), vec![0, 2, 4]);
        let s = SliceIndices::new(Some(3), Some(1), 1, 5);
        assert_eq!(s.len, 0);
        assert_eq!(index_of(-1, 3), Some(2));
        assert_eq!(index_of(3, 3), None);
    }
}
