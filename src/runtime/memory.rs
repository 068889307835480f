//! Script-sized allocation. A buffer whose size a script chooses (a
//! repetition `s * n`, `bytes(n)`, a padding width, a `join`, a shift
//! `1 << n`, a list that keeps growing) is reserved fallibly here, so that
//! running out of memory — or asking for more than the address space holds
//! — is a Python `MemoryError` the script can catch, as in CPython, and
//! never Rust's "memory allocation of N bytes failed" abort.
//!
//! The contract: every function either returns storage of the requested
//! size or `MemoryError` (no message, as CPython's `PyErr_NoMemory`), and
//! computes sizes with checked arithmetic, so an overflowing size is also
//! a `MemoryError` rather than a wrap-around. Callers that must match
//! CPython's size checks made *before* allocating (`OverflowError:
//! repeated string is too long`) make them themselves, then come here.
//!
//! Big-int results are computed by `num-bigint`, whose own allocations
//! cannot be made fallible; [`reserve_int_bits`] probes for the result's
//! storage first, which is enough for the operations whose result size a
//! script can make huge with one small operand (shifts, powers).

use crate::runtime::types::types;
use crate::vm::PyResult;
use crate::vm::error::{PyErr, overflow_error};

/// CPython's `MemoryError` with no arguments.
pub fn memory_error() -> PyErr {
    PyErr::with_args(&types().exc.memory_error, Vec::new())
}

/// Requests below this many bytes are never checked against the
/// machine's memory: no machine running pyl is that small, and the check
/// costs a system call.
const CHECK_FROM: usize = 1 << 30;

/// Refuses a request for `bytes` more than the machine's RAM and swap
/// together, as Linux's default (heuristic) overcommit refuses it to
/// CPython's `malloc`. The allocator pyl's binary uses (mimalloc) maps
/// large blocks with `MAP_NORESERVE`, which that heuristic lets through:
/// without this check `'x' * 10**12` would be granted address space and
/// then killed by the OOM killer while the copies are written, instead of
/// raising `MemoryError`. Under an address-space limit (`ulimit -v`) the
/// allocation itself fails, which `try_reserve` already reports.
fn check_machine(bytes: usize) -> PyResult<()> {
    crate::embed::memory::request(bytes)?;
    if bytes < CHECK_FROM {
        return Ok(());
    }
    // SAFETY: sysinfo only writes the struct it is given.
    let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a sysinfo struct.
    if unsafe { libc::sysinfo(&mut info) } != 0 {
        return Ok(());
    }
    let unit = u128::from(info.mem_unit.max(1));
    let total = (u128::from(info.totalram) + u128::from(info.totalswap)) * unit;
    if bytes as u128 > total {
        return Err(memory_error());
    }
    Ok(())
}

/// Checks a request for `additional` more items of `T` beyond `len`.
#[inline]
fn check_request<T>(len: usize, additional: usize) -> PyResult<()> {
    let bytes =
        len.checked_add(additional).and_then(|n| n.checked_mul(std::mem::size_of::<T>())).ok_or_else(memory_error)?;
    check_machine(bytes)
}

/// `v.reserve_exact(additional)`, or `MemoryError`.
pub fn reserve<T>(v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    check_request::<T>(v.len(), additional)?;
    v.try_reserve_exact(additional).map_err(|_| memory_error())
}

/// `v.reserve(additional)` (amortised growth, for appends), or `MemoryError`.
#[inline]
pub fn reserve_growth<T>(v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    if v.capacity() - v.len() >= additional {
        return Ok(());
    }
    // Amortised growth may double the capacity.
    check_request::<T>(v.capacity(), v.len().max(additional))?;
    v.try_reserve(additional).map_err(|_| memory_error())
}

/// An empty vector with room for `n` items, or `MemoryError`.
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    reserve(&mut v, n)?;
    Ok(v)
}

/// An empty string with room for `n` bytes, or `MemoryError`.
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    check_machine(n)?;
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(s)
}

/// `items` repeated `n` times (`[x] * n`, `(x,) * n`, `b'x' * n`).
pub fn repeat_slice<T: Clone>(items: &[T], n: usize) -> PyResult<Vec<T>> {
    let total = items.len().checked_mul(n).ok_or_else(memory_error)?;
    let mut v = vec_with_capacity(total)?;
    if items.len() == 1 {
        v.resize(total, items[0].clone());
    } else {
        for _ in 0..n {
            v.extend_from_slice(items);
        }
    }
    Ok(v)
}

/// `s` repeated `n` times.
pub fn repeat_str(s: &str, n: usize) -> PyResult<String> {
    let bytes = repeat_slice(s.as_bytes(), n)?;
    // SAFETY: copies of a whole valid UTF-8 string, end to end, are valid
    // UTF-8 (each copy starts and ends on a character boundary).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// `n` copies of `value` (`bytes(n)`, padding of bytes).
pub fn filled<T: Clone>(value: T, n: usize) -> PyResult<Vec<T>> {
    let mut v = vec_with_capacity(n)?;
    v.resize(n, value);
    Ok(v)
}

/// Below this many bytes a big-int result is not probed: the probe would
/// cost more than it could save.
const PROBE_FROM: u64 = 1 << 20;

/// Makes sure a big int of `bits` bits can be stored before `num-bigint`
/// computes it (its own allocation failure would abort): reserves and
/// frees room for twice the result, as the computation needs scratch
/// space of about the result's size.
pub fn reserve_int_bits(bits: u64) -> PyResult<()> {
    let bytes = bits / 8 + 8;
    if bytes < PROBE_FROM {
        return Ok(());
    }
    let probe = bytes.checked_mul(2).and_then(|b| usize::try_from(b).ok()).ok_or_else(memory_error)?;
    vec_with_capacity::<u8>(probe).map(drop)
}

/// The size of CPython's bytes header, which counts against `sys.maxsize`.
const BYTES_HEADER: usize = 33;

/// CPython's check on the length of a new bytes object (not bytearray):
/// beyond `sys.maxsize` less the header it is an `OverflowError`, checked
/// before anything is allocated.
pub fn check_bytes_len(n: usize) -> PyResult<()> {
    if n > isize::MAX as usize - BYTES_HEADER {
        return Err(overflow_error("byte string is too large"));
    }
    Ok(())
}

/// `text` with `left` and `right` copies of `fill` around it (justifying,
/// zero-filling, format widths).
pub fn padded(text: &str, fill: char, left: usize, right: usize) -> PyResult<String> {
    let fill_len = fill.len_utf8();
    let total = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill_len))
        .and_then(|n| n.checked_add(text.len()))
        .ok_or_else(memory_error)?;
    let mut out = string_with_capacity(total)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// The bytes version of [`padded`].
pub fn padded_bytes(data: &[u8], fill: u8, left: usize, right: usize) -> PyResult<Vec<u8>> {
    let total = left.checked_add(right).and_then(|n| n.checked_add(data.len())).ok_or_else(memory_error)?;
    let mut out = vec_with_capacity(total)?;
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(total, fill);
    Ok(out)
}

/// Appends `n` copies of `c` to `out`, or `MemoryError`.
pub fn push_repeated(out: &mut String, c: char, n: usize) -> PyResult<()> {
    let bytes = n.checked_mul(c.len_utf8()).ok_or_else(memory_error)?;
    check_machine(out.len().saturating_add(bytes))?;
    out.try_reserve(bytes).map_err(|_| memory_error())?;
    out.extend(std::iter::repeat_n(c, n));
    Ok(())
}
