//! The `sys` module.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

use crate::runtime::class::Class;
use crate::runtime::dict::PyDict;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{type_error, value_error};
use crate::vm::{Config, PyErr, PyResult, Vm};

pub const VERSION: &str = "3.11.7 (pyl 0.1.0)";

/// `sys.stdout`/`sys.stderr`/`sys.stdin` as Python objects.
pub struct StdStreamObject {
    pub fd: i32,
}

fn stream_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("write", stream_write as NativeFn),
                ("flush", stream_flush),
                ("fileno", stream_fileno),
                ("isatty", stream_isatty),
                ("readline", stream_readline),
                ("read", stream_read),
            ];
            make("TextIOWrapper", &types().object_type, None, &methods)
        })
        .clone()
}

impl NativeObject for StdStreamObject {
    fn class(&self) -> PyArc<Class> {
        stream_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        let name = match self.fd {
            0 => "<stdin>",
            1 => "<stdout>",
            _ => "<stderr>",
        };
        let mode = if self.fd == 0 { "r" } else { "w" };
        Some(format!("<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>"))
    }
}

fn stream_of(args: &Args) -> PyResult<i32> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<StdStreamObject>())
        .map(|s| s.fd)
        .ok_or_else(|| type_error("descriptor requires a stream"))
}

fn stream_write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = stream_of(args)?;
    let text = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!("write() argument must be str, not {}", other.type_name())));
        }
        None => return Err(type_error("write() takes exactly one argument (0 given)")),
    };
    let stream = if fd == 2 { &vm.shared.stderr } else { &vm.shared.stdout };
    stream.write(text.as_str()).map_err(|e| crate::vm::error::os_error_from_io(&e, None))?;
    Ok(Value::Int(text.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = stream_of(args)?;
    let stream = if fd == 2 { &vm.shared.stderr } else { &vm.shared.stdout };
    stream.flush().map_err(|e| crate::vm::error::os_error_from_io(&e, None))?;
    Ok(Value::None)
}

fn stream_fileno(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(stream_of(args)? as i64))
}

fn stream_isatty(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = stream_of(args)?;
    // SAFETY: isatty only inspects the descriptor number.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn stream_readline(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    vm.flush_std();
    let line = vm.read_stdin_line()?;
    Ok(Value::str(String::from_utf8_lossy(&line).into_owned()))
}

fn stream_read(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    vm.flush_std();
    let text = vm.read_stdin_all()?;
    Ok(Value::str(String::from_utf8_lossy(&text).into_owned()))
}

/// Builds `sys` for an interpreter configured by `config`.
pub fn create(config: &Config, modules: Value) -> PyArc<Module> {
    let m = Module::new("sys");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("exit", sys_exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("_is_gil_enabled", is_gil_enabled),
        ("_gil_stats", gil_stats),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("getdefaultencoding", getdefaultencoding),
    ];
    m.set_functions(&functions);
    m.set("argv", Value::list(config.argv.iter().map(|a| Value::str(a.clone())).collect()));
    let path0 = Value::str(config.path0.clone());
    m.set("path", Value::list(vec![path0]));
    m.set("modules", modules);
    m.set("stdin", Value::native(Arc::new(StdStreamObject { fd: 0 })));
    m.set("stdout", Value::native(Arc::new(StdStreamObject { fd: 1 })));
    m.set("stderr", Value::native(Arc::new(StdStreamObject { fd: 2 })));
    m.set("__stdout__", m.get("stdout").unwrap_or(Value::None));
    m.set("__stderr__", m.get("stderr").unwrap_or(Value::None));
    m.set("__stdin__", m.get("stdin").unwrap_or(Value::None));
    m.set("version", Value::str(VERSION));
    m.set("version_info", version_info([3, 11, 7]));
    // 3.11.7 final: 0x030B07F0, as CPython builds it from version_info.
    m.set("hexversion", Value::Int(0x030B_07F0));
    m.set("platform", Value::str(std::env::consts::OS));
    m.set("byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("float_info", float_info());
    m.set("maxunicode", Value::Int(0x10ffff));
    m.set(
        "executable",
        Value::str(std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()),
    );
    m.set("builtin_module_names", Value::tuple(vec![Value::str("builtins"), Value::str("sys")]));
    m.set("dont_write_bytecode", Value::Bool(true));
    PyArc::new(m)
}

/// `sys.exit([code])`: raises SystemExit.
pub fn sys_exit(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("exit", 0, 1, args.len())?;
    Err(PyErr::with_args(&types().exc.system_exit, args.pos.to_vec()))
}

fn getrecursionlimit(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("setrecursionlimit", 1, args.len())?;
    let n = match &args.pos[0] {
        Value::Int(n) => *n,
        Value::Float(_) => {
            return Err(type_error("'float' object cannot be interpreted as an integer"));
        }
        other => crate::runtime::args::to_index(vm, other)?,
    };
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth() {
        return Err(crate::vm::error::recursion_error_with(format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth()
        )));
    }
    vm.shared.recursion_limit.store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(match vm.handled_exception() {
        v @ Value::Instance(i) => {
            let tb = i.exc().map(|d| crate::runtime::traceback::traceback_of(&mut d.lock())).unwrap_or_default();
            Value::tuple(vec![Value::Class(i.class()), v.clone(), tb])
        }
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(match vm.handled_exception() {
        v @ Value::Instance(_) => v.clone(),
        _ => Value::None,
    })
}

fn intern(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("intern", 1, args.len())?;
    Ok(args.pos[0].clone())
}

fn getsizeof(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("getsizeof", 1, 2, args.len())?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Int(_) | Value::Bool(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        Value::List(l) => 56 + 8 * l.len() as i64,
        Value::Tuple(t) => 40 + 8 * t.len() as i64,
        Value::Dict(d) => 64 + 32 * d.len() as i64,
        _ => 48,
    }))
}

fn get_int_max_str_digits(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.shared.int_max_str_digits.load(Ordering::Relaxed) as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(v) = args.get(0, "maxdigits") else {
        return Err(type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
    };
    let n = crate::runtime::args::to_index(vm, v)?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.shared.int_max_str_digits.store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn is_gil_enabled(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.shared.gil.is_enabled()))
}

/// `sys._gil_stats(reset=False)`: what `--gil-stats` prints, as a dict
/// (`threads` is a list of one dict per thread; times in seconds). With
/// `reset=True` the figures so far are returned and counting starts again.
fn gil_stats(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("_gil_stats", &["reset"])?;
    args.between("_gil_stats", 0, 1, args.len())?;
    let reset = match args.get(0, "reset") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let shared = vm.shared.clone();
    let snap = crate::observe::stats::Snapshot::take(&shared.observe, &shared.gil);
    if reset {
        shared.observe.reset(&shared.gil);
    }
    let secs = |ns: u64| Value::Float(ns as f64 / 1e9);
    let dict = |pairs: Vec<(&str, Value)>| {
        let d = PyDict::new();
        for (k, v) in pairs {
            d.set_item_str(k, v);
        }
        Value::new_dict(d)
    };
    let threads = snap
        .threads
        .iter()
        .map(|r| {
            let t = &r.totals;
            dict(vec![
                ("name", Value::str(r.name.clone())),
                ("ident", Value::Int(r.ident as i64)),
                ("alive", Value::Bool(r.alive)),
                ("daemon", Value::Bool(r.daemon)),
                ("running", secs(t.running)),
                ("waiting", secs(t.waiting)),
                ("blocked", secs(t.blocked)),
                ("cpu", secs(t.cpu)),
                ("acquisitions", Value::Int(t.acquisitions as i64)),
                ("forced", Value::Int(t.forced as i64)),
                ("voluntary", Value::Int(t.voluntary as i64)),
            ])
        })
        .collect();
    let policy = match snap.policy {
        crate::vm::gil::SwitchPolicy::Time => format!("time:{}", snap.switch_interval),
        crate::vm::gil::SwitchPolicy::Checks(n) => format!("instructions:{n}"),
        crate::vm::gil::SwitchPolicy::Scheduled(crate::vm::schedule::Rule::Seeded(seed)) => format!("schedule:{seed}"),
        crate::vm::gil::SwitchPolicy::Scheduled(crate::vm::schedule::Rule::Every(n)) => format!("every:{n}"),
    };
    Ok(dict(vec![
        ("pid", Value::Int(snap.pid as i64)),
        ("process", Value::str(snap.process.clone())),
        ("gil", Value::Bool(snap.gil)),
        ("mode", Value::str(snap.mode())),
        ("switch", Value::str(policy)),
        ("switch_interval", Value::Float(snap.switch_interval)),
        ("wall", secs(snap.wall_ns)),
        ("cpu", secs(snap.cpu_ns)),
        ("parallelism", Value::Float(snap.parallelism())),
        ("handoffs", snap.handoffs.map_or(Value::None, |n| Value::Int(n as i64))),
        ("folded_threads", Value::Int(snap.folded.threads as i64)),
        ("threads", Value::list(threads)),
    ]))
}

fn getswitchinterval(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("getswitchinterval", 0, args.len())?;
    Ok(Value::Float(vm.shared.gil.switch_interval()))
}

fn setswitchinterval(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("setswitchinterval", 1, args.len())?;
    let secs = match &args.pos[0] {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        other => {
            return Err(type_error(format!("must be real number, not {}", other.type_name())));
        }
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    vm.shared.gil.set_switch_interval(secs);
    Ok(Value::None)
}

fn getdefaultencoding(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

/// `sys.version_info`: the language version pyl follows, as CPython's
/// struct sequence (`.major`, comparable with tuples, sliceable).
fn version_info([major, minor, micro]: [i64; 3]) -> Value {
    use crate::modules::time::{StructSeq, StructSeqType, structseq_class};
    static TYPE: StructSeqType = StructSeqType {
        module: "sys",
        name: "version_info",
        visible: &["major", "minor", "micro", "releaselevel", "serial"],
        attrs: &[("major", 0), ("minor", 1), ("micro", 2), ("releaselevel", 3), ("serial", 4)],
    };
    let values = vec![Value::Int(major), Value::Int(minor), Value::Int(micro), Value::str("final"), Value::Int(0)];
    Value::native(Arc::new(StructSeq { ty: &TYPE, class: structseq_class(&TYPE, None), values }))
}

/// The attributes of `sys` made on first use, because they are instances
/// of classes written in pyl: `sys.implementation`, a
/// `types.SimpleNamespace` describing pyl itself (its name, its own
/// version; `cache_tag` None, as pyl caches no bytecode).
pub fn lazy_attr(vm: &mut Vm, sys: &PyArc<Module>, name: &str) -> PyResult<Option<Value>> {
    if name != "implementation" {
        return Ok(None);
    }
    let namespace = vm.import_module("types")?.get("SimpleNamespace");
    let Some(namespace) = namespace else { return Ok(None) };
    let [major, minor, micro] =
        [env!("CARGO_PKG_VERSION_MAJOR"), env!("CARGO_PKG_VERSION_MINOR"), env!("CARGO_PKG_VERSION_PATCH")]
            .map(|part| part.parse().unwrap_or(0));
    let fields = PyDict::new();
    fields.set_item_str("name", Value::str("pyl"));
    fields.set_item_str("cache_tag", Value::None);
    fields.set_item_str("version", version_info([major, minor, micro]));
    // As CPython packs version_info: one byte per part, 0xF0 for "final".
    fields.set_item_str("hexversion", Value::Int((major << 24) | (minor << 16) | (micro << 8) | 0xF0));
    let value = vm.call(&namespace, &[Value::Dict(PyArc::new(fields))])?;
    sys.set("implementation", value.clone());
    Ok(Some(value))
}

/// `sys.float_info`: the properties of the platform's double.
fn float_info() -> Value {
    use crate::modules::time::{StructSeq, StructSeqType, structseq_class};
    const FIELDS: [&str; 11] = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    static TYPE: StructSeqType = StructSeqType {
        module: "sys",
        name: "float_info",
        visible: &FIELDS,
        attrs: &[
            ("max", 0),
            ("max_exp", 1),
            ("max_10_exp", 2),
            ("min", 3),
            ("min_exp", 4),
            ("min_10_exp", 5),
            ("dig", 6),
            ("mant_dig", 7),
            ("epsilon", 8),
            ("radix", 9),
            ("rounds", 10),
        ],
    };
    let values = vec![
        Value::Float(f64::MAX),
        Value::Int(f64::MAX_EXP as i64),
        Value::Int(f64::MAX_10_EXP as i64),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(f64::MIN_EXP as i64),
        Value::Int(f64::MIN_10_EXP as i64),
        Value::Int(f64::DIGITS as i64),
        Value::Int(f64::MANTISSA_DIGITS as i64),
        Value::Float(f64::EPSILON),
        Value::Int(f64::RADIX as i64),
        Value::Int(1),
    ];
    Value::native(Arc::new(StructSeq { ty: &TYPE, class: structseq_class(&TYPE, None), values }))
}
