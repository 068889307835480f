//! The `random` module: CPython 3.11's `random.Random` over MT19937.
//!
//! Contract: for the same seed every function draws exactly the numbers
//! CPython 3.11 draws (same generator, same seeding, and the same
//! algorithms as `Lib/random.py`: `_randbelow_with_getrandbits`, the
//! two-branch `sample`, `choices` by bisection, Kinderman-Monahan
//! `normalvariate`, Box-Muller `gauss` with its cached second value...),
//! with CPython's error messages. Module-level functions are bound methods
//! of a hidden instance `random._inst`, as in CPython.
//!
//! The generator state sits behind a lock that is never held while Python
//! code runs (`len()`, `__getitem__`, arithmetic on user numbers).

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};

use num_bigint::BigInt;
use num_traits::Signed;
use parking_lot::Mutex;

use super::mt19937::{Generator, Mt19937, fill_os_random, seed_v1, seed_v2};
use crate::runtime::args::{to_f64, to_index};
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::str::PyBytes;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::syntax::ast::{BinOp, CmpOp};
use crate::vm::error::{index_error, type_error, value_error, zero_division};
use crate::vm::{PyResult, Vm};

/// A `random.Random` instance.
pub struct RandomObject {
    state: Mutex<Generator>,
}

fn random_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let cls = make("Random", &types().object_type, Some(random_ctor), &methods());
            *cls.module.lock() = Value::str("random");
            cls
        })
        .clone()
}

fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("seed", r_seed as NativeFn),
        ("random", r_random),
        ("getrandbits", r_getrandbits),
        ("randbytes", r_randbytes),
        ("randrange", r_randrange),
        ("randint", r_randint),
        ("choice", r_choice),
        ("shuffle", r_shuffle),
        ("sample", r_sample),
        ("choices", r_choices),
        ("uniform", r_uniform),
        ("triangular", r_triangular),
        ("gauss", r_gauss),
        ("normalvariate", r_normalvariate),
        ("lognormvariate", r_lognormvariate),
        ("expovariate", r_expovariate),
        ("vonmisesvariate", r_vonmisesvariate),
        ("gammavariate", r_gammavariate),
        ("betavariate", r_betavariate),
        ("paretovariate", r_paretovariate),
        ("weibullvariate", r_weibullvariate),
        ("getstate", r_getstate),
        ("setstate", r_setstate),
    ]
}

impl NativeObject for RandomObject {
    fn class(&self) -> PyArc<Class> {
        random_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `random.Random(x=None)`.
fn random_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("Random", &["x"])?;
    if args.len() > 1 {
        return Err(type_error(format!("Random() expected at most 1 argument, got {}", args.len())));
    }
    let obj = RandomObject { state: Mutex::new(Generator::default()) };
    let seed = args.get(0, "x").cloned().unwrap_or(Value::None);
    seed_gen(vm, &obj, &seed, 2)?;
    Ok(Value::native(Arc::new(obj)))
}

/// Builds the module: the class and the methods of a shared instance.
pub fn init(vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("random");
    let cls = random_class();
    let inst = random_ctor(vm, &cls, &Args::new(&[]))?;
    for (name, _) in methods() {
        if let Some(f) = cls.dict.get_item_str(name) {
            m.set(name, Value::bound_method(inst.clone(), f));
        }
    }
    m.set("Random", Value::Class(cls));
    m.set("_inst", inst);
    Ok(PyArc::new(m))
}

fn this<'a>(args: &'a Args) -> PyResult<&'a RandomObject> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<RandomObject>())
        .ok_or_else(|| type_error("descriptor requires a 'random.Random' object"))
}

/// Argument `i` after `self`, positionally or by keyword.
fn arg<'a>(args: &'a Args, i: usize, name: &str) -> Option<&'a Value> {
    args.get(i + 1, name).filter(|v| !v.is_undef())
}

fn required<'a>(args: &'a Args, i: usize, name: &str, func: &str) -> PyResult<&'a Value> {
    arg(args, i, name)
        .ok_or_else(|| type_error(format!("Random.{func}() missing 1 required positional argument: '{name}'")))
}

fn float_arg(vm: &mut Vm, args: &Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    match arg(args, i, name) {
        Some(v) => to_f64(vm, v),
        None => Ok(default),
    }
}

fn draw(args: &Args) -> PyResult<f64> {
    Ok(this(args)?.state.lock().mt.random())
}

// ------------------------------------------------------------------ seeding

fn seed_gen(vm: &mut Vm, obj: &RandomObject, a: &Value, version: i64) -> PyResult<()> {
    let n: BigInt = match a {
        Value::None => {
            let mut bytes = [0u8; 624 * 4];
            fill_os_random(&mut bytes);
            let words: Vec<u32> = bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            let mut g = obj.state.lock();
            g.mt.seed_words(&words);
            g.gauss_next = None;
            return Ok(());
        }
        Value::Int(i) => BigInt::from(*i).abs(),
        Value::BigInt(b) => b.abs(),
        Value::Bool(b) => BigInt::from(*b as u8),
        Value::Str(s) if version == 1 => seed_v1(&s.as_str().chars().map(|c| c as u64).collect::<Vec<_>>()),
        Value::Bytes(b) if version == 1 => seed_v1(&b.data.iter().map(|c| *c as u64).collect::<Vec<_>>()),
        Value::Str(s) => seed_v2(s.as_str().as_bytes()),
        Value::Bytes(b) => seed_v2(&b.data),
        Value::Float(_) => {
            // CPython seeds non-int objects with hash(a) read as a size_t.
            let h = vm.hash(a)?;
            BigInt::from(h as u64)
        }
        _ => {
            return Err(type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray."));
        }
    };
    let mut g = obj.state.lock();
    g.mt.seed_int(&n);
    g.gauss_next = None;
    Ok(())
}

fn r_seed(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("seed", &["a", "version"])?;
    let obj = this(args)?;
    let a = arg(args, 0, "a").cloned().unwrap_or(Value::None);
    let version = match arg(args, 1, "version") {
        Some(v) => to_index(vm, v)?,
        None => 2,
    };
    seed_gen(vm, obj, &a, version)?;
    Ok(Value::None)
}

// ------------------------------------------------------------ integer draws

fn r_random(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(type_error(format!("random() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(Value::Float(draw(args)?))
}

fn bits_arg(vm: &mut Vm, args: &Args, name: &str, func: &str) -> PyResult<i64> {
    let v = required(args, 0, name, func)?;
    to_index(vm, v)
}

fn r_getrandbits(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    // CPython reads k as a C int: beyond 2**31 - 1 bits is an overflow.
    let k = crate::runtime::args::to_c_int(vm, required(args, 0, "k", "getrandbits")?)?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    crate::runtime::memory::reserve_int_bits(k as u64)?;
    let r = this(args)?.state.lock().mt.getrandbits(k as u64);
    Ok(Value::from_bigint(r))
}

fn r_randbytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let n = bits_arg(vm, args, "n", "randbytes")?;
    let bits = n.checked_mul(8).ok_or_else(|| crate::vm::error::overflow_error("n is too large"))?;
    if bits < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    let r = this(args)?.state.lock().mt.getrandbits(bits as u64);
    // getrandbits(n * 8).to_bytes(n, 'little')
    let mut bytes = r.to_bytes_le().1;
    bytes.resize(n as usize, 0);
    Ok(Value::Bytes(PyArc::new(PyBytes::new(bytes))))
}

/// `operator.index(v)` as a big integer; `None` where it raises TypeError.
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    Ok(match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Instance(_) => match vm.call_dunder(v, "__index__", &[])? {
            Some(r @ (Value::Int(_) | Value::BigInt(_))) => crate::runtime::numeric::to_big(&r),
            _ => None,
        },
        _ => None,
    })
}

/// randrange's conversion: `_index(v)`, else `int(v)` when it loses
/// nothing (CPython warns about that case), else ValueError.
fn range_int(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    if let Some(i) = index_big(vm, v)? {
        return Ok(i);
    }
    let as_int = crate::runtime::number_methods::to_int(vm, v)?;
    if !vm.eq(&as_int, v)? {
        return Err(value_error(format!("non-integer {what} for randrange()")));
    }
    crate::runtime::numeric::to_big(&as_int).ok_or_else(|| type_error("an integer is required"))
}

fn randrange(
    vm: &mut Vm,
    obj: &RandomObject,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    // The common case, all small ints and unit step, without big integers.
    if let (Value::Int(a), Some(Value::Int(b)), None | Some(Value::Int(1))) = (start, stop, step) {
        let width = *b as i128 - *a as i128;
        if width > 0 {
            let r = obj.state.lock().below(width as u64);
            return Ok(Value::Int((*a as i128 + r as i128) as i64));
        }
    }
    let istart = range_int(vm, start, "arg 1")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return Err(type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(Value::from_bigint(obj.state.lock().below_big(&istart)));
        }
        return Err(value_error("empty range for randrange()"));
    };
    let istop = range_int(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => range_int(vm, s, "step")?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            let r = obj.state.lock().below_big(&width);
            return Ok(Value::from_bigint(istart + r));
        }
        return Err(value_error(format!("empty range for randrange() ({istart}, {istop}, {width})")));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(value_error("empty range for randrange()"));
    }
    let r = obj.state.lock().below_big(&n);
    Ok(Value::from_bigint(istart + istep * r))
}

fn r_randrange(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("randrange", &["start", "stop", "step"])?;
    let obj = this(args)?;
    let start = required(args, 0, "start", "randrange")?;
    randrange(vm, obj, start, arg(args, 1, "stop"), arg(args, 2, "step"))
}

fn r_randint(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let obj = this(args)?;
    let a = required(args, 0, "a", "randint")?;
    let b = required(args, 1, "b", "randint")?;
    let stop = match b {
        Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
        _ => vm.binary_op(BinOp::Add, b, &Value::Int(1))?,
    };
    randrange(vm, obj, a, Some(&stop), None)
}

// -------------------------------------------------------------- sequences

fn r_choice(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let obj = this(args)?;
    let seq = required(args, 0, "seq", "choice")?;
    let n = vm.len(seq)?;
    if n == 0 {
        return Err(index_error("Cannot choose from an empty sequence"));
    }
    let i = obj.state.lock().below(n as u64);
    vm.get_item(seq, &Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let obj = this(args)?;
    let x = required(args, 0, "x", "shuffle")?;
    let n = vm.len(x)?;
    // The draws do not depend on the elements, so they are made first and
    // the swaps applied after, without holding the generator's lock.
    let swaps: Vec<(usize, usize)> = {
        let mut g = obj.state.lock();
        (1..n).rev().map(|i| (i, g.below(i as u64 + 1) as usize)).collect()
    };
    if let Value::List(l) = x {
        let mut items = l.lock();
        if items.len() == n {
            for (i, j) in swaps {
                items.swap(i, j);
            }
            return Ok(Value::None);
        }
    }
    for (i, j) in swaps {
        let (vi, vj) = (vm.get_item(x, &Value::Int(i as i64))?, vm.get_item(x, &Value::Int(j as i64))?);
        vm.set_item(x, Value::Int(i as i64), vj)?;
        vm.set_item(x, Value::Int(j as i64), vi)?;
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("sample", &["population", "k", "counts"])?;
    let obj = this(args)?;
    let population = required(args, 0, "population", "sample")?;
    if !matches!(population, Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_)) {
        return Err(type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let n = vm.len(population)?;
    let k = match required(args, 1, "k", "sample")? {
        Value::Float(_) => {
            return Err(type_error("can't multiply sequence by non-int of type 'float'"));
        }
        other => to_index(vm, other)?,
    };
    if let Some(counts) = arg(args, 2, "counts").filter(|c| !c.is_none()) {
        return sample_counts(vm, obj, population, n, counts, k);
    }
    if k < 0 || k as usize > n {
        return Err(value_error("Sample larger than population or is negative"));
    }
    let picked = obj.state.lock().sample_indices(n, k as usize);
    let out = match population {
        Value::List(l) => {
            let items = l.snapshot();
            picked.iter().map(|&i| items.get(i).cloned().unwrap_or(Value::None)).collect()
        }
        Value::Tuple(t) => picked.iter().map(|&i| t.items[i].clone()).collect(),
        _ => picked.iter().map(|&i| vm.get_item(population, &Value::Int(i as i64))).collect::<PyResult<Vec<_>>>()?,
    };
    Ok(Value::list(out))
}

/// `sample(population, k, counts=...)`: samples `range(total)` and maps
/// each pick back through the cumulative counts.
fn sample_counts(
    vm: &mut Vm,
    obj: &RandomObject,
    population: &Value,
    n: usize,
    counts: &Value,
    k: i64,
) -> PyResult<Value> {
    let mut cum: Vec<i64> = Vec::new();
    let mut total = 0i64;
    for c in vm.iterate(counts)? {
        let Value::Int(c) = c else {
            return Err(type_error("Counts must be integers"));
        };
        total = total.checked_add(c).ok_or_else(|| crate::vm::error::overflow_error("counts too large"))?;
        cum.push(total);
    }
    if cum.len() != n {
        return Err(value_error("The number of counts does not match the population"));
    }
    cum.pop();
    if total <= 0 {
        return Err(value_error("Total of counts must be greater than zero"));
    }
    if k < 0 || k > total {
        return Err(value_error("Sample larger than population or is negative"));
    }
    let picked = obj.state.lock().sample_indices(total as usize, k as usize);
    let mut out = Vec::with_capacity(picked.len());
    for s in picked {
        let i = cum.partition_point(|&c| c <= s as i64);
        out.push(vm.get_item(population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

fn r_choices(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("choices", &["population", "weights", "cum_weights", "k"])?;
    if args.len() > 3 {
        return Err(type_error(format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let obj = this(args)?;
    let population = required(args, 0, "population", "choices")?;
    let k = match args.kwarg("k") {
        Some(v) => to_index(vm, v)?.max(0) as usize,
        None => 1,
    };
    let n = vm.len(population)?;
    let weights = arg(args, 1, "weights").filter(|w| !w.is_none());
    let cum = match (args.kwarg("cum_weights").filter(|w| !w.is_none()), weights) {
        (None, None) => {
            // One draw per pick, each followed by its lookup, so that an
            // empty population fails after one draw, as in CPython.
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let i = (obj.state.lock().mt.random() * n as f64).floor() as i64;
                out.push(vm.get_item(population, &Value::Int(i))?);
            }
            return Ok(Value::list(out));
        }
        (None, Some(w)) => {
            let items = match vm.iterate(w) {
                Ok(items) => items,
                Err(e) if matches!(w, Value::Int(_)) && e.is(&types().exc.type_error) => {
                    let shown = vm.repr(w)?;
                    return Err(type_error(format!("The number of choices must be a keyword argument: k={shown}")));
                }
                Err(e) => return Err(e),
            };
            let mut cum: Vec<Value> = Vec::with_capacity(items.len());
            for x in items {
                let next = match cum.last() {
                    Some(prev) => vm.binary_op(BinOp::Add, prev, &x)?,
                    None => x,
                };
                cum.push(next);
            }
            cum
        }
        (Some(c), None) => vm.iterate(c)?,
        (Some(_), Some(_)) => {
            return Err(type_error("Cannot specify both weights and cumulative weights"));
        }
    };
    if cum.len() != n {
        return Err(value_error("The number of weights does not match the population"));
    }
    let Some(last) = cum.last() else {
        return Err(index_error("list index out of range"));
    };
    let total = vm.binary_op(BinOp::Add, last, &Value::Float(0.0))?;
    let total = to_f64(vm, &total)?;
    if total <= 0.0 {
        return Err(value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    // Floats and ints below 2**53 compare exactly as f64s; anything else
    // is compared by Python's rules.
    let exact: Option<Vec<f64>> = cum
        .iter()
        .map(|v| match v {
            Value::Float(f) => Some(*f),
            Value::Int(i) if i.unsigned_abs() < (1 << 53) => Some(*i as f64),
            _ => None,
        })
        .collect();
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = obj.state.lock().mt.random() * total;
        let (mut lo, mut hi) = (0usize, hi);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let less = match &exact {
                Some(fs) => x < fs[mid],
                None => {
                    let r = vm.compare_op(CmpOp::Lt, &Value::Float(x), &cum[mid])?;
                    vm.truthy(&r)?
                }
            };
            if less {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(vm.get_item(population, &Value::Int(lo as i64))?);
    }
    Ok(Value::list(out))
}

// ------------------------------------------------------------ real draws

/// `a + (b - a) * u`, with Python's arithmetic on the arguments.
fn r_uniform(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let a = required(args, 0, "a", "uniform")?;
    let b = required(args, 1, "b", "uniform")?;
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        return Ok(Value::Float(x + (y - x) * draw(args)?));
    }
    // `b - a` is evaluated before the draw, as in CPython.
    let width = vm.binary_op(BinOp::Sub, b, a)?;
    let scaled = vm.binary_op(BinOp::Mul, &width, &Value::Float(draw(args)?))?;
    vm.binary_op(BinOp::Add, a, &scaled)
}

fn r_triangular(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mut low = float_arg(vm, args, 0, "low", 0.0)?;
    let mut high = float_arg(vm, args, 1, "high", 1.0)?;
    let mode = match arg(args, 2, "mode") {
        Some(v) if !v.is_none() => Some(to_f64(vm, v)?),
        _ => None,
    };
    let mut u = draw(args)?;
    let mut c = match mode {
        None => 0.5,
        // CPython catches the ZeroDivisionError and returns `low` as given.
        Some(_) if high == low => {
            return Ok(arg(args, 0, "low").cloned().unwrap_or(Value::Float(low)));
        }
        Some(m) => (m - low) / (high - low),
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

/// `mu + z * sigma` with Python arithmetic when the arguments are not floats.
fn scale(vm: &mut Vm, args: &Args, z: f64) -> PyResult<Value> {
    let mu = arg(args, 0, "mu").cloned().unwrap_or(Value::Float(0.0));
    let sigma = arg(args, 1, "sigma").cloned().unwrap_or(Value::Float(1.0));
    if let (Value::Float(m), Value::Float(s)) = (&mu, &sigma) {
        return Ok(Value::Float(m + z * s));
    }
    let t = vm.binary_op(BinOp::Mul, &Value::Float(z), &sigma)?;
    vm.binary_op(BinOp::Add, &mu, &t)
}

fn r_gauss(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = this(args)?.state.lock().gauss_z();
    scale(vm, args, z)
}

fn r_normalvariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let z = this(args)?.state.lock().normal_z();
    scale(vm, args, z)
}

fn r_lognormvariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mu = to_f64(vm, required(args, 0, "mu", "lognormvariate")?)?;
    let sigma = to_f64(vm, required(args, 1, "sigma", "lognormvariate")?)?;
    let z = this(args)?.state.lock().normal_z();
    Ok(Value::Float((mu + z * sigma).exp()))
}

fn r_expovariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lambd = to_f64(vm, required(args, 0, "lambd", "expovariate")?)?;
    let u = draw(args)?;
    if lambd == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(Value::Float(-(1.0 - u).ln() / lambd))
}

fn r_vonmisesvariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let mu = to_f64(vm, required(args, 0, "mu", "vonmisesvariate")?)?;
    let kappa = to_f64(vm, required(args, 1, "kappa", "vonmisesvariate")?)?;
    Ok(Value::Float(this(args)?.state.lock().vonmises(mu, kappa)))
}

fn r_gammavariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let alpha = to_f64(vm, required(args, 0, "alpha", "gammavariate")?)?;
    let beta = to_f64(vm, required(args, 1, "beta", "gammavariate")?)?;
    this(args)?.state.lock().gamma(alpha, beta).map(Value::Float).map_err(value_error)
}

fn r_betavariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let alpha = to_f64(vm, required(args, 0, "alpha", "betavariate")?)?;
    let beta = to_f64(vm, required(args, 1, "beta", "betavariate")?)?;
    let mut g = this(args)?.state.lock();
    let y = g.gamma(alpha, 1.0).map_err(value_error)?;
    if y == 0.0 {
        return Ok(Value::Float(0.0));
    }
    Ok(Value::Float(y / (y + g.gamma(beta, 1.0).map_err(value_error)?)))
}

fn r_paretovariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let alpha = to_f64(vm, required(args, 0, "alpha", "paretovariate")?)?;
    let u = 1.0 - draw(args)?;
    if alpha == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(Value::Float(u.powf(-1.0 / alpha)))
}

fn r_weibullvariate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let alpha = to_f64(vm, required(args, 0, "alpha", "weibullvariate")?)?;
    let beta = to_f64(vm, required(args, 1, "beta", "weibullvariate")?)?;
    let u = 1.0 - draw(args)?;
    if beta == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(Value::Float(alpha * (-u.ln()).powf(1.0 / beta)))
}

// ------------------------------------------------------------------ state

fn r_getstate(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let g = this(args)?.state.lock();
    let mut words: Vec<Value> = g.mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
    words.push(Value::Int(g.mt.index as i64));
    let gauss = g.gauss_next.map(Value::Float).unwrap_or(Value::None);
    Ok(Value::tuple(vec![Value::Int(3), Value::tuple(words), gauss]))
}

fn r_setstate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let obj = this(args)?;
    let state = required(args, 0, "state", "setstate")?;
    let Value::Tuple(t) = state else {
        return Err(type_error("state vector must be a tuple"));
    };
    let version = t.items.first().cloned().unwrap_or(Value::None);
    if !matches!(version, Value::Int(2 | 3)) || t.len() != 3 {
        let shown = vm.repr(&version)?;
        return Err(value_error(format!("state with version {shown} passed to Random.setstate() of version 3")));
    }
    let Value::Tuple(inner) = &t.items[1] else {
        return Err(type_error("state vector must be a tuple"));
    };
    if inner.len() != 625 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut mt = Mt19937::default();
    for (slot, v) in mt.state.iter_mut().zip(inner.items.iter()) {
        *slot = match v {
            Value::Int(i) if (0..=u32::MAX as i64).contains(i) => *i as u32,
            Value::Int(_) | Value::BigInt(_) => {
                return Err(crate::vm::error::overflow_error("Python int too large to convert to C unsigned long"));
            }
            other => {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name())));
            }
        };
    }
    let index = to_index(vm, &inner.items[624])?;
    if !(0..=624).contains(&index) {
        return Err(value_error("invalid state"));
    }
    mt.index = index as usize;
    let gauss = match &t.items[2] {
        Value::None => None,
        v => Some(to_f64(vm, v)?),
    };
    let mut g = obj.state.lock();
    g.mt = mt;
    g.gauss_next = gauss;
    Ok(Value::None)
}
