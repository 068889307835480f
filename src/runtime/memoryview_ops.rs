//! The methods and attributes of `memoryview`: items read and written by
//! their struct format, indexing and slicing, `cast`, `tobytes`/`tolist`/
//! `hex`, comparison and hashing, `release` and the context manager.
//!
//! Every method first asks the view whether it is released (`live()`), so
//! a released view answers CPython's ValueError everywhere. Items are in
//! the machine's (little-endian) byte order, as CPython's native formats.

use crate::runtime::pyarc::PyArc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::function::{Args, NativeFn};
use super::memoryview::{Format, Layout, PyMemoryView, not_implemented, released_error, view_of};
use super::slice::index_of;
use super::str::PyBytes;
use crate::vm::error::{index_error, overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

use super::value::Value;

fn this<'a>(args: &'a Args, name: &str) -> PyResult<&'a PyMemoryView> {
    match args.pos.first() {
        Some(v) => v.as_native::<PyMemoryView>().ok_or_else(|| {
            type_error(format!(
                "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
                v.type_name()
            ))
        }),
        None => Err(type_error(format!("descriptor '{name}' of 'memoryview' object needs an argument"))),
    }
}

fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(PyArc::new(PyBytes::new(data)))
}

// ------------------------------------------------------------ items

/// One item as a Python value.
fn unpack(f: Format, b: &[u8]) -> PyResult<Value> {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(w);
    Ok(match f.code {
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(u)),
        },
        b'b' => Value::Int(b[0] as i8 as i64),
        b'h' => Value::Int(u as u16 as i16 as i64),
        b'i' => Value::Int(u as u32 as i32 as i64),
        b'l' | b'q' | b'n' => Value::Int(u as i64),
        b'c' => new_bytes(b.to_vec()),
        b'?' => Value::Bool(u != 0),
        b'f' => Value::Float(f32::from_bits(u as u32) as f64),
        b'd' => Value::Float(f64::from_bits(u)),
        _ => return Err(not_implemented(&format!("memoryview: format {} not supported", f.code as char))),
    })
}

/// An item for comparisons: values of different formats compare as the
/// numbers they are.
#[derive(PartialEq)]
enum Item {
    Int(i128),
    Float(f64),
    Char(u8),
}

fn item(f: Format, b: &[u8]) -> PyResult<Item> {
    Ok(match unpack(f, b)? {
        Value::Int(i) => Item::Int(i as i128),
        Value::Bool(x) => Item::Int(x as i128),
        Value::BigInt(x) => Item::Int(x.to_i128().unwrap_or(0)),
        Value::Float(x) => Item::Float(x),
        _ => Item::Char(b[0]),
    })
}

fn items_equal(a: &Item, b: &Item) -> bool {
    match (a, b) {
        (Item::Int(x), Item::Float(y)) | (Item::Float(y), Item::Int(x)) => *x as f64 == *y,
        _ => a == b,
    }
}

/// The bytes of `v` stored as an item of format `f`, or CPython's error.
fn pack(vm: &mut Vm, f: Format, v: &Value) -> PyResult<Vec<u8>> {
    let invalid_type = || type_error(format!("memoryview: invalid type for format '{}'", f.name()));
    let invalid_value = || value_error(format!("memoryview: invalid value for format '{}'", f.name()));
    match f.code {
        b'c' => match v {
            Value::Bytes(b) if b.data.len() == 1 => Ok(b.data.to_vec()),
            Value::Bytes(_) => Err(invalid_value()),
            _ => Err(invalid_type()),
        },
        b'?' => Ok(vec![vm.truthy(v)? as u8]),
        b'f' | b'd' => {
            let x = match v {
                Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
                    super::args::to_f64(vm, v).map_err(|_| invalid_type())?
                }
                _ => return Err(invalid_type()),
            };
            if f.code == b'd' {
                return Ok(x.to_le_bytes().to_vec());
            }
            // Unlike struct.pack, a view stores a too-large float as inf.
            Ok((x as f32).to_le_bytes().to_vec())
        }
        b'w' => Err(not_implemented("memoryview: format w not supported")),
        code => {
            let n: i128 = match v {
                Value::Int(i) => *i as i128,
                Value::Bool(b) => *b as i128,
                Value::BigInt(b) => b.to_i128().ok_or_else(invalid_value)?,
                Value::Instance(_) => match vm.call_dunder(v, "__index__", &[])? {
                    Some(Value::Int(i)) => i as i128,
                    Some(Value::BigInt(b)) => b.to_i128().ok_or_else(invalid_value)?,
                    _ => return Err(invalid_type()),
                },
                _ => return Err(invalid_type()),
            };
            let size = f.itemsize() as u32;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed {
                (-(1i128 << (size * 8 - 1)), (1i128 << (size * 8 - 1)) - 1)
            } else {
                (0, (1i128 << (size * 8)) - 1)
            };
            if n < lo || n > hi {
                return Err(invalid_value());
            }
            Ok(n.to_le_bytes()[..size as usize].to_vec())
        }
    }
}

// ------------------------------------------------------------ attributes

/// The data attributes (`nbytes`, `shape`...): a released view refuses
/// them all.
pub fn attr(v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(m) = v.as_native::<PyMemoryView>() else { return Ok(None) };
    let names = [
        "obj",
        "nbytes",
        "readonly",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "c_contiguous",
        "f_contiguous",
        "contiguous",
    ];
    if !names.contains(&name) {
        return Ok(None);
    }
    let l = m.live()?;
    let ints = |xs: Vec<i64>| Value::tuple(xs.into_iter().map(Value::Int).collect());
    Ok(Some(match name {
        "obj" => m.obj.clone(),
        "nbytes" => Value::Int(l.nbytes() as i64),
        "readonly" => Value::Bool(l.readonly),
        "itemsize" => Value::Int(l.itemsize() as i64),
        "format" => Value::str(l.format.name()),
        "ndim" => Value::Int(l.shape.len() as i64),
        "shape" => ints(l.shape.iter().map(|&n| n as i64).collect()),
        "strides" => ints(l.strides.iter().map(|&n| n as i64).collect()),
        "suboffsets" => Value::tuple(vec![]),
        "c_contiguous" => Value::Bool(l.c_contiguous()),
        "f_contiguous" => Value::Bool(l.f_contiguous()),
        _ => Value::Bool(l.c_contiguous() || l.f_contiguous()),
    }))
}

// ------------------------------------------------------------ indexing

/// An integer key (`__index__` semantics), or `None` for other keys.
fn int_key(vm: &mut Vm, key: &Value) -> PyResult<Option<i64>> {
    Ok(match key {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(_) => return Err(index_error("cannot fit 'int' into an index-sized integer")),
        Value::Instance(i) if i.class().lookup_str("__index__").is_some() => Some(super::args::to_index(vm, key)?),
        _ => None,
    })
}

/// Where an item is: the byte offset for `key`, which is an integer (one
/// dimension) or a tuple of them (one per dimension); `None` for a key
/// that is not an item's (a slice).
fn item_offset(vm: &mut Vm, l: &Layout, key: &Value) -> PyResult<Option<isize>> {
    let ndim = l.shape.len();
    let indices: Vec<i64> = if let Some(i) = int_key(vm, key)? {
        if ndim == 0 {
            return Err(type_error("invalid indexing of 0-dim memory"));
        }
        if ndim > 1 {
            return Err(not_implemented("multi-dimensional sub-views are not implemented"));
        }
        vec![i]
    } else if let Value::Tuple(t) = key {
        let mut ints = Vec::with_capacity(t.len());
        for x in t.items.iter() {
            match int_key(vm, x)? {
                Some(i) => ints.push(i),
                None if t.items.iter().all(|x| matches!(x, Value::Slice(_))) => {
                    return Err(not_implemented("multi-dimensional slicing is not implemented"));
                }
                None => return Err(type_error("memoryview: invalid slice key")),
            }
        }
        if ints.len() < ndim {
            return Err(not_implemented("sub-views are not implemented"));
        }
        if ints.len() > ndim {
            return Err(type_error(format!("cannot index {ndim}-dimension view with {}-element tuple", ints.len())));
        }
        ints
    } else if ndim == 0 && !matches!(key, Value::Ellipsis) {
        return Err(type_error("invalid indexing of 0-dim memory"));
    } else {
        return Ok(None);
    };
    let mut off = l.start;
    for (d, &i) in indices.iter().enumerate() {
        let k = index_of(i, l.shape[d])
            .ok_or_else(|| index_error(format!("index out of bounds on dimension {}", d + 1)))?;
        off += k as isize * l.strides[d];
    }
    Ok(Some(off))
}

/// The view a slice key selects (along the first dimension).
fn sliced(vm: &mut Vm, m: &PyMemoryView, key: &Value) -> PyResult<Layout> {
    let l = m.live()?;
    let Value::Slice(s) = key else { return Err(type_error("memoryview: invalid slice key")) };
    if l.shape.is_empty() {
        return Err(type_error("invalid indexing of 0-dim memory"));
    }
    let ix = vm.slice_indices(s, l.shape[0])?;
    let mut out = l.clone();
    out.start = l.start + ix.start as isize * l.strides[0];
    out.shape[0] = ix.len;
    // A step too large to scale a stride selects at most one item, whose
    // stride then does not matter.
    out.strides[0] = l.strides[0].checked_mul(ix.step as isize).unwrap_or(l.strides[0]);
    Ok(out)
}

fn getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__getitem__")?;
    let key = args.pos.get(1).ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    let l = m.live()?;
    if let Some(off) = item_offset(vm, l, key)? {
        let size = l.itemsize();
        let bytes = m.with_data(vm, |d| {
            let o = usize::try_from(off).map_err(|_| index_error("index out of bounds on dimension 1"))?;
            d.get(o..o + size).map(|b| b.to_vec()).ok_or_else(|| index_error("index out of bounds on dimension 1"))
        })?;
        return unpack(l.format, &bytes);
    }
    if matches!(key, Value::Ellipsis) && l.shape.is_empty() {
        return Ok(args.pos[0].clone());
    }
    let layout = sliced(vm, m, key)?;
    Ok(m.derive(layout))
}

/// The layout and bytes of a value assigned to a slice: it must export a
/// buffer.
fn rvalue(vm: &mut Vm, v: &Value) -> PyResult<(Layout, Vec<u8>)> {
    let view = match v.as_native::<PyMemoryView>() {
        Some(_) => v.clone(),
        None => match view_of(vm, v)? {
            Some(view) => view,
            None => return Err(type_error(format!("a bytes-like object is required, not '{}'", v.type_name()))),
        },
    };
    let r = view.as_native::<PyMemoryView>().ok_or_else(released_error)?;
    let layout = r.live()?.clone();
    let bytes = r.bytes(vm, false)?;
    if v.as_native::<PyMemoryView>().is_none() {
        r.release();
    }
    Ok((layout, bytes))
}

fn setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__setitem__")?;
    let (Some(key), Some(value)) = (args.pos.get(1), args.pos.get(2)) else {
        return Err(type_error("expected 2 arguments"));
    };
    let l = m.live()?;
    if l.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    if let Some(off) = item_offset(vm, l, key)? {
        let bytes = pack(vm, l.format, value)?;
        m.write(vm, &[(off, bytes)])?;
        return Ok(Value::None);
    }
    if l.shape.len() != 1 {
        return Err(not_implemented("memoryview slice assignments are currently restricted to ndim = 1"));
    }
    let target = sliced(vm, m, key)?;
    let (source, bytes) = rvalue(vm, value)?;
    let same_format = source.format.code == target.format.code;
    if source.shape != target.shape || !same_format {
        return Err(value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    let size = target.itemsize();
    let writes: Vec<(isize, Vec<u8>)> =
        target.offsets(false).into_iter().zip(bytes.chunks(size.max(1))).map(|(o, b)| (o, b.to_vec())).collect();
    m.write(vm, &writes)?;
    Ok(Value::None)
}

fn delitem(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__delitem__")?;
    if m.live()?.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    Err(type_error("cannot delete memory"))
}

fn len_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = this(args, "__len__")?.live()?;
    Ok(Value::Int(l.shape.first().copied().unwrap_or(1) as i64))
}

// ------------------------------------------------------------ conversions

/// The items as nested lists, one level per dimension.
fn nested(l: &Layout, items: &[Value], dim: usize) -> Value {
    if dim + 1 >= l.shape.len() {
        return Value::list(items.to_vec());
    }
    let inner: usize = l.shape[dim + 1..].iter().product();
    let chunks = items.chunks(inner.max(1)).take(l.shape[dim]).map(|c| nested(l, c, dim + 1)).collect();
    Value::list(chunks)
}

fn values(vm: &mut Vm, m: &PyMemoryView) -> PyResult<Vec<Value>> {
    let f = m.live()?.format;
    m.items(vm)?.iter().map(|b| unpack(f, b)).collect()
}

fn tolist(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "tolist")?;
    args.no_kwargs("memoryview.tolist")?;
    if args.pos.len() > 1 {
        return Err(type_error(format!("memoryview.tolist() takes no arguments ({} given)", args.pos.len() - 1)));
    }
    let l = m.live()?.clone();
    let items = values(vm, m)?;
    if l.shape.is_empty() {
        return Ok(items.into_iter().next().unwrap_or(Value::None));
    }
    Ok(nested(&l, &items, 0))
}

fn tobytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "tobytes")?;
    args.allow_kwargs("tobytes", &["order"])?;
    m.live()?;
    let fortran = match args.get(1, "order") {
        None | Some(Value::None) => false,
        Some(Value::Str(s)) if matches!(s.as_str(), "C" | "A") => false,
        Some(Value::Str(s)) if s.as_str() == "F" => true,
        Some(Value::Str(_)) => return Err(value_error("order must be 'C', 'F' or 'A'")),
        Some(v) => {
            return Err(type_error(format!("tobytes() argument 'order' must be str or None, not {}", v.type_name())));
        }
    };
    Ok(new_bytes(m.bytes(vm, fortran)?))
}

/// `hex(sep=None, bytes_per_sep=1)`, as `bytes.hex` of the view's bytes.
fn hex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "hex")?;
    args.allow_kwargs("hex", &["sep", "bytes_per_sep"])?;
    let data = m.bytes(vm, false)?;
    super::bytes_methods::hex_text(vm, args, &data)
}

fn cast(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "cast")?;
    args.allow_kwargs("cast", &["format", "shape"])?;
    let l = m.live()?;
    let fmt = match args.get(1, "format") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => return Err(type_error(format!("cast() argument 'format' must be str, not {}", v.type_name()))),
        None => return Err(type_error("cast() missing required argument 'format' (pos 1)")),
    };
    let shape_arg = match args.get(2, "shape") {
        None => None,
        Some(Value::List(items)) => Some(items.snapshot()),
        Some(Value::Tuple(t)) => Some(t.items.to_vec()),
        Some(_) => return Err(type_error("shape must be a list or a tuple")),
    };
    if !l.c_contiguous() {
        return Err(type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if (shape_arg.is_some() || l.shape.len() != 1) && l.shape.contains(&0) {
        return Err(type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    if let Some(s) = &shape_arg {
        if s.len() > 64 {
            return Err(value_error("memoryview: number of dimensions must not exceed 64"));
        }
        if l.shape.len() != 1 && s.len() != 1 {
            return Err(type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
    }
    let f = Format::parse(&fmt).ok_or_else(|| {
        value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        )
    })?;
    if !l.format.is_byte() && !f.is_byte() {
        return Err(type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if l.nbytes() % f.itemsize() != 0 {
        return Err(type_error("memoryview: length is not a multiple of itemsize"));
    }
    let shape = match shape_arg {
        None => vec![l.nbytes() / f.itemsize()],
        Some(items) => {
            let mut shape = Vec::with_capacity(items.len());
            for x in &items {
                match x {
                    Value::BigInt(_) => return Err(overflow_error("Python int too large to convert to C ssize_t")),
                    Value::Int(n) if *n > 0 => shape.push(*n as usize),
                    Value::Int(_) | Value::Bool(false) => {
                        return Err(value_error("memoryview.cast(): elements of shape must be integers > 0"));
                    }
                    Value::Bool(true) => shape.push(1),
                    _ => return Err(type_error("memoryview.cast(): elements of shape must be integers")),
                }
            }
            let product =
                shape.iter().try_fold(1usize, |acc, &n| acc.checked_mul(n).filter(|&p| p <= isize::MAX as usize));
            let Some(product) = product else {
                return Err(value_error("memoryview.cast(): product(shape) > SSIZE_MAX"));
            };
            if product.checked_mul(f.itemsize()) != Some(l.nbytes()) {
                return Err(type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            shape
        }
    };
    let mut out = Layout { start: l.start, shape, strides: Vec::new(), format: f, readonly: l.readonly };
    out.strides = out.c_strides();
    Ok(m.derive(out))
}

fn toreadonly(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "toreadonly")?;
    let mut l = m.live()?.clone();
    l.readonly = true;
    Ok(m.derive(l))
}

fn release(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args, "release")?.release();
    Ok(Value::None)
}

fn enter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args, "__enter__")?.live()?;
    if args.pos.len() > 1 {
        return Err(type_error(format!("memoryview.__enter__() takes no arguments ({} given)", args.pos.len() - 1)));
    }
    Ok(args.pos[0].clone())
}

fn exit(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    this(args, "__exit__")?.release();
    Ok(Value::None)
}

fn iter_(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__iter__")?;
    let l = m.live()?;
    match l.shape.len() {
        0 => return Err(type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => return Err(not_implemented("multi-dimensional sub-views are not implemented")),
    }
    let items = values(vm, m)?;
    vm.get_iter(&Value::list(items))
}

// ------------------------------------------------------------ compare, hash, repr

/// `==`: views of the same shape whose items are equal as values (a 'B'
/// view equals an 'h' view of the same numbers). A released view equals
/// only itself.
fn equal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__eq__")?;
    let Some(other) = args.pos.get(1) else { return Err(type_error("expected 1 argument, got 0")) };
    let other_view = other.as_native::<PyMemoryView>();
    if m.is_released() || other_view.is_some_and(|o| o.is_released()) {
        return Ok(Value::Bool(args.pos[0].id() == other.id()));
    }
    let held;
    let o = match other_view {
        Some(o) => o,
        None => match view_of(vm, other)? {
            Some(v) => {
                held = v;
                held.as_native::<PyMemoryView>().ok_or_else(released_error)?
            }
            None => return Ok(Value::NotImplemented),
        },
    };
    let (a, b) = (m.layout.clone(), o.layout.clone());
    let result = if a.shape != b.shape {
        false
    } else {
        let (xs, ys) = (m.items(vm)?, o.items(vm)?);
        let mut same = true;
        for (x, y) in xs.iter().zip(&ys) {
            if !items_equal(&item(a.format, x)?, &item(b.format, y)?) {
                same = false;
                break;
            }
        }
        same
    };
    if other_view.is_none() {
        o.release();
    }
    Ok(Value::Bool(result))
}

fn not_equal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(match equal(vm, args)? {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

/// Only a read-only view of bytes is hashable, as the bytes it shows
/// (`hash(memoryview(b'ab')) == hash(b'ab')`).
fn hash_(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__hash__")?;
    let l = m.live()?;
    if !l.readonly {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    if !l.format.is_byte() {
        return Err(value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    vm.hash(&m.obj)?;
    Ok(Value::Int(super::str::hash_bytes(&m.bytes(vm, false)?)))
}

fn repr_(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = this(args, "__repr__")?;
    let what = if m.is_released() { "released memory" } else { "memory" };
    Ok(Value::str(format!("<{what} at {:#x}>", args.pos[0].id())))
}

pub fn memoryview_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", len_ as NativeFn),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__iter__", iter_),
        ("__eq__", equal),
        ("__ne__", not_equal),
        ("__hash__", hash_),
        ("__repr__", repr_),
        ("__str__", repr_),
        ("__enter__", enter),
        ("__exit__", exit),
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("cast", cast),
        ("toreadonly", toreadonly),
        ("release", release),
    ]
}
