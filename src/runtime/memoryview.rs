//! `memoryview`: a view of another object's bytes, without a copy.
//!
//! A view exports the buffer of a `bytes`, a `bytearray` or an
//! `array.array`: it holds the exporting object and a layout (a byte
//! offset, a shape and strides, a struct format), and reads or writes the
//! exporter's own storage on every access, so a write through a view over
//! a bytearray is seen by the bytearray and the other way round. Slicing
//! and `cast` make new views over the same storage.
//!
//! The contract with the exporter: while a view is alive and not released
//! a bytearray counts it as an export and refuses to change size (the view
//! would point past the data otherwise); an `array.array` (written in pyl,
//! its items in a list) counts exports the same way through its
//! `_exports` bytearray. The count goes up under the bytearray's lock and
//! a resize checks it under the same lock, so the two cannot race. A view
//! still checks every offset against the data it reads: it answers an
//! error, never a panic, if the storage is ever shorter than the layout.
//!
//! A released view (`release()`, the end of a `with` block) refuses every
//! use with CPython's ValueError.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::bytearray::PyByteArray;
use super::class::Class;
use super::str::PyBytes;
use super::types::types;
use super::value::{NativeObject, Value};
use crate::vm::error::{PyErr, type_error, value_error};
use crate::vm::{PyResult, Vm};

/// What kind of object a view exports.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Bytes,
    ByteArray,
    /// An `array.array` instance: its bytes come from `tobytes()` and
    /// writes go back through `_store(bytes)`.
    Array,
}

/// A struct format of one item: its code and whether it was written with
/// the native-mode prefix '@' (the `format` attribute keeps what was
/// asked for).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub code: u8,
    pub at: bool,
}

impl Format {
    pub const BYTE: Format = Format { code: b'B', at: false };

    /// A format `cast()` accepts: one native code, optionally after '@'.
    pub fn parse(s: &str) -> Option<Format> {
        let (at, rest) = match s.strip_prefix('@') {
            Some(r) => (true, r),
            None => (false, s),
        };
        match rest.as_bytes() {
            [c] if b"?cbBhHiIlLqQnNfdP".contains(c) => Some(Format { code: *c, at }),
            _ => None,
        }
    }

    pub fn name(self) -> String {
        let c = self.code as char;
        if self.at { format!("@{c}") } else { c.to_string() }
    }

    /// The native size of an item (x86-64 and aarch64 Linux, as CPython
    /// builds there).
    pub fn itemsize(self) -> usize {
        match self.code {
            b'?' | b'c' | b'b' | b'B' => 1,
            b'h' | b'H' => 2,
            b'i' | b'I' | b'f' | b'w' => 4,
            _ => 8,
        }
    }

    /// The byte formats, between which and any other `cast` may go.
    pub fn is_byte(self) -> bool {
        matches!(self.code, b'B' | b'b' | b'c')
    }
}

/// Where the items of a view are in the exporter's bytes.
#[derive(Clone)]
pub struct Layout {
    /// The byte offset of the first item.
    pub start: isize,
    pub shape: Vec<usize>,
    /// In bytes, per dimension; negative for a reversed slice.
    pub strides: Vec<isize>,
    pub format: Format,
    pub readonly: bool,
}

impl Layout {
    /// A whole buffer of `n` items of `format`, one dimension.
    pub fn flat(n: usize, format: Format, readonly: bool) -> Layout {
        Layout { start: 0, shape: vec![n], strides: vec![format.itemsize() as isize], format, readonly }
    }

    pub fn itemsize(&self) -> usize {
        self.format.itemsize()
    }

    pub fn count(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn nbytes(&self) -> usize {
        self.count() * self.itemsize()
    }

    /// The strides a C-ordered (row-major) layout of this shape has.
    pub fn c_strides(&self) -> Vec<isize> {
        let mut s = vec![0isize; self.shape.len()];
        let mut acc = self.itemsize() as isize;
        for d in (0..self.shape.len()).rev() {
            s[d] = acc;
            acc *= self.shape[d] as isize;
        }
        s
    }

    fn f_strides(&self) -> Vec<isize> {
        let mut acc = self.itemsize() as isize;
        self.shape
            .iter()
            .map(|&n| {
                let s = acc;
                acc *= n as isize;
                s
            })
            .collect()
    }

    /// Contiguity as CPython judges it: an empty view is contiguous, and
    /// the stride of a dimension of length one does not matter.
    fn contiguous_as(&self, want: &[isize]) -> bool {
        if self.shape.contains(&0) {
            return true;
        }
        self.shape.iter().zip(&self.strides).zip(want).all(|((&n, &s), &w)| n == 1 || s == w)
    }

    pub fn c_contiguous(&self) -> bool {
        self.contiguous_as(&self.c_strides())
    }

    pub fn f_contiguous(&self) -> bool {
        self.contiguous_as(&self.f_strides())
    }

    /// The byte offsets of every item, in C order (`fortran`: the first
    /// index varying fastest instead).
    pub fn offsets(&self, fortran: bool) -> Vec<isize> {
        let mut out = Vec::with_capacity(self.count());
        let dims: Vec<usize> =
            if fortran { (0..self.shape.len()).rev().collect() } else { (0..self.shape.len()).collect() };
        fn walk(l: &Layout, dims: &[usize], base: isize, out: &mut Vec<isize>) {
            match dims.split_first() {
                None => out.push(base),
                Some((&d, rest)) => {
                    for k in 0..l.shape[d] {
                        walk(l, rest, base + k as isize * l.strides[d], out);
                    }
                }
            }
        }
        walk(self, &dims, self.start, &mut out);
        out
    }
}

pub struct PyMemoryView {
    /// The exporting object (the `obj` attribute).
    pub obj: Value,
    pub source: Source,
    /// The bytearray that counts this view as an export: the exporter
    /// itself, or an array's `_exports`.
    counter: Option<Value>,
    pub layout: Layout,
    released: AtomicBool,
}

impl NativeObject for PyMemoryView {
    fn class(&self) -> PyArc<Class> {
        types().memoryview_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for PyMemoryView {
    /// A view nobody holds any more ends its export, as CPython's
    /// deallocation releases the buffer.
    fn drop(&mut self) {
        self.release();
    }
}

pub fn released_error() -> PyErr {
    value_error("operation forbidden on released memoryview object")
}

pub fn buffer_error(msg: &str) -> PyErr {
    PyErr::new(&types().exc.buffer_error, msg)
}

pub fn not_implemented(msg: &str) -> PyErr {
    PyErr::new(&types().exc.not_implemented_error, msg)
}

impl PyMemoryView {
    /// A new view over `obj`, counted as one more export of `counter`.
    fn make(obj: Value, source: Source, counter: Option<Value>, layout: Layout) -> Value {
        if let Some(b) = counter.as_ref().and_then(|c| c.as_native::<PyByteArray>()) {
            b.export();
        }
        Value::native(Arc::new(PyMemoryView { obj, source, counter, layout, released: AtomicBool::new(false) }))
    }

    /// Another view of the same exporter (a slice, a cast, `toreadonly`).
    pub fn derive(&self, layout: Layout) -> Value {
        PyMemoryView::make(self.obj.clone(), self.source, self.counter.clone(), layout)
    }

    pub fn is_released(&self) -> bool {
        self.released.load(Ordering::Acquire)
    }

    /// The view itself, or the error for a released one.
    pub fn live(&self) -> PyResult<&Layout> {
        if self.is_released() { Err(released_error()) } else { Ok(&self.layout) }
    }

    /// `release()`: the export ends now (once).
    pub fn release(&self) {
        if !self.released.swap(true, Ordering::AcqRel)
            && let Some(b) = self.counter.as_ref().and_then(|c| c.as_native::<PyByteArray>())
        {
            b.unexport();
        }
    }

    /// Runs `f` on the exporter's whole storage. For a bytearray the lock
    /// is held meanwhile, so `f` must not run Python code.
    pub fn with_data<R>(&self, vm: &mut Vm, f: impl FnOnce(&[u8]) -> PyResult<R>) -> PyResult<R> {
        self.live()?;
        if self.source != Source::Array {
            return self.with_plain_data(f);
        }
        match vm.call_method(&self.obj, "tobytes", &[])? {
            Value::Bytes(b) => f(&b.data),
            _ => Err(type_error("memoryview: array.tobytes() did not give bytes")),
        }
    }

    /// `with_data` for a view over bytes or a bytearray, which needs no
    /// `Vm` (an array's bytes come from its `tobytes()`).
    fn with_plain_data<R>(&self, f: impl FnOnce(&[u8]) -> PyResult<R>) -> PyResult<R> {
        match self.source {
            Source::Bytes => match &self.obj {
                Value::Bytes(b) => f(&b.data),
                _ => Err(type_error("memoryview: lost its bytes")),
            },
            Source::ByteArray => match self.obj.as_native::<PyByteArray>() {
                Some(b) => f(&b.data.lock()),
                None => Err(type_error("memoryview: lost its bytearray")),
            },
            Source::Array => Err(type_error("memoryview: an array's bytes need the interpreter")),
        }
    }

    /// The view's bytes, item after item in `fortran` or C order.
    pub fn bytes(&self, vm: &mut Vm, fortran: bool) -> PyResult<Vec<u8>> {
        let offsets = self.live()?.offsets(fortran);
        let size = self.layout.itemsize();
        self.with_data(vm, |data| gather(data, &offsets, size))
    }

    /// The bytes of the items, each as a slice of `size` bytes.
    pub fn items(&self, vm: &mut Vm) -> PyResult<Vec<Vec<u8>>> {
        let size = self.live()?.itemsize();
        let flat = self.bytes(vm, false)?;
        Ok(flat.chunks(size.max(1)).map(|c| c.to_vec()).collect())
    }

    /// Writes `(offset, bytes)` pairs into the exporter's storage.
    pub fn write(&self, vm: &mut Vm, writes: &[(isize, Vec<u8>)]) -> PyResult<()> {
        let layout = self.live()?;
        if layout.readonly {
            return Err(type_error("cannot modify read-only memory"));
        }
        match self.source {
            Source::Bytes => Err(type_error("cannot modify read-only memory")),
            Source::ByteArray => match self.obj.as_native::<PyByteArray>() {
                Some(b) => scatter(&mut b.data.lock(), writes),
                None => Err(type_error("memoryview: lost its bytearray")),
            },
            Source::Array => {
                let mut data = self.with_data(vm, |d| Ok(d.to_vec()))?;
                scatter(&mut data, writes)?;
                vm.call_method(&self.obj, "_store", &[Value::Bytes(PyArc::new(PyBytes::new(data)))])?;
                Ok(())
            }
        }
    }
}

fn shrunk() -> PyErr {
    buffer_error("memoryview: the underlying buffer is smaller than the view")
}

fn gather(data: &[u8], offsets: &[isize], size: usize) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(offsets.len() * size);
    for &o in offsets {
        let o = usize::try_from(o).map_err(|_| shrunk())?;
        out.extend_from_slice(data.get(o..o + size).ok_or_else(shrunk)?);
    }
    Ok(out)
}

fn scatter(data: &mut [u8], writes: &[(isize, Vec<u8>)]) -> PyResult<()> {
    for (o, bytes) in writes {
        let o = usize::try_from(*o).map_err(|_| shrunk())?;
        data.get_mut(o..o + bytes.len()).ok_or_else(shrunk)?.copy_from_slice(bytes);
    }
    Ok(())
}

/// Whether `v` is an `array.array` (the pyl class `array` of the module
/// `array`, or a subclass).
fn is_array(v: &Value) -> bool {
    let Value::Instance(i) = v else { return false };
    let cls = i.class();
    std::iter::once(&cls)
        .chain(cls.mro.iter())
        .any(|c| c.name.as_str() == "array" && matches!(&*c.module.lock(), Value::Str(m) if m.as_str() == "array"))
}

/// A view of any exporter: the view for `memoryview(x)`, or `None` when
/// `x` has no buffer.
pub fn view_of(vm: &mut Vm, x: &Value) -> PyResult<Option<Value>> {
    if let Value::Bytes(b) = x {
        let layout = Layout::flat(b.data.len(), Format::BYTE, true);
        return Ok(Some(PyMemoryView::make(x.clone(), Source::Bytes, None, layout)));
    }
    if let Some(b) = x.as_native::<PyByteArray>() {
        let layout = Layout::flat(b.data.lock().len(), Format::BYTE, false);
        return Ok(Some(PyMemoryView::make(x.clone(), Source::ByteArray, Some(x.clone()), layout)));
    }
    if let Some(m) = x.as_native::<PyMemoryView>() {
        let layout = m.live()?.clone();
        return Ok(Some(m.derive(layout)));
    }
    if is_array(x) {
        let attr = |name: &str| PyArc::new(super::str::PyStr::new(name.to_string()));
        let code = match vm.get_attr(x, &attr("typecode"))? {
            Value::Str(s) => s.as_str().as_bytes().first().copied().unwrap_or(b'B'),
            _ => b'B',
        };
        // CPython's arrays of 'u' export wide characters as format 'w'.
        let format = Format { code: if code == b'u' { b'w' } else { code }, at: false };
        let n = match vm.call_method(x, "__len__", &[])? {
            Value::Int(n) => n.max(0) as usize,
            _ => 0,
        };
        let counter = vm.get_attr_opt(x, &attr("_exports"))?.filter(|c| c.as_native::<PyByteArray>().is_some());
        return Ok(Some(PyMemoryView::make(x.clone(), Source::Array, counter, Layout::flat(n, format, false))));
    }
    Ok(None)
}

/// The bytes a memoryview shows or an `array.array` holds (the buffer of
/// the objects `bytes_like` cannot read without a `Vm`); `None` for
/// other objects.
pub fn buffer_bytes(vm: &mut Vm, x: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(m) = x.as_native::<PyMemoryView>() {
        return m.bytes(vm, false).map(Some);
    }
    if !is_array(x) {
        return Ok(None);
    }
    let Some(view) = view_of(vm, x)? else { return Ok(None) };
    let Some(m) = view.as_native::<PyMemoryView>() else { return Ok(None) };
    let data = m.bytes(vm, false);
    m.release();
    data.map(Some)
}

/// The bytes of a view over bytes or a bytearray, without a `Vm` (the
/// buffer protocol of `bytes_like`); `None` for a released view or one of
/// an array (those need a `Vm`: see [`buffer_bytes`]).
pub fn view_bytes_plain(m: &PyMemoryView) -> Option<Vec<u8>> {
    if m.is_released() || m.source == Source::Array {
        return None;
    }
    let offsets = m.layout.offsets(false);
    let size = m.layout.itemsize();
    m.with_plain_data(|data| gather(data, &offsets, size)).ok()
}

/// `memoryview(object)`.
pub fn memoryview_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &crate::runtime::function::Args) -> PyResult<Value> {
    let Some(x) = args.get(0, "object") else {
        return Err(type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    if args.pos.len() + args.kw.len() > 1 {
        return Err(type_error(format!(
            "memoryview() takes at most 1 argument ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    match view_of(vm, x)? {
        Some(v) => Ok(v),
        None => Err(type_error(format!("memoryview: a bytes-like object is required, not '{}'", x.type_name()))),
    }
}
