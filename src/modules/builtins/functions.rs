//! The builtin functions that are not types: `len`, `min`, `sorted`,
//! `isinstance`, `getattr`, `round`...

use crate::runtime::pyarc::PyArc;

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::runtime::args::{to_f64, to_index};
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::list_methods::{greater, less, sort_values};
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::error::{stop_iteration, type_error, value_error};
use crate::vm::{PyResult, Vm};

pub fn functions() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("len", len as NativeFn),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("any", any),
        ("all", all),
        ("repr", repr),
        ("ascii", ascii),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("ord", ord),
        ("chr", chr),
        ("hash", hash),
        ("id", id),
        ("iter", iter),
        ("aiter", crate::runtime::async_gen::builtin_aiter),
        ("anext", crate::runtime::async_gen::builtin_anext),
        ("next", next),
        ("callable", callable),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("vars", vars),
        ("dir", dir),
        ("format", format),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("globals", super::eval::globals),
        ("locals", super::eval::locals),
        ("__build_class__", crate::runtime::object::build_class),
        ("__import__", import),
        ("exec", super::eval::exec),
        ("eval", super::eval::eval),
        ("compile", super::eval::compile),
    ]
}

fn one<'a>(args: &'a Args, name: &str) -> PyResult<&'a Value> {
    args.no_kwargs(name)?;
    args.exactly(name, 1, args.len())?;
    Ok(&args.pos[0])
}

/// `len(x)`; the evaluation loop recognises it by address (fast_ops::builtin_len).
pub fn len(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "len")?;
    Ok(Value::Int(vm.len(v)? as i64))
}

fn abs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "abs")?;
    Ok(match v {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        other => match vm.call_dunder(other, "__abs__", &[])? {
            Some(r) if matches!(other, Value::Instance(_) | Value::Native(_)) => r,
            _ => {
                return Err(type_error(format!("bad operand type for abs(): '{}'", other.type_name())));
            }
        },
    })
}

/// `min`/`max`: one iterable or several arguments, with `key` and `default`.
fn extremum(vm: &mut Vm, args: &Args, name: &str, want_max: bool) -> PyResult<Value> {
    args.allow_kwargs(name, &["key", "default"])?;
    let key = args.kwarg("key").cloned().unwrap_or(Value::None);
    let default = args.kwarg("default").cloned();
    let items = match args.pos {
        [] => {
            return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
        }
        [single] => vm.iterate(single)?,
        many => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            many.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = if key.is_none() { it.clone() } else { vm.call(&key, std::slice::from_ref(&it))? };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                // CPython asks `item > best` (`item < best` for min): the
                // order decides which operand's method runs and the
                // TypeError's wording.
                if want_max { greater(vm, &k, bk)? } else { less(vm, &k, bk)? }
            }
        };
        if better {
            best = Some((k, it));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    extremum(vm, args, "min", false)
}

fn max(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    extremum(vm, args, "max", true)
}

fn sum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("sum", &["start"])?;
    args.between("sum", 1, 2, args.len())?;
    let mut acc = args.get(1, "start").cloned().unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
        }
        Value::Bytes(_) => {
            return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
        }
        _ => {}
    }
    let it = vm.get_iter(&args.pos[0])?;
    // Integer and float sums stay in Rust until something else turns up.
    while let Some(x) = vm.iter_next(&it)? {
        let next = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(BinOp::Add, &acc, &x)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(BinOp::Add, &acc, &x)?,
        };
        // Released, not dropped: ints and floats skip the drop glue.
        std::mem::replace(&mut acc, next).release();
        x.release();
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("sorted", &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let items = vm.iterate(&args.pos[0])?;
    let key = args.kwarg("key").cloned().unwrap_or(Value::None);
    let reverse = match args.kwarg("reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match sort_values(vm, items, &key, reverse) {
        Ok(v) => Ok(Value::list(v)),
        Err((_, e)) => Err(e),
    }
}

fn any(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let it = vm.get_iter(one(args, "any")?)?;
    while let Some(x) = vm.iter_next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let it = vm.get_iter(one(args, "all")?)?;
    while let Some(x) = vm.iter_next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "repr")?;
    Ok(Value::str(vm.repr(v)?))
}

fn ascii(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "ascii")?;
    Ok(Value::str(vm.ascii(v)?))
}

/// The int value of `v` for hex/bin/oct (`__index__` semantics).
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::BigInt(b) => Ok((**b).clone()),
        other => Ok(BigInt::from(to_index(vm, other)?)),
    }
}

fn radix(vm: &mut Vm, args: &Args, name: &str, prefix: &str, r: u32) -> PyResult<Value> {
    let v = one(args, name)?;
    let n = index_big(vm, v)?;
    let digits = n.abs().to_str_radix(r);
    Ok(Value::str(format!("{}{prefix}{digits}", if n.is_negative() { "-" } else { "" })))
}

fn hex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}

fn bin(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}

fn oct(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}

fn ord(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match one(args, "ord")? {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => {
            Err(type_error(format!("ord() expected a character, but string of length {} found", s.char_len())))
        }
        Value::Bytes(b) if b.data.len() == 1 => Ok(Value::Int(b.data[0] as i64)),
        other => Err(type_error(format!("ord() expected string of length 1, but {} found", other.type_name()))),
    }
}

fn chr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "chr")?;
    let n = match v {
        Value::Float(_) => {
            return Err(type_error("'float' object cannot be interpreted as an integer"));
        }
        other => to_index(vm, other)?,
    };
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None if (0xd800..0xe000).contains(&n) => Ok(Value::str("\u{fffd}")),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn hash(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = one(args, "hash")?;
    Ok(Value::Int(vm.hash(v)?))
}

fn id(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(one(args, "id")?.id()))
}

fn iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("iter")?;
    match args.pos {
        [v] => vm.get_iter(v),
        [f, sentinel] => {
            if !is_callable(f) {
                return Err(type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::runtime::iter::PyIter::value(crate::runtime::iter::IterState::Callable {
                func: f.clone(),
                sentinel: sentinel.clone(),
            }))
        }
        _ => Err(type_error(format!("iter expected at most 2 arguments, got {}", args.len()))),
    }
}

fn next(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("next")?;
    args.between("next", 1, 2, args.len())?;
    let it = &args.pos[0];
    let is_iter = match it {
        Value::Generator(g) => !g.is_coroutine && !g.is_async_gen,
        Value::Iter(_) => true,
        _ => it.class().lookup_str("__next__").is_some(),
    };
    if !is_iter {
        return Err(type_error(format!("'{}' object is not an iterator", it.type_name())));
    }
    match it {
        Value::Instance(_) | Value::Native(_) => match vm.call_dunder(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(v),
            Err(e) if e.is(&types().exc.stop_iteration) && args.len() == 2 => Ok(args.pos[1].clone()),
            Err(e) => Err(e),
            Ok(None) => Err(type_error("object is not an iterator")),
        },
        Value::Generator(g) => match vm.resume_generator(g, Value::None)? {
            Ok(v) => Ok(v),
            Err(r) => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(stop_iteration(r)),
            },
        },
        _ => match vm.iter_next(it)? {
            Some(v) => Ok(v),
            None => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(stop_iteration(Value::None)),
            },
        },
    }
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => v.class().lookup_str("__call__").is_some(),
        _ => false,
    }
}

fn callable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(one(args, "callable")?)))
}

/// `isinstance(obj, cls)` where `cls` may be a tuple of classes.
pub fn isinstance_of(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => {
            if let Some(hook @ Value::Function(_)) =
                c.metaclass.as_ref().and_then(|m| m.lookup_str("__instancecheck__"))
            {
                let r = vm.call(&hook, &[cls.clone(), obj.clone()])?;
                return vm.truthy(&r);
            }
            Ok(vm.isinstance_class(obj, c))
        }
        Value::Tuple(t) => {
            for c in t.items.iter() {
                if isinstance_of(vm, obj, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        // A union (`int | str`) or an alias answers for itself.
        Value::Instance(_) if cls.class().lookup_str("__instancecheck__").is_some() => {
            let r = vm.call_method(cls, "__instancecheck__", std::slice::from_ref(obj))?;
            vm.truthy(&r)
        }
        _ => Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn isinstance(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("isinstance")?;
    if args.len() != 2 {
        return Err(type_error(format!("isinstance expected 2 arguments, got {}", args.len())));
    }
    Ok(Value::Bool(isinstance_of(vm, &args.pos[0], &args.pos[1])?))
}

fn subclass_of(vm: &mut Vm, c: &PyArc<Class>, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(base) => {
            if let Some(hook @ Value::Function(_)) =
                base.metaclass.as_ref().and_then(|m| m.lookup_str("__subclasscheck__"))
            {
                let r = vm.call(&hook, &[cls.clone(), Value::Class(c.clone())])?;
                return vm.truthy(&r);
            }
            Ok(c.is_subclass(base))
        }
        Value::Tuple(t) => {
            for b in t.items.iter() {
                if subclass_of(vm, c, b)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(_) if cls.class().lookup_str("__subclasscheck__").is_some() => {
            let r = vm.call_method(cls, "__subclasscheck__", &[Value::Class(c.clone())])?;
            vm.truthy(&r)
        }
        _ => Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

fn issubclass(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("issubclass")?;
    if args.len() != 2 {
        return Err(type_error(format!("issubclass expected 2 arguments, got {}", args.len())));
    }
    match &args.pos[0] {
        Value::Class(c) => Ok(Value::Bool(subclass_of(vm, c, &args.pos[1])?)),
        _ => Err(type_error("issubclass() arg 1 must be a class")),
    }
}

fn attr_name(v: &Value) -> PyResult<&PyArc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!("attribute name must be string, not '{}'", other.type_name()))),
    }
}

fn getattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("getattr")?;
    args.between("getattr", 2, 3, args.len())?;
    let name = attr_name(&args.pos[1])?.clone();
    match args.pos.get(2) {
        None => vm.get_attr(&args.pos[0], &name),
        Some(default) => Ok(vm.get_attr_or_none(&args.pos[0], &name)?.unwrap_or_else(|| default.clone())),
    }
}

fn setattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("setattr")?;
    if args.len() != 3 {
        return Err(type_error(format!("setattr expected 3 arguments, got {}", args.len())));
    }
    let name = attr_name(&args.pos[1])?.clone();
    vm.set_attr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("hasattr")?;
    if args.len() != 2 {
        return Err(type_error(format!("hasattr expected 2 arguments, got {}", args.len())));
    }
    let name = attr_name(&args.pos[1])?.clone();
    Ok(Value::Bool(vm.get_attr_or_none(&args.pos[0], &name)?.is_some()))
}

fn delattr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("delattr")?;
    if args.len() != 2 {
        return Err(type_error(format!("delattr expected 2 arguments, got {}", args.len())));
    }
    let name = attr_name(&args.pos[1])?.clone();
    vm.del_attr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn vars(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos {
        [] => super::eval::locals(vm, args),
        [v] => {
            let dict_name = PyArc::new(PyStr::new("__dict__".into()));
            match vm.get_attr_or_none(v, &dict_name)? {
                Some(d) => Ok(d),
                None => Err(type_error("vars() argument must have __dict__ attribute")),
            }
        }
        _ => Err(type_error(format!("vars expected at most 1 argument, got {}", args.len()))),
    }
}

fn dir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos {
        [] => {
            let ns = super::eval::caller_locals(vm);
            let mut names: Vec<String> =
                ns.keys().into_iter().filter_map(|k| k.as_str().map(|s| s.as_str().to_string())).collect();
            names.sort();
            Ok(Value::list(names.into_iter().map(Value::str).collect()))
        }
        [v] => {
            if let Value::Instance(i) = v
                && let Some(f @ Value::Function(_)) = i.class_ref().lookup_str("__dir__")
            {
                let r = vm.call(&f, std::slice::from_ref(v))?;
                let mut items = vm.iterate(&r)?;
                let key = Value::None;
                items = sort_values(vm, items, &key, false).map_err(|(_, e)| e)?;
                return Ok(Value::list(items));
            }
            let names = crate::runtime::object::dir_of(vm, v);
            Ok(Value::list(names.into_iter().map(Value::str).collect()))
        }
        _ => Err(type_error(format!("dir expected at most 1 argument, got {}", args.len()))),
    }
}

fn format(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("format", 1, 2, args.len())?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!("format() argument 2 must be str, not {}", other.type_name())));
        }
        None => String::new(),
    };
    Ok(Value::str(vm.format(&args.pos[0], &spec)?))
}

fn round(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("round", &["number", "ndigits"])?;
    let Some(x) = args.get(0, "number") else {
        return Err(type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = match args.get(1, "ndigits") {
        None | Some(Value::None) => None,
        // CPython clamps ndigits to the ssize_t range: an int of any size
        // is accepted (round(1.5, 10**30) is 1.5).
        Some(Value::BigInt(b)) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Some(v) => Some(to_index(vm, v)?),
    };
    match (x, nd) {
        (Value::Float(f), None) => {
            let r = crate::runtime::numeric::round_half_even(*f);
            crate::runtime::number_methods::float_to_int(r)
        }
        (Value::Float(f), Some(n)) => Ok(Value::Float(crate::runtime::float::round_to(*f, n))),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match x {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            if n >= 0 {
                return Ok(match x {
                    Value::Bool(b) => Value::Int(*b as i64),
                    other => other.clone(),
                });
            }
            // Round to a multiple of 10**-n, halves to even.
            let v = crate::runtime::numeric::to_big(x).unwrap_or_default();
            // 10**-n beyond twice |v| rounds v to 0 (CPython computes the
            // power, which never ends for a huge n).
            let places = n.unsigned_abs();
            if places > v.bits() / 3 + 1 {
                return Ok(Value::Int(0));
            }
            let m = BigInt::from(10).pow(places as u32);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &m);
            let twice = &r * 2;
            let up = twice > m || (twice == m && num_integer::Integer::is_odd(&q));
            let q = if up { q + 1 } else { q };
            Ok(Value::from_bigint(q * m))
        }
        (other, _) => {
            let mut a = vec![];
            if let Some(n) = nd {
                a.push(Value::Int(n));
            }
            match vm.call_dunder(other, "__round__", &a)? {
                Some(r) if matches!(other, Value::Instance(_)) => Ok(r),
                _ => Err(type_error(format!("type {} doesn't define __round__ method", other.type_name()))),
            }
        }
    }
}

fn divmod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("divmod")?;
    if args.len() != 2 {
        return Err(type_error(format!("divmod expected 2 arguments, got {}", args.len())));
    }
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b)
        && let (Ok(x), Ok(y)) = (to_f64(vm, a), to_f64(vm, b))
    {
        if y == 0.0 {
            return Err(crate::vm::error::zero_division("float divmod()"));
        }
        let (q, r) = crate::runtime::numeric::float_divmod(x, y);
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    // An instance on either side: `a.__divmod__(b)`, then the reflected
    // `b.__rdivmod__(a)`, each skipped when missing or NotImplemented.
    if let (Value::Instance(_), _) | (_, Value::Instance(_)) = (a, b) {
        for (x, name, y) in [(a, "__divmod__", b), (b, "__rdivmod__", a)] {
            if let Some(r) = vm.call_dunder(x, name, std::slice::from_ref(y))?
                && !matches!(r, Value::NotImplemented)
            {
                return Ok(r);
            }
        }
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        )));
    }
    let q = vm.binary_op(BinOp::FloorDiv, a, b).map_err(|e| {
        if e.is(&types().exc.zero_division_error) {
            crate::vm::error::zero_division("integer division or modulo by zero")
        } else if e.is(&types().exc.type_error) {
            type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", a.type_name(), b.type_name()))
        } else {
            e
        }
    })?;
    let r = vm.binary_op(BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("pow", &["base", "exp", "mod"])?;
    let (Some(base), Some(exp)) = (args.get(0, "base"), args.get(1, "exp")) else {
        return Err(type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    match args.get(2, "mod") {
        None | Some(Value::None) => vm.binary_op(BinOp::Pow, base, exp),
        Some(_)
            if crate::runtime::complex::complex_of(base).is_some()
                || crate::runtime::complex::complex_of(exp).is_some() =>
        {
            Err(value_error("complex modulo"))
        }
        Some(m) => {
            let (Some(b), Some(e), Some(m)) = (
                crate::runtime::numeric::to_big(base),
                crate::runtime::numeric::to_big(exp),
                crate::runtime::numeric::to_big(m),
            ) else {
                return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            };
            if m.is_zero() {
                return Err(value_error("pow() 3rd argument cannot be 0"));
            }
            let r = if e.is_negative() {
                let inv =
                    mod_inverse(&b, &m).ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
                inv.modpow(&(-e), &m.abs())
            } else {
                b.modpow(&e, &m.abs())
            };
            // Python's result takes the modulus's sign.
            let r = if !r.is_zero() && m.is_negative() { r + &m } else { r };
            let r = if r.is_negative() && m.is_positive() { r + &m } else { r };
            Ok(Value::from_bigint(r))
        }
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let e = num_integer::Integer::extended_gcd(&((a % &m + &m) % &m), &m);
    if e.gcd != BigInt::from(1) {
        return None;
    }
    Some((e.x % &m + &m) % &m)
}

fn import(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(Value::Str(name)) = args.get(0, "name") else {
        return Err(type_error("__import__() argument 1 must be str"));
    };
    let fromlist = args.get(3, "fromlist").cloned().unwrap_or(Value::None);
    let globals = crate::runtime::dict::PyDict::new();
    vm.import_name(name.as_str(), 0, &fromlist, &globals)
}
