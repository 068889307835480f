//! `os.path` (CPython's `posixpath`): path strings handled exactly as
//! `Lib/posixpath.py` handles them — as plain strings split on '/', not
//! with Rust's `Path` semantics (`basename('a/b/') == ''`, `join('a', '/b')
//! == '/b'`, `normpath` keeps a leading '//') — plus the queries that touch
//! the file system (`exists`, `isdir`, `getsize`, `realpath`...).
//!
//! Contract: paths are `str` or objects with `__fspath__` returning `str`
//! (bytes paths are not supported); wrong types raise CPython's
//! TypeErrors. The module is created by `os` and is the same object as
//! `os.path` and `sys.modules['os.path']`.

use crate::runtime::pyarc::PyArc;
use std::os::unix::fs::MetadataExt;

use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::value::Value;
use crate::vm::error::{os_error_from_io, type_error, value_error};
use crate::vm::{PyResult, Vm};

/// `os.fspath(v)` for str paths.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Instance(_) => match vm.call_dunder(v, "__fspath__", &[])? {
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(type_error(format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                v.type_name(),
                other.type_name()
            ))),
            None => Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", v.type_name()))),
        },
        _ => Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", v.type_name()))),
    }
}

/// `join(a, *p)`.
pub fn join(a: &str, parts: &[&str]) -> String {
    let mut path = a.to_string();
    for b in parts {
        if b.starts_with('/') {
            path = b.to_string();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

/// `split(p)`: (head, tail), trailing slashes stripped from a head that is
/// not all slashes.
pub fn split(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = p.split_at(i);
    let head = if !head.is_empty() && !head.bytes().all(|b| b == b'/') { head.trim_end_matches('/') } else { head };
    (head.to_string(), tail.to_string())
}

pub fn splitext(p: &str) -> (String, String) {
    let sep_index = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    if let Some(dot) = p.rfind('.')
        && dot as isize > sep_index
    {
        // A name made only of leading dots has no extension.
        let start = (sep_index + 1) as usize;
        if p[start..dot].bytes().any(|b| b != b'.') {
            return (p[..dot].to_string(), p[dot..].to_string());
        }
    }
    (p.to_string(), String::new())
}

pub fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    // POSIX keeps exactly two leading slashes; three or more become one.
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let out = format!("{}{}", "/".repeat(initial), comps.join("/"));
    if out.is_empty() { ".".into() } else { out }
}

pub fn getcwd() -> PyResult<String> {
    std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).map_err(|e| os_error_from_io(&e, None))
}

pub fn abspath(path: &str) -> PyResult<String> {
    if path.starts_with('/') {
        return Ok(normpath(path));
    }
    Ok(normpath(&join(&getcwd()?, &[path])))
}

/// `_joinrealpath`: resolves symbolic links one component at a time;
/// returns the path and whether it was fully resolved (no loop).
fn join_realpath(mut path: String, rest: &str, seen: &mut Vec<(String, Option<String>)>) -> (String, bool) {
    let mut rest = rest.to_string();
    if rest.starts_with('/') {
        rest.remove(0);
        path = "/".into();
    }
    while !rest.is_empty() {
        let (name, tail) = match rest.find('/') {
            Some(i) => (rest[..i].to_string(), rest[i + 1..].to_string()),
            None => (rest.clone(), String::new()),
        };
        rest = tail;
        if name.is_empty() || name == "." {
            continue;
        }
        if name == ".." {
            if path.is_empty() {
                path = "..".into();
            } else {
                let (head, last) = split(&path);
                path = if last == ".." { join(&head, &["..", ".."]) } else { head };
            }
            continue;
        }
        let newpath = join(&path, &[&name]);
        let is_link = std::fs::symlink_metadata(&newpath).map(|m| m.file_type().is_symlink()).unwrap_or(false);
        if !is_link {
            path = newpath;
            continue;
        }
        if let Some((_, resolved)) = seen.iter().find(|(k, _)| *k == newpath) {
            match resolved {
                Some(p) => {
                    path = p.clone();
                    continue;
                }
                None => return (join(&newpath, &[&rest]), false),
            }
        }
        seen.push((newpath.clone(), None));
        let target = match std::fs::read_link(&newpath) {
            Ok(t) => t.to_string_lossy().into_owned(),
            Err(_) => {
                path = newpath;
                continue;
            }
        };
        let (resolved, ok) = join_realpath(path, &target, seen);
        if !ok {
            return (join(&resolved, &[&rest]), false);
        }
        if let Some(entry) = seen.iter_mut().find(|(k, _)| *k == newpath) {
            entry.1 = Some(resolved.clone());
        }
        path = resolved;
    }
    (path, true)
}

fn path_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<String> {
    args.exactly(name, 1, args.len())?;
    fspath(vm, &args.pos[0])
}

fn p_join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(first) = args.pos.first() else {
        return Err(type_error("join() missing 1 required positional argument: 'a'"));
    };
    let a = fspath(vm, first)?;
    let mut parts = Vec::with_capacity(args.len());
    for v in &args.pos[1..] {
        match v {
            Value::Str(s) => parts.push(s.as_str().to_string()),
            Value::Instance(_) => parts.push(fspath(vm, v)?),
            Value::Bytes(_) => {
                return Err(type_error("Can't mix strings and bytes in path components"));
            }
            other => {
                return Err(type_error(format!(
                    "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                    other.type_name()
                )));
            }
        }
    }
    let refs: Vec<&str> = parts.iter().map(|s| s.as_str()).collect();
    Ok(Value::str(join(&a, &refs)))
}

fn p_split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (h, t) = split(&path_arg(vm, args, "split")?);
    Ok(Value::tuple(vec![Value::str(h), Value::str(t)]))
}

fn p_basename(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_arg(vm, args, "basename")?;
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    Ok(Value::str(&p[i..]))
}

fn p_dirname(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(split(&path_arg(vm, args, "dirname")?).0))
}

fn p_splitext(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (r, e) = splitext(&path_arg(vm, args, "splitext")?);
    Ok(Value::tuple(vec![Value::str(r), Value::str(e)]))
}

fn p_splitdrive(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = path_arg(vm, args, "splitdrive")?;
    Ok(Value::tuple(vec![Value::str(""), Value::str(p)]))
}

fn p_isabs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(path_arg(vm, args, "isabs")?.starts_with('/')))
}

fn p_normpath(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(normpath(&path_arg(vm, args, "normpath")?)))
}

fn p_normcase(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(path_arg(vm, args, "normcase")?))
}

fn p_abspath(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(abspath(&path_arg(vm, args, "abspath")?)?))
}

fn p_realpath(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("realpath", &["strict"])?;
    let Some(first) = args.pos.first() else {
        return Err(type_error("realpath() missing 1 required positional argument: 'filename'"));
    };
    let p = fspath(vm, first)?;
    let (path, _) = join_realpath(String::new(), &p, &mut Vec::new());
    Ok(Value::str(abspath(&path)?))
}

fn p_relpath(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("relpath", 1, 2, args.len())?;
    let path = fspath(vm, &args.pos[0])?;
    if path.is_empty() {
        return Err(value_error("no path specified"));
    }
    let start = match args.get(1, "start") {
        None | Some(Value::None) => ".".to_string(),
        Some(v) => fspath(vm, v)?,
    };
    let start_abs = abspath(&start)?;
    let path_abs = abspath(&path)?;
    let start_list: Vec<&str> = start_abs.split('/').filter(|x| !x.is_empty()).collect();
    let path_list: Vec<&str> = path_abs.split('/').filter(|x| !x.is_empty()).collect();
    let common = start_list.iter().zip(&path_list).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<&str> = vec![".."; start_list.len() - common];
    rel.extend_from_slice(&path_list[common..]);
    if rel.is_empty() {
        return Ok(Value::str("."));
    }
    Ok(Value::str(join(rel[0], &rel[1..])))
}

fn p_commonprefix(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("commonprefix", 1, args.len())?;
    let items = vm.iterate(&args.pos[0])?;
    let mut strs = Vec::with_capacity(items.len());
    for v in &items {
        strs.push(fspath(vm, v)?);
    }
    let Some(first) = strs.iter().min() else {
        return Ok(Value::str(""));
    };
    let Some(last) = strs.iter().max() else {
        return Ok(Value::str(""));
    };
    let n = first.chars().zip(last.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    Ok(Value::str(&first[..n]))
}

/// The environment as `os.environ` holds it, else the process's.
fn env_var(vm: &mut Vm, name: &str) -> PyResult<Option<String>> {
    if let Some(Value::Module(os)) = vm.shared.modules.get_item_str("os")
        && let Some(Value::Dict(d)) = os.get("environ")
    {
        return Ok(match d.get(vm, &Value::str(name))? {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        });
    }
    Ok(std::env::var(name).ok())
}

fn home_of(user: &str) -> Option<String> {
    let name = std::ffi::CString::new(user).ok()?;
    // SAFETY: getpwnam returns a pointer to static storage or null, read
    // at once.
    unsafe { pw_dir(libc::getpwnam(name.as_ptr())) }
}

/// The home directory of a password entry.
///
/// # Safety
/// `pw` is null or points to a valid `passwd` entry.
unsafe fn pw_dir(pw: *const libc::passwd) -> Option<String> {
    // SAFETY: checked for null before each dereference.
    unsafe {
        if pw.is_null() || (*pw).pw_dir.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr((*pw).pw_dir).to_string_lossy().into_owned())
    }
}

fn p_expanduser(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let path = path_arg(vm, args, "expanduser")?;
    if !path.starts_with('~') {
        return Ok(Value::str(path));
    }
    let i = path[1..].find('/').map(|i| i + 1).unwrap_or(path.len());
    let home = if i == 1 {
        match env_var(vm, "HOME")? {
            Some(h) => Some(h),
            // SAFETY: getuid cannot fail; getpwuid returns static storage
            // or null, read at once.
            None => unsafe { pw_dir(libc::getpwuid(libc::getuid())) },
        }
    } else {
        home_of(&path[1..i])
    };
    let Some(home) = home else {
        return Ok(Value::str(path));
    };
    let out = format!("{}{}", home.trim_end_matches('/'), &path[i..]);
    Ok(Value::str(if out.is_empty() { "/".to_string() } else { out }))
}

fn p_expandvars(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let path = path_arg(vm, args, "expandvars")?;
    let mut out = String::with_capacity(path.len());
    let mut rest = path.as_str();
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        // `$name` (ASCII word characters) or `${anything but braces}`.
        let (name, len) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(j) => (&inner[..j], j + 2),
                None => ("", 0),
            }
        } else {
            let n = after.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            (&after[..n], n)
        };
        let value = if len == 0 { None } else { env_var(vm, name)? };
        match value {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[i..i + 1 + len]),
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    Ok(Value::str(out))
}

/// The metadata of a path argument; None where CPython's `os.stat` would
/// raise OSError (the `exists`-style predicates answer False then).
fn meta(vm: &mut Vm, args: &Args, name: &str, follow: bool) -> PyResult<Option<std::fs::Metadata>> {
    let p = match args.pos.first() {
        Some(Value::Str(_) | Value::Instance(_)) => path_arg(vm, args, name)?,
        Some(other) => {
            return Err(type_error(format!(
                "stat: path should be string, bytes, os.PathLike or integer, not {}",
                other.type_name()
            )));
        }
        None => {
            return Err(type_error(format!("{name}() missing 1 required positional argument: 'path'")));
        }
    };
    if p.contains('\0') {
        return Ok(None);
    }
    Ok(if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) }.ok())
}

fn p_exists(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(meta(vm, args, "exists", true)?.is_some()))
}

fn p_lexists(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(meta(vm, args, "lexists", false)?.is_some()))
}

fn p_isfile(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(meta(vm, args, "isfile", true)?.is_some_and(|m| m.is_file())))
}

fn p_isdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(meta(vm, args, "isdir", true)?.is_some_and(|m| m.is_dir())))
}

fn p_islink(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(meta(vm, args, "islink", false)?.is_some_and(|m| m.file_type().is_symlink())))
}

/// The metadata or CPython's OSError naming the file.
fn stat_or_raise(vm: &mut Vm, args: &Args, name: &str) -> PyResult<std::fs::Metadata> {
    let p = path_arg(vm, args, name)?;
    if p.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    std::fs::metadata(&p).map_err(|e| os_error_from_io(&e, Some(&p)))
}

fn p_getsize(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(stat_or_raise(vm, args, "getsize")?.size() as i64))
}

fn seconds(secs: i64, nsecs: i64) -> Value {
    Value::Float(secs as f64 + nsecs as f64 * 1e-9)
}

fn p_getmtime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = stat_or_raise(vm, args, "getmtime")?;
    Ok(seconds(m.mtime(), m.mtime_nsec()))
}

fn p_getatime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = stat_or_raise(vm, args, "getatime")?;
    Ok(seconds(m.atime(), m.atime_nsec()))
}

fn p_getctime(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = stat_or_raise(vm, args, "getctime")?;
    Ok(seconds(m.ctime(), m.ctime_nsec()))
}

/// Builds `os.path` (named `posixpath`, as in CPython).
pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("posixpath");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("join", p_join),
        ("split", p_split),
        ("basename", p_basename),
        ("dirname", p_dirname),
        ("splitext", p_splitext),
        ("splitdrive", p_splitdrive),
        ("isabs", p_isabs),
        ("normpath", p_normpath),
        ("normcase", p_normcase),
        ("abspath", p_abspath),
        ("realpath", p_realpath),
        ("relpath", p_relpath),
        ("commonprefix", p_commonprefix),
        ("expanduser", p_expanduser),
        ("expandvars", p_expandvars),
        ("exists", p_exists),
        ("lexists", p_lexists),
        ("isfile", p_isfile),
        ("isdir", p_isdir),
        ("islink", p_islink),
        ("getsize", p_getsize),
        ("getmtime", p_getmtime),
        ("getatime", p_getatime),
        ("getctime", p_getctime),
    ];
    m.set_functions(&functions);
    for (name, v) in
        [("sep", "/"), ("curdir", "."), ("pardir", ".."), ("extsep", "."), ("pathsep", ":"), ("devnull", "/dev/null")]
    {
        m.set(name, Value::str(v));
    }
    m.set("altsep", Value::None);
    m.set("defpath", Value::str("/bin:/usr/bin"));
    Ok(PyArc::new(m))
}
