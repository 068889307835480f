//! The `os` module (POSIX only).
//!
//! Contract: processes (`getpid`, `kill`, `system`, `_exit`), the working
//! directory, files and directories (`listdir`, `mkdir`, `makedirs`,
//! `remove`, `rename`, `stat`...), the environment and a few constants,
//! with CPython 3.11's results and errors: failures raise the OSError
//! subclass for the errno, printed as "[Errno 2] No such file or
//! directory: 'x'". `os.environ` is a plain dict filled at import; changes
//! to it are seen by `getenv` and passed to `system()`'s child, as
//! CPython's mapping would pass them to any child. Paths are `str` (or
//! `__fspath__` objects); bytes paths are not supported.

use crate::runtime::pyarc::PyArc;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::sync::{Arc, OnceLock};

use super::os_path::{self, fspath};
use super::time::{StructSeq, StructSeqType, structseq_class};
use crate::runtime::args::to_index;
use crate::runtime::class::Class;
use crate::runtime::dict::PyDict;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::str::PyBytes;
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::vm::error::{os_error_from_io, type_error, value_error};
use crate::vm::{PyErr, PyResult, Vm};

/// The OSError for the current `errno`.
fn last_error(filename: Option<&str>) -> PyErr {
    os_error_from_io(&std::io::Error::last_os_error(), filename)
}

/// A path argument: str or `__fspath__`, without NUL characters.
fn path(vm: &mut Vm, v: &Value, func: &str) -> PyResult<String> {
    let s = match v {
        Value::Str(_) | Value::Instance(_) => fspath(vm, v).map_err(|e| {
            if let Value::Instance(_) = v {
                e
            } else {
                type_error(format!("{func}: path should be string, bytes or os.PathLike, not {}", v.type_name()))
            }
        })?,
        _ => {
            return Err(type_error(format!(
                "{func}: path should be string, bytes or os.PathLike, not {}",
                v.type_name()
            )));
        }
    };
    if s.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    Ok(s)
}

/// Positional-or-keyword argument `i` named `name`, required.
fn req<'a>(args: &'a Args, i: usize, name: &str, func: &str) -> PyResult<&'a Value> {
    args.get(i, name).ok_or_else(|| type_error(format!("{func}() missing required argument '{name}' (pos {})", i + 1)))
}

fn path_of(vm: &mut Vm, args: &Args, i: usize, name: &str, func: &str) -> PyResult<String> {
    let v = req(args, i, name, func)?.clone();
    path(vm, &v, func)
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize, name: &str, default: i64) -> PyResult<i64> {
    match args.get(i, name) {
        Some(v) => to_index(vm, v),
        None => Ok(default),
    }
}

fn os_getpid(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn os_getppid(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    // SAFETY: getppid cannot fail.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn os_getuid(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    // SAFETY: getuid cannot fail.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}

fn os_getgid(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    // SAFETY: getgid cannot fail.
    Ok(Value::Int(unsafe { libc::getgid() } as i64))
}

fn os_getcwd(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::str(os_path::getcwd()?))
}

fn os_chdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_of(vm, args, 0, "path", "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| os_error_from_io(&e, Some(&p)))?;
    Ok(Value::None)
}

fn os_listdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("listdir", 0, 1, args.len())?;
    let p = match args.get(0, "path") {
        None | Some(Value::None) => ".".to_string(),
        Some(v @ (Value::Str(_) | Value::Instance(_))) => path(vm, &v.clone(), "listdir")?,
        Some(v) => {
            return Err(type_error(format!(
                "listdir: path should be string, bytes, os.PathLike, integer or None, not {}",
                v.type_name()
            )));
        }
    };
    let entries = std::fs::read_dir(&p).map_err(|e| os_error_from_io(&e, Some(&p)))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| os_error_from_io(&e, Some(&p)))?;
        names.push(Value::str(entry.file_name().to_string_lossy().into_owned()));
    }
    Ok(Value::list(names))
}

fn mkdir(p: &str, mode: i64) -> PyResult<()> {
    std::fs::DirBuilder::new().mode(mode as u32).create(p).map_err(|e| os_error_from_io(&e, Some(p)))
}

fn os_mkdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("mkdir", &["path", "mode", "dir_fd"])?;
    let p = path_of(vm, args, 0, "path", "mkdir")?;
    let mode = int_arg(vm, args, 1, "mode", 0o777)?;
    mkdir(&p, mode)?;
    Ok(Value::None)
}

/// `os.makedirs`, following `Lib/os.py`: parents first, and an existing
/// directory is an error unless `exist_ok`.
fn makedirs(name: &str, mode: i64, exist_ok: bool) -> PyResult<()> {
    let (mut head, mut tail) = os_path::split(name);
    if tail.is_empty() {
        (head, tail) = os_path::split(&head);
    }
    if !head.is_empty() && !tail.is_empty() && std::fs::metadata(&head).is_err() {
        match makedirs(&head, 0o777, exist_ok) {
            Ok(()) => {}
            Err(e) if e.is(&types().exc.file_exists_error) => {}
            Err(e) => return Err(e),
        }
        if tail == "." {
            return Ok(());
        }
    }
    match mkdir(name, mode) {
        Err(e) if !exist_ok || !std::fs::metadata(name).is_ok_and(|m| m.is_dir()) => Err(e),
        _ => Ok(()),
    }
}

fn os_makedirs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("makedirs", &["name", "mode", "exist_ok"])?;
    let p = path_of(vm, args, 0, "name", "makedirs")?;
    let mode = int_arg(vm, args, 1, "mode", 0o777)?;
    let exist_ok = match args.get(2, "exist_ok") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    makedirs(&p, mode, exist_ok)?;
    Ok(Value::None)
}

fn os_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_of(vm, args, 0, "path", "remove")?;
    std::fs::remove_file(&p).map_err(|e| os_error_from_io(&e, Some(&p)))?;
    Ok(Value::None)
}

fn os_rmdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_of(vm, args, 0, "path", "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| os_error_from_io(&e, Some(&p)))?;
    Ok(Value::None)
}

/// rename/replace: CPython names both files in the error
/// (`OSError(errno, msg, src, None, dst)`).
fn os_rename(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let src = path_of(vm, args, 0, "src", "rename")?;
    let dst = path_of(vm, args, 1, "dst", "rename")?;
    if let Err(e) = std::fs::rename(&src, &dst) {
        let PyErr(inst) = os_error_from_io(&e, Some(&src));
        let errno = e.raw_os_error().unwrap_or(0);
        let msg = crate::vm::error::strerror(errno).unwrap_or_else(|| e.to_string());
        let args = vec![Value::Int(errno as i64), Value::str(msg), Value::str(src), Value::None, Value::str(dst)];
        return Err(PyErr::with_args(&inst.class(), args));
    }
    Ok(Value::None)
}

fn os_access(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_of(vm, args, 0, "path", "access")?;
    let mode = to_index(vm, req(args, 1, "mode", "access")?)?;
    let Ok(c) = std::ffi::CString::new(p) else {
        return Ok(Value::Bool(false));
    };
    // SAFETY: c is a valid NUL-terminated path.
    Ok(Value::Bool(unsafe { libc::access(c.as_ptr(), mode as i32) } == 0))
}

fn os_chmod(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_of(vm, args, 0, "path", "chmod")?;
    let mode = to_index(vm, req(args, 1, "mode", "chmod")?)?;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode as u32))
        .map_err(|e| os_error_from_io(&e, Some(&p)))?;
    Ok(Value::None)
}

fn os_readlink(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_of(vm, args, 0, "path", "readlink")?;
    let t = std::fs::read_link(&p).map_err(|e| os_error_from_io(&e, Some(&p)))?;
    Ok(Value::str(t.to_string_lossy().into_owned()))
}

fn os_symlink(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let src = path_of(vm, args, 0, "src", "symlink")?;
    let dst = path_of(vm, args, 1, "dst", "symlink")?;
    std::os::unix::fs::symlink(&src, &dst).map_err(|e| os_error_from_io(&e, Some(&src)))?;
    Ok(Value::None)
}

// ------------------------------------------------------------------ stat

static STAT_RESULT: StructSeqType = StructSeqType {
    module: "os",
    name: "stat_result",
    visible: &[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
    ],
    attrs: &[
        ("st_mode", 0),
        ("st_ino", 1),
        ("st_dev", 2),
        ("st_nlink", 3),
        ("st_uid", 4),
        ("st_gid", 5),
        ("st_size", 6),
        ("st_atime", 10),
        ("st_mtime", 11),
        ("st_ctime", 12),
        ("st_atime_ns", 13),
        ("st_mtime_ns", 14),
        ("st_ctime_ns", 15),
        ("st_blksize", 16),
        ("st_blocks", 17),
        ("st_rdev", 18),
    ],
};

fn stat_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS.get_or_init(|| structseq_class(&STAT_RESULT, None)).clone()
}

fn stat_value(m: &std::fs::Metadata) -> Value {
    let ns = |s: i64, n: i64| Value::Int(s.saturating_mul(1_000_000_000).saturating_add(n));
    let secs = |s: i64, n: i64| Value::Float(s as f64 + n as f64 * 1e-9);
    let values = vec![
        Value::Int(m.mode() as i64),
        Value::Int(m.ino() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(m.uid() as i64),
        Value::Int(m.gid() as i64),
        Value::Int(m.size() as i64),
        Value::Int(m.atime()),
        Value::Int(m.mtime()),
        Value::Int(m.ctime()),
        secs(m.atime(), m.atime_nsec()),
        secs(m.mtime(), m.mtime_nsec()),
        secs(m.ctime(), m.ctime_nsec()),
        ns(m.atime(), m.atime_nsec()),
        ns(m.mtime(), m.mtime_nsec()),
        ns(m.ctime(), m.ctime_nsec()),
        Value::Int(m.blksize() as i64),
        Value::Int(m.blocks() as i64),
        Value::Int(m.rdev() as i64),
    ];
    Value::native(Arc::new(StructSeq { ty: &STAT_RESULT, class: stat_class(), values }))
}

// ----------------------------------------------------------------- times

static TIMES_RESULT: StructSeqType = StructSeqType {
    module: "posix",
    name: "times_result",
    visible: &["user", "system", "children_user", "children_system", "elapsed"],
    attrs: &[("user", 0), ("system", 1), ("children_user", 2), ("children_system", 3), ("elapsed", 4)],
};

/// `os.times()`: CPU seconds of this process and of its waited-for
/// children, and the elapsed real time, in clock ticks as CPython reads them.
fn os_times(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("times", 0, args.len())?;
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    // SAFETY: times() only writes the struct it is given.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let secs = |v: libc::clock_t| Value::Float(v as f64 / ticks);
    let values = vec![secs(t.tms_utime), secs(t.tms_stime), secs(t.tms_cutime), secs(t.tms_cstime), secs(elapsed)];
    let class = CLASS.get_or_init(|| structseq_class(&TIMES_RESULT, None)).clone();
    Ok(Value::native(Arc::new(StructSeq { ty: &TIMES_RESULT, class, values })))
}

// ----------------------------------------------------------------- uname

static UNAME_RESULT: StructSeqType = StructSeqType {
    module: "posix",
    name: "uname_result",
    visible: &["sysname", "nodename", "release", "version", "machine"],
    attrs: &[("sysname", 0), ("nodename", 1), ("release", 2), ("version", 3), ("machine", 4)],
};

/// `os.uname()`: the kernel's own identification, from uname(2).
fn os_uname(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("uname", 0, args.len())?;
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    // SAFETY: uname() only writes the struct it is given.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        Value::str(String::from_utf8_lossy(&bytes).into_owned())
    };
    let values = vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)];
    let class = CLASS.get_or_init(|| structseq_class(&UNAME_RESULT, None)).clone();
    Ok(Value::native(Arc::new(StructSeq { ty: &UNAME_RESULT, class, values })))
}

/// The names `os.confstr` knows (CPython's `os.confstr_names` on Linux has
/// more; these are the ones programs ask for, `platform.libc_ver` first).
const CONFSTR_NAMES: &[(&str, libc::c_int)] = &[
    ("CS_PATH", libc::_CS_PATH),
    ("CS_GNU_LIBC_VERSION", libc::_CS_GNU_LIBC_VERSION),
    ("CS_GNU_LIBPTHREAD_VERSION", libc::_CS_GNU_LIBPTHREAD_VERSION),
];

/// `os.confstr(name)`: a string-valued system setting; None when the
/// setting exists but has no value.
fn os_confstr(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("confstr", 1, args.len())?;
    let name = match &args.pos[0] {
        Value::Str(s) => match CONFSTR_NAMES.iter().find(|(n, _)| *n == s.as_str()) {
            Some((_, v)) => *v,
            None => return Err(value_error("unrecognized configuration name")),
        },
        Value::Int(i) => *i as libc::c_int,
        _ => return Err(type_error("configuration names must be strings or integers")),
    };
    let mut buf = vec![0u8; 256];
    // SAFETY: errno is this thread's; confstr writes at most buf.len() bytes.
    let needed = unsafe {
        *libc::__errno_location() = 0;
        libc::confstr(name, buf.as_mut_ptr().cast(), buf.len())
    };
    if needed == 0 {
        let err = std::io::Error::last_os_error();
        return match err.raw_os_error() {
            Some(0) | None => Ok(Value::None),
            _ => Err(os_error_from_io(&err, None)),
        };
    }
    if needed > buf.len() {
        buf = vec![0u8; needed];
        // SAFETY: as above, with a buffer of the size confstr asked for.
        unsafe { libc::confstr(name, buf.as_mut_ptr().cast(), buf.len()) };
    }
    buf.truncate(needed - 1);
    Ok(Value::str(String::from_utf8_lossy(&buf).into_owned()))
}

fn do_stat(vm: &mut Vm, args: &Args, func: &str, follow: bool) -> PyResult<Value> {
    args.allow_kwargs(func, &["path", "dir_fd", "follow_symlinks"])?;
    let follow = follow
        && match args.kwarg("follow_symlinks") {
            Some(v) => vm.truthy(v)?,
            None => true,
        };
    let v = req(args, 0, "path", func)?.clone();
    if !matches!(v, Value::Str(_) | Value::Instance(_)) {
        return Err(type_error(format!(
            "{func}: path should be string, bytes, os.PathLike or integer, not {}",
            v.type_name()
        )));
    }
    let p = path(vm, &v, func)?;
    let m = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    Ok(stat_value(&m.map_err(|e| os_error_from_io(&e, Some(&p)))?))
}

fn os_stat(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    do_stat(vm, args, "stat", true)
}

fn os_lstat(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    do_stat(vm, args, "lstat", false)
}

// ----------------------------------------------------------- environment

fn environ_dict(vm: &mut Vm) -> Option<PyArc<PyDict>> {
    match vm.shared.modules.get_item_str("os") {
        Some(Value::Module(m)) => match m.get("environ") {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn os_getenv(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("getenv", 1, 2, args.len() + args.kw.len())?;
    let key = req(args, 0, "key", "getenv")?.clone();
    let default = args.get(1, "default").cloned().unwrap_or(Value::None);
    let Value::Str(k) = &key else {
        return Err(type_error(format!("str expected, not {}", key.type_name())));
    };
    match environ_dict(vm) {
        Some(d) => Ok(d.get(vm, &key)?.unwrap_or(default)),
        None => Ok(std::env::var(k.as_str()).map(Value::str).unwrap_or(default)),
    }
}

fn env_name(v: &Value, what: &str) -> PyResult<std::ffi::CString> {
    let Value::Str(s) = v else {
        return Err(type_error(format!("str expected, not {}", v.type_name())));
    };
    // An empty name is left to the C library (EINVAL), as in CPython.
    if what == "name" && s.as_str().contains('=') {
        return Err(value_error("illegal environment variable name"));
    }
    std::ffi::CString::new(s.as_str()).map_err(|_| value_error("embedded null byte"))
}

fn os_putenv(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("putenv", 2, args.len())?;
    let name = env_name(&args.pos[0], "name")?;
    let value = env_name(&args.pos[1], "value")?;
    // SAFETY: both strings are valid; the environment is only changed while
    // this thread holds the interpreter (no Rust code reads it concurrently).
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(last_error(None));
    }
    Ok(Value::None)
}

fn os_unsetenv(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("unsetenv", 1, args.len())?;
    let name = env_name(&args.pos[0], "key")?;
    // SAFETY: as in putenv.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(last_error(None));
    }
    Ok(Value::None)
}

// ------------------------------------------------------------- processes

fn os_system(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    use std::os::unix::process::ExitStatusExt;
    let cmd = crate::runtime::args::to_str(req(args, 0, "command", "system")?, "system() argument 'command'")?.clone();
    let mut child = std::process::Command::new("/bin/sh");
    child.arg("-c").arg(cmd.as_str());
    // The child gets os.environ as the program left it.
    if let Some(d) = environ_dict(vm) {
        child.env_clear();
        for (k, v) in d.items() {
            if let (Value::Str(k), Value::Str(v)) = (&k, &v) {
                child.env(k.as_str(), v.as_str());
            }
        }
    }
    // The other threads run while the child does.
    match vm.allow_threads(|| child.status()) {
        Ok(status) => Ok(Value::Int(status.into_raw() as i64)),
        Err(_) => Ok(Value::Int(127 << 8)),
    }
}

fn os_kill(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("kill", 2, args.len())?;
    let pid = to_index(vm, &args.pos[0])?;
    let sig = to_index(vm, &args.pos[1])?;
    // A signal a process sends itself must act before `kill` returns, as
    // in single-threaded CPython: sent to the process, the kernel may give
    // it to another of pyl's threads while this one runs on (a SIGSEGV
    // would let the next line print). `raise` delivers it to this thread.
    // SAFETY: getpid, raise and kill only take and return integers.
    let r = unsafe {
        if sig > 0 && pid == libc::getpid() as i64 {
            libc::raise(sig as i32)
        } else {
            libc::kill(pid as libc::pid_t, sig as i32)
        }
    };
    if r != 0 {
        return Err(last_error(None));
    }
    Ok(Value::None)
}

fn os_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("_exit", 1, args.len())?;
    let code = to_index(vm, &args.pos[0])?;
    // SAFETY: _exit ends the process at once, flushing nothing, as
    // os._exit promises.
    unsafe { libc::_exit(code as i32) }
}

fn os_cpu_count(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    // SAFETY: sysconf only reads system configuration.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n >= 1 { Value::Int(n as i64) } else { Value::None })
}

fn os_urandom(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("urandom", 1, args.len())?;
    let n = to_index(vm, &args.pos[0])?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error_from_io(&e, None))?;
    Ok(Value::Bytes(PyArc::new(PyBytes::new(buf))))
}

fn os_getlogin(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    // SAFETY: getlogin returns static storage or null, read at once.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = std::io::Error::last_os_error();
        let e = if e.raw_os_error() == Some(0) { std::io::Error::from_raw_os_error(libc::ENOTTY) } else { e };
        return Err(os_error_from_io(&e, None));
    }
    // SAFETY: non-null, NUL-terminated.
    Ok(Value::str(unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()))
}

fn os_strerror(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("strerror", 1, args.len())?;
    let code = to_index(vm, &args.pos[0])?;
    Ok(Value::str(crate::vm::error::strerror(code as i32).unwrap_or_else(|| format!("Unknown error {code}"))))
}

fn os_isatty(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("isatty", 1, args.len())?;
    let fd = to_index(vm, &args.pos[0])?;
    // SAFETY: isatty only inspects the descriptor number.
    Ok(Value::Bool(unsafe { libc::isatty(fd as i32) } == 1))
}

fn os_fspath(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("fspath", 1, args.len())?;
    if let Value::Bytes(_) = &args.pos[0] {
        return Ok(args.pos[0].clone());
    }
    fspath(vm, &args.pos[0]).map(Value::str)
}

/// `import os.path` before `os`: `os` builds and registers `os.path`
/// itself, so this only hands out that same module.
pub fn init_path(vm: &mut Vm) -> PyResult<PyArc<Module>> {
    match vm.import_module("os")?.get("path") {
        Some(Value::Module(m)) => Ok(m),
        _ => os_path::init(vm),
    }
}

/// Builds `os` and, with it, `os.path`.
pub fn init(vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("os");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("getpid", os_getpid),
        ("getppid", os_getppid),
        ("getuid", os_getuid),
        ("geteuid", os_getuid),
        ("getgid", os_getgid),
        ("getcwd", os_getcwd),
        ("chdir", os_chdir),
        ("listdir", os_listdir),
        ("mkdir", os_mkdir),
        ("makedirs", os_makedirs),
        ("remove", os_remove),
        ("unlink", os_remove),
        ("rmdir", os_rmdir),
        ("rename", os_rename),
        ("replace", os_rename),
        ("access", os_access),
        ("chmod", os_chmod),
        ("readlink", os_readlink),
        ("symlink", os_symlink),
        ("stat", os_stat),
        ("times", os_times),
        ("uname", os_uname),
        ("confstr", os_confstr),
        ("lstat", os_lstat),
        ("getenv", os_getenv),
        ("putenv", os_putenv),
        ("unsetenv", os_unsetenv),
        ("system", os_system),
        ("kill", os_kill),
        ("_exit", os_exit),
        ("cpu_count", os_cpu_count),
        ("urandom", os_urandom),
        ("getlogin", os_getlogin),
        ("strerror", os_strerror),
        ("isatty", os_isatty),
        ("fspath", os_fspath),
    ];
    m.set_functions(&functions);
    for (name, v) in [
        ("name", "posix"),
        ("sep", "/"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
        ("defpath", "/bin:/usr/bin"),
    ] {
        m.set(name, Value::str(v));
    }
    m.set("altsep", Value::None);
    for (name, v) in [("F_OK", libc::F_OK), ("R_OK", libc::R_OK), ("W_OK", libc::W_OK), ("X_OK", libc::X_OK)] {
        m.set(name, Value::Int(v as i64));
    }
    m.set("error", Value::Class(types().exc.os_error.clone()));
    m.set("stat_result", Value::Class(stat_class()));
    let names = PyDict::new();
    for (name, v) in CONFSTR_NAMES {
        names.set_item_str(name, Value::Int(*v as i64));
    }
    m.set("confstr_names", Value::new_dict(names));
    let environ = PyDict::new();
    for (k, v) in std::env::vars_os() {
        environ.set_item_str(&k.to_string_lossy(), Value::str(v.to_string_lossy().into_owned()));
    }
    m.set("environ", Value::new_dict(environ));
    // os.path is built here and registered under both of its names, so
    // `import os.path` and `os.path` are the same module object.
    let path = os_path::init(vm)?;
    vm.shared.modules.set_item_str("os.path", Value::Module(path.clone()));
    vm.shared.modules.set_item_str("posixpath", Value::Module(path.clone()));
    m.set("path", Value::Module(path));
    Ok(PyArc::new(m))
}
