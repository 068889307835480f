//! `_multiprocessing.SharedArray`: numbers in memory shared with forked
//! children, behind `multiprocessing.Value` and `multiprocessing.Array`.
//! Elements are C numbers chosen by an `array`/ctypes type code; stores
//! wrap around as C does. Each element is read and written whole; a
//! read-modify-write (`v.value += 1`) is not atomic — that is what
//! `get_lock()` is for.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::runtime::args::{to_f64, to_index};
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{index_error, type_error};
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy)]
enum Kind {
    Signed(usize),
    Unsigned(usize),
    Float,
    Double,
}

fn kind_of(code: &str) -> Option<Kind> {
    Some(match code {
        "b" => Kind::Signed(1),
        "B" => Kind::Unsigned(1),
        "h" => Kind::Signed(2),
        "H" => Kind::Unsigned(2),
        "i" => Kind::Signed(4),
        "I" => Kind::Unsigned(4),
        "l" | "q" => Kind::Signed(8),
        "L" | "Q" => Kind::Unsigned(8),
        "f" => Kind::Float,
        "d" => Kind::Double,
        _ => return None,
    })
}

impl Kind {
    fn size(self) -> usize {
        match self {
            Kind::Signed(n) | Kind::Unsigned(n) => n,
            Kind::Float => 4,
            Kind::Double => 8,
        }
    }
}

pub struct SharedArray {
    ptr: *mut u8,
    len: usize,
    kind: Kind,
}

// SAFETY: the mapping is plain memory; every access is a whole-element
// volatile read or write, so a race can lose an update but never makes a
// value that the element type cannot hold.
unsafe impl Send for SharedArray {}
// SAFETY: as above.
unsafe impl Sync for SharedArray {}

impl Drop for SharedArray {
    fn drop(&mut self) {
        // SAFETY: unmapping this process's view of the block mapped in `new`.
        unsafe { libc::munmap(self.ptr.cast(), self.bytes()) };
    }
}

impl NativeObject for SharedArray {
    fn class(&self) -> PyArc<Class> {
        shared_array_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn shared_array_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> =
                vec![("__getitem__", arr_getitem), ("__setitem__", arr_setitem), ("__len__", arr_len)];
            let cls = make("SharedArray", &types().object_type, Some(arr_new), &methods);
            *cls.module.lock() = Value::str("_multiprocessing");
            cls
        })
        .clone()
}

impl SharedArray {
    fn bytes(&self) -> usize {
        (self.len * self.kind.size()).max(1)
    }

    fn get(&self, i: usize) -> Value {
        let size = self.kind.size();
        let mut raw = [0u8; 8];
        for (j, b) in raw.iter_mut().take(size).enumerate() {
            // SAFETY: `i < len`, so the element's bytes lie in the mapping.
            *b = unsafe { std::ptr::read_volatile(self.ptr.add(i * size + j)) };
        }
        match self.kind {
            Kind::Signed(n) => {
                let shift = 64 - 8 * n as u32;
                Value::Int(((u64::from_le_bytes(raw) << shift) as i64) >> shift)
            }
            Kind::Unsigned(_) => {
                let v = u64::from_le_bytes(raw);
                if v > i64::MAX as u64 { Value::from_bigint(v.into()) } else { Value::Int(v as i64) }
            }
            Kind::Float => Value::Float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
            Kind::Double => Value::Float(f64::from_le_bytes(raw)),
        }
    }

    fn set(&self, vm: &mut Vm, i: usize, v: &Value) -> PyResult<()> {
        let raw: [u8; 8] = match self.kind {
            Kind::Signed(_) | Kind::Unsigned(_) => {
                let n: num_bigint::BigInt = match v {
                    Value::BigInt(b) => (**b).clone(),
                    other => to_index(vm, other)?.into(),
                };
                // C stores wrap around: keep the low 64 bits.
                let (_, digits) = n.to_u64_digits();
                let low = digits.first().copied().unwrap_or(0);
                let low = if n.sign() == num_bigint::Sign::Minus { low.wrapping_neg() } else { low };
                low.to_le_bytes()
            }
            Kind::Float => {
                let mut b = [0u8; 8];
                b[..4].copy_from_slice(&(to_f64(vm, v)? as f32).to_le_bytes());
                b
            }
            Kind::Double => to_f64(vm, v)?.to_le_bytes(),
        };
        let size = self.kind.size();
        for (j, b) in raw.iter().take(size).enumerate() {
            // SAFETY: `i < len`, so the element's bytes lie in the mapping.
            unsafe { std::ptr::write_volatile(self.ptr.add(i * size + j), *b) };
        }
        Ok(())
    }
}

/// `SharedArray(typecode, length)`: zeroed.
fn arr_new(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.exactly("SharedArray", 2, args.len())?;
    let code = match &args.pos[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => return Err(type_error(format!("typecode must be str, not {}", other.type_name()))),
    };
    let kind = kind_of(&code).ok_or_else(|| type_error(format!("unsupported type code '{code}'")))?;
    let len = to_index(vm, &args.pos[1])?.max(0) as usize;
    let ptr = shared_mapping((len * kind.size()).max(1))?;
    Ok(Value::native(Arc::new(SharedArray { ptr, len, kind })))
}

/// `bytes` of zeroed memory that forked children share with this process
/// (an anonymous shared mapping; the owner unmaps it with `munmap`).
pub fn shared_mapping(bytes: usize) -> PyResult<*mut u8> {
    // SAFETY: a fresh anonymous shared mapping (zero-filled), checked below.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return Err(crate::vm::error::os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    Ok(p.cast())
}

fn this<'a>(args: &'a Args) -> PyResult<&'a SharedArray> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<SharedArray>())
        .ok_or_else(|| type_error("SharedArray method needs a SharedArray"))
}

fn index(vm: &mut Vm, a: &SharedArray, v: &Value) -> PyResult<usize> {
    let i = to_index(vm, v)?;
    let i = if i < 0 { i + a.len as i64 } else { i };
    if i < 0 || i as usize >= a.len {
        return Err(index_error("invalid index"));
    }
    Ok(i as usize)
}

fn arr_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args)?;
    let key = args.pos.get(1).ok_or_else(|| type_error("__getitem__ expects an index"))?;
    if let Value::Slice(s) = key {
        let idx = vm.slice_indices(s, a.len)?;
        return Ok(Value::list(idx.positions().map(|i| a.get(i)).collect()));
    }
    let i = index(vm, a, key)?;
    Ok(a.get(i))
}

fn arr_setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = this(args)?;
    let (Some(key), Some(v)) = (args.pos.get(1), args.pos.get(2)) else {
        return Err(type_error("__setitem__ expects an index and a value"));
    };
    if let Value::Slice(s) = key {
        let targets: Vec<usize> = vm.slice_indices(s, a.len)?.positions().collect();
        let values = vm.iterate(v)?;
        if targets.len() != values.len() {
            return Err(PyErr::new(&types().exc.value_error, "Can only assign sequence of same size"));
        }
        for (t, v) in targets.into_iter().zip(values.iter()) {
            a.set(vm, t, v)?;
        }
        return Ok(Value::None);
    }
    let i = index(vm, a, key)?;
    a.set(vm, i, v)?;
    Ok(Value::None)
}

fn arr_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.len as i64))
}
