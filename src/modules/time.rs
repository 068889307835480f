//! The `time` module, and the struct-sequence objects it shares with `os`.
//!
//! Contract: clocks as CPython reads them on Linux (`time()` from
//! CLOCK_REALTIME, `monotonic`/`perf_counter` from CLOCK_MONOTONIC,
//! `process_time` from CLOCK_PROCESS_CPUTIME_ID; float seconds are
//! nanoseconds / 1e9); `localtime`/`gmtime` give `time.struct_time`, a
//! read-only 9-item sequence with `tm_*` attributes (plus `tm_zone` and
//! `tm_gmtoff`) printed as CPython prints it; `mktime`, `strftime`,
//! `asctime`, `ctime` go through the C library with CPython's argument
//! checks and messages. `strptime` is not provided.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::ffi::{CStr, CString};
use std::sync::{Arc, OnceLock};

use crate::runtime::class::{Class, NativeCtor};
use crate::runtime::function::{Args, Builtin, NativeFn, Property};
use crate::runtime::module::Module;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::syntax::ast::CmpOp;
use crate::vm::error::{os_error_from_io, overflow_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

// ------------------------------------------------------------ struct seqs

/// The shape of a struct sequence type (`time.struct_time`,
/// `os.stat_result`): the names of its visible (indexable) fields, and
/// every attribute with the index of its value.
pub struct StructSeqType {
    pub module: &'static str,
    pub name: &'static str,
    pub visible: &'static [&'static str],
    pub attrs: &'static [(&'static str, usize)],
}

/// A struct sequence: a tuple of the visible values with named fields;
/// `values` may hold more (attribute-only) values after the visible ones.
pub struct StructSeq {
    pub ty: &'static StructSeqType,
    pub class: PyArc<Class>,
    pub values: Vec<Value>,
}

impl StructSeq {
    fn visible(&self) -> Value {
        Value::tuple(self.values[..self.ty.visible.len()].to_vec())
    }
}

impl NativeObject for StructSeq {
    fn class(&self) -> PyArc<Class> {
        self.class.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        let fields: Vec<String> =
            self.ty.visible.iter().zip(&self.values).map(|(n, v)| format!("{n}={}", plain_repr(v))).collect();
        Some(format!("{}.{}({})", self.ty.module, self.ty.name, fields.join(", ")))
    }
}

/// `repr` of the simple values struct sequences hold.
fn plain_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => crate::vm::convert::repr_str(s.as_str()),
        Value::Float(f) => crate::runtime::float::repr(*f),
        other => format!("{other:?}"),
    }
}

/// The class of a struct sequence type: tuple-like dunders, and one
/// read-only property per attribute. Each getter is a builtin bound to
/// the attribute's index, so one Rust function serves every field.
pub fn structseq_class(ty: &'static StructSeqType, ctor: Option<NativeCtor>) -> PyArc<Class> {
    let methods: Vec<(&'static str, NativeFn)> = vec![
        ("__getitem__", seq_getitem as NativeFn),
        ("__len__", seq_len),
        ("__iter__", seq_iter),
        ("__eq__", seq_eq),
        ("__ne__", seq_ne),
        ("__lt__", seq_lt),
        ("__le__", seq_le),
        ("__gt__", seq_gt),
        ("__ge__", seq_ge),
        // Explicit: `object.__repr__` would be found first otherwise.
        ("__repr__", seq_repr),
    ];
    // Based on object, not tuple: tuple's own methods expect a real tuple.
    let cls = make(ty.name, &types().object_type, ctor, &methods);
    *cls.module.lock() = Value::str(ty.module);
    let getter = Value::Builtin(PyArc::new(Builtin::new("field", seq_field)));
    for (name, index) in ty.attrs {
        let fget = Value::bound_method(Value::Int(*index as i64), getter.clone());
        let prop = Property { fget, fset: Value::None, fdel: Value::None, doc: Value::None };
        cls.dict.set_item_str(name, Value::Property(PyArc::new(prop)));
    }
    cls.dict.set_item_str("n_sequence_fields", Value::Int(ty.visible.len() as i64));
    cls.dict.set_item_str("n_fields", Value::Int(ty.attrs.len() as i64));
    cls
}

fn seq_of(v: Option<&Value>) -> PyResult<&StructSeq> {
    v.and_then(|v| v.as_native::<StructSeq>()).ok_or_else(|| type_error("descriptor requires a struct sequence"))
}

fn seq_field(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = seq_of(args.pos.get(1))?;
    let i = match args.pos.first() {
        Some(Value::Int(i)) => *i as usize,
        _ => 0,
    };
    Ok(s.values.get(i).cloned().unwrap_or(Value::None))
}

fn seq_repr(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = seq_of(args.pos.first())?;
    Ok(Value::str(s.repr().unwrap_or_default()))
}

fn seq_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = seq_of(args.pos.first())?.visible();
    let key = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.get_item(&t, &key)
}

fn seq_len(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(seq_of(args.pos.first())?.ty.visible.len() as i64))
}

fn seq_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let t = seq_of(args.pos.first())?.visible();
    vm.get_iter(&t)
}

/// Compares as tuples; NotImplemented against anything else.
fn seq_compare(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult<Value> {
    let a = seq_of(args.pos.first())?.visible();
    let b = match args.pos.get(1) {
        Some(v @ Value::Tuple(_)) => v.clone(),
        Some(v) => match v.as_native::<StructSeq>() {
            Some(s) => s.visible(),
            None => return Ok(Value::NotImplemented),
        },
        None => return Ok(Value::NotImplemented),
    };
    vm.compare_op(op, &a, &b)
}

fn seq_eq(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_compare(vm, args, CmpOp::Eq)
}
fn seq_ne(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_compare(vm, args, CmpOp::NotEq)
}
fn seq_lt(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_compare(vm, args, CmpOp::Lt)
}
fn seq_le(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_compare(vm, args, CmpOp::LtE)
}
fn seq_gt(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_compare(vm, args, CmpOp::Gt)
}
fn seq_ge(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    seq_compare(vm, args, CmpOp::GtE)
}

// ------------------------------------------------------------ struct_time

static STRUCT_TIME: StructSeqType = StructSeqType {
    module: "time",
    name: "struct_time",
    visible: &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
    attrs: &[
        ("tm_year", 0),
        ("tm_mon", 1),
        ("tm_mday", 2),
        ("tm_hour", 3),
        ("tm_min", 4),
        ("tm_sec", 5),
        ("tm_wday", 6),
        ("tm_yday", 7),
        ("tm_isdst", 8),
        ("tm_zone", 9),
        ("tm_gmtoff", 10),
    ],
};

fn struct_time_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS.get_or_init(|| structseq_class(&STRUCT_TIME, Some(struct_time_ctor))).clone()
}

/// `time.struct_time(seq)`: 9 to 11 items.
fn struct_time_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    let Some(seq) = args.get(0, "sequence") else {
        return Err(type_error("struct_time() missing required argument 'sequence' (pos 1)"));
    };
    let mut values = vm.iterate(seq)?;
    let n = values.len();
    if n < 9 {
        return Err(type_error(format!("time.struct_time() takes an at least 9-sequence ({n}-sequence given)")));
    }
    if n > 11 {
        return Err(type_error(format!("time.struct_time() takes an at most 11-sequence ({n}-sequence given)")));
    }
    values.resize(11, Value::None);
    Ok(Value::native(Arc::new(StructSeq { ty: &STRUCT_TIME, class: struct_time_class(), values })))
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is plain integers and a nullable pointer; all-zero is a
    // valid value.
    unsafe { std::mem::zeroed() }
}

fn struct_time_from_tm(tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: the C library set tm_zone to a NUL-terminated string that
        // lives as long as the time zone data.
        Value::str(unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
    };
    let ints = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let mut values: Vec<Value> = ints.iter().map(|i| Value::Int(*i)).collect();
    values.push(zone);
    values.push(Value::Int(tm.tm_gmtoff));
    Value::native(Arc::new(StructSeq { ty: &STRUCT_TIME, class: struct_time_class(), values }))
}

// ------------------------------------------------------------------ clocks

fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a valid timespec to write into.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn seconds(ns: i128) -> Value {
    Value::Float(ns as f64 / 1e9)
}

fn nanos(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(num_bigint::BigInt::from(ns)),
    }
}

/// A clock's reading in ns; under `--schedule` the run's virtual time
/// (see `Vm::sched_clock_ns`).
fn clock_now(vm: &mut Vm, clock: libc::clockid_t) -> i128 {
    vm.sched_clock_ns(clock == libc::CLOCK_REALTIME).unwrap_or_else(|| clock_ns(clock))
}
fn time_time(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(seconds(clock_now(vm, libc::CLOCK_REALTIME)))
}
fn time_time_ns(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(nanos(clock_now(vm, libc::CLOCK_REALTIME)))
}
fn time_monotonic(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(seconds(clock_now(vm, libc::CLOCK_MONOTONIC)))
}
fn time_monotonic_ns(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(nanos(clock_now(vm, libc::CLOCK_MONOTONIC)))
}
fn time_process_time(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(seconds(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn time_process_time_ns(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(nanos(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn time_thread_time(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(seconds(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}
fn time_thread_time_ns(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(nanos(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}

/// A seconds argument as a float, with CPython's errors for non-numbers.
fn secs_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let x = match v {
        Value::Float(f) => *f,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => crate::runtime::args::to_f64(vm, v)?,
        Value::Instance(_) => crate::runtime::args::to_f64(vm, v)
            .map_err(|_| type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())))?,
        _ => {
            return Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())));
        }
    };
    if x.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    Ok(x)
}

fn time_sleep(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("sleep", 1, args.len())?;
    // CPython converts first: -inf is an OverflowError, not a negative length.
    let ns = crate::vm::timeout::pytime_ns(vm, &args.pos[0])?;
    if ns < 0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    vm.sleep(ns as f64 / 1e9)?;
    Ok(Value::None)
}

/// The time_t for an optional seconds argument (now when absent or None).
fn time_t_arg(vm: &mut Vm, args: &Args) -> PyResult<libc::time_t> {
    match args.pos.first() {
        None | Some(Value::None) => Ok((clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t),
        Some(v) => {
            let x = secs_arg(vm, v)?.floor();
            if !(x >= i64::MIN as f64 && x < i64::MAX as f64) {
                return Err(overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(x as libc::time_t)
        }
    }
}

fn broken_down(t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: both pointers are valid for the call; the _r variants are
    // thread-safe.
    let r = unsafe { if local { libc::localtime_r(&t, &mut tm) } else { libc::gmtime_r(&t, &mut tm) } };
    if r.is_null() {
        let e = std::io::Error::last_os_error();
        let e = if e.raw_os_error() == Some(0) { std::io::Error::from_raw_os_error(libc::EOVERFLOW) } else { e };
        return Err(os_error_from_io(&e, None));
    }
    Ok(tm)
}

fn time_gmtime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("gmtime", 0, 1, args.len())?;
    let t = time_t_arg(vm, args)?;
    Ok(struct_time_from_tm(&broken_down(t, false)?))
}

fn time_localtime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("localtime", 0, 1, args.len())?;
    let t = time_t_arg(vm, args)?;
    Ok(struct_time_from_tm(&broken_down(t, true)?))
}

/// A struct_time or 9-tuple as a C `tm` (CPython's `gettmarg`), plus the
/// zone name to keep alive while the `tm` is used.
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let (items, extra) = match v {
        Value::Tuple(t) => (t.items.to_vec(), None),
        _ => match v.as_native::<StructSeq>() {
            Some(s) if std::ptr::eq(s.ty, &STRUCT_TIME) => {
                (s.values[..9].to_vec(), Some((s.values[9].clone(), s.values[10].clone())))
            }
            _ => return Err(type_error("Tuple or struct_time argument required")),
        },
    };
    if items.len() != 9 {
        return Err(type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = match item {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::Float(_) => {
                return Err(type_error("'float' object cannot be interpreted as an integer"));
            }
            other => crate::runtime::args::to_index(vm, other)?,
        };
    }
    let int = |x: i64| -> PyResult<i32> {
        i32::try_from(x).map_err(|_| overflow_error("Python int too large to convert to C int"))
    };
    let mut tm = zeroed_tm();
    tm.tm_year = int(n[0] - 1900)?;
    tm.tm_mon = int(n[1] - 1)?;
    tm.tm_mday = int(n[2])?;
    tm.tm_hour = int(n[3])?;
    tm.tm_min = int(n[4])?;
    tm.tm_sec = int(n[5])?;
    tm.tm_wday = int((n[6] + 1).rem_euclid(7))?;
    tm.tm_yday = int(n[7] - 1)?;
    tm.tm_isdst = int(n[8])?;
    let mut zone = None;
    if let Some((z, off)) = extra {
        if let Value::Str(s) = z {
            zone = CString::new(s.as_str()).ok();
        }
        if let Value::Int(o) = off {
            tm.tm_gmtoff = o;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// CPython's `checktm` after the adjustments `strftime`/`asctime` make.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(())
}

/// The struct_time argument of strftime/asctime, or the local time now.
fn tm_or_now(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<(libc::tm, Option<CString>)> {
    match v {
        None => Ok((broken_down((clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t, true)?, None)),
        Some(v) => {
            let (mut tm, zone) = tm_arg(vm, v, func)?;
            check_tm(&mut tm)?;
            Ok((tm, zone))
        }
    }
}

fn time_strftime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("strftime", 1, 2, args.len())?;
    let format = crate::runtime::args::to_str(&args.pos[0], "strftime() argument 1")?;
    let (tm, _zone) = tm_or_now(vm, args.pos.get(1), "strftime")?;
    let Ok(cformat) = CString::new(format.as_str()) else {
        return Err(value_error("embedded null character"));
    };
    if format.as_str().is_empty() {
        return Ok(Value::str(""));
    }
    let mut size = 1024usize.max(format.as_str().len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` writable bytes; format and tm are valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, cformat.as_ptr(), &tm) };
        if n > 0 || size >= 256 * format.as_str().len().max(4) {
            buf.truncate(n);
            return Ok(Value::str(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

/// "Sun Jun 20 23:21:05 1993", as CPython's `_asctime` lays it out.
fn asctime_text(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn time_asctime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("asctime", 0, 1, args.len())?;
    let (tm, _zone) = tm_or_now(vm, args.pos.first(), "asctime")?;
    Ok(Value::str(asctime_text(&tm)))
}

fn time_ctime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("ctime", 0, 1, args.len())?;
    let t = time_t_arg(vm, args)?;
    Ok(Value::str(asctime_text(&broken_down(t, true)?)))
}

fn time_mktime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("mktime", 1, args.len())?;
    let (mut tm, _zone) = tm_arg(vm, &args.pos[0], "mktime")?;
    // mktime leaves tm_wday alone when it fails; -1 is also a valid result.
    tm.tm_wday = -1;
    // SAFETY: tm is a valid, initialised struct.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// `timezone`, `altzone`, `daylight`, `tzname` from the offsets of January
/// and July of this year, as CPython's `init_timezone` computes them.
fn set_timezone(m: &Module) {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = (clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as i64;
    let jan_t = now / YEAR * YEAR;
    let zone_of = |t: i64| -> (i64, String) {
        match broken_down(t as libc::time_t, true) {
            Ok(tm) => {
                let name = if tm.tm_zone.is_null() {
                    String::new()
                } else {
                    // SAFETY: set by localtime_r to a NUL-terminated string.
                    unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
                };
                (-tm.tm_gmtoff, name)
            }
            Err(_) => (0, "UTC".to_string()),
        }
    };
    let (jan, jan_name) = zone_of(jan_t);
    let (jul, jul_name) = zone_of(jan_t + YEAR / 2);
    let (tz, alt, names) = if jan < jul { (jul, jan, (jul_name, jan_name)) } else { (jan, jul, (jan_name, jul_name)) };
    m.set("timezone", Value::Int(tz));
    m.set("altzone", Value::Int(alt));
    m.set("daylight", Value::Int((jan != jul) as i64));
    m.set("tzname", Value::tuple(vec![Value::str(names.0), Value::str(names.1)]));
}

/// Builds the module.
pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    // SAFETY: tzset only reads TZ and updates the C library's zone data.
    unsafe { tzset() };
    let m = Module::new("time");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("perf_counter", time_monotonic),
        ("perf_counter_ns", time_monotonic_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("thread_time", time_thread_time),
        ("thread_time_ns", time_thread_time_ns),
        ("sleep", time_sleep),
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("mktime", time_mktime),
        ("strftime", time_strftime),
        ("asctime", time_asctime),
        ("ctime", time_ctime),
    ];
    m.set_functions(&functions);
    m.set("struct_time", Value::Class(struct_time_class()));
    set_timezone(&m);
    Ok(PyArc::new(m))
}

unsafe extern "C" {
    fn tzset();
}
