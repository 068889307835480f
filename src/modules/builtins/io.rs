//! `print`, `input` and `open` with file objects (text and binary; read,
//! write, append; iteration by line; `with`).

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::str::PyBytes;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{os_error_from_io, type_error, value_error};
use crate::vm::{PyErr, PyResult, Vm};

pub fn functions() -> Vec<(&'static str, NativeFn)> {
    vec![("print", print as NativeFn), ("input", input), ("open", open)]
}

fn print(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("print", &["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &str| -> PyResult<String> {
        match args.kwarg(name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(type_error(format!("{name} must be None or a string, not {}", other.type_name()))),
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(&vm.str(other)?),
        }
    }
    out.push_str(&end);
    let flush = match args.kwarg("flush") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match args.kwarg("file") {
        None | Some(Value::None) => {
            vm.write_stdout(&out)?;
            if flush {
                vm.shared.stdout.flush().map_err(|e| crate::vm::error::os_error_from_io(&e, None))?;
            }
        }
        Some(f) => {
            let f = f.clone();
            vm.call_method(&f, "write", &[Value::str(out)])?;
            if flush {
                vm.call_method(&f, "flush", &[])?;
            }
        }
    }
    Ok(Value::None)
}

fn input(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("input", 0, 1, args.len())?;
    if let Some(p) = args.pos.first() {
        let prompt = vm.str(p)?;
        vm.write_stdout(&prompt)?;
    }
    vm.flush_std();
    // Waiting for the user releases the interpreter lock; Ctrl-C
    // interrupts it.
    let mut line = String::from_utf8_lossy(&vm.read_stdin_line()?).into_owned();
    if line.is_empty() {
        return Err(PyErr::new(&types().exc.eof_error, "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Ok(Value::str(line))
}

/// An open file: text or binary.
pub struct File {
    name: String,
    mode: String,
    binary: bool,
    state: Mutex<Option<Handle>>,
}

struct Handle {
    file: std::fs::File,
    /// Bytes read ahead from the file, not yet returned.
    pending: Vec<u8>,
    write_buf: Vec<u8>,
}

fn file_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("read", file_read as NativeFn),
                ("readline", file_readline),
                ("readlines", file_readlines),
                ("write", file_write),
                ("writelines", file_writelines),
                ("close", file_close),
                ("flush", file_flush),
                ("seek", file_seek),
                ("tell", file_tell),
                ("__enter__", file_enter),
                ("__exit__", file_exit),
                ("__iter__", file_iter),
                ("__next__", file_next),
                ("fileno", file_fileno),
                ("readable", file_readable),
                ("writable", file_writable),
            ];
            let cls = make("TextIOWrapper", &types().object_type, None, &methods);
            // Read-only data attributes, as properties over Rust getters.
            let getters: [(&'static str, NativeFn); 3] =
                [("closed", file_closed), ("name", file_name), ("mode", file_mode)];
            for (name, getter) in getters {
                let fget = Value::Builtin(PyArc::new(crate::runtime::function::Builtin::new(name, getter)));
                let prop =
                    crate::runtime::function::Property { fget, fset: Value::None, fdel: Value::None, doc: Value::None };
                cls.dict.set_item_str(name, Value::Property(PyArc::new(prop)));
            }
            cls.refresh_flags();
            cls
        })
        .clone()
}

impl Drop for File {
    fn drop(&mut self) {
        if let Some(h) = self.state.get_mut() {
            let _ = h.flush_writes();
        }
    }
}

impl NativeObject for File {
    fn class(&self) -> PyArc<Class> {
        file_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self) -> Option<String> {
        let closed = self.state.lock().is_none();
        Some(if self.binary {
            format!("<_io.BufferedReader name='{}'{}>", self.name, if closed { " closed" } else { "" })
        } else {
            format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='UTF-8'>", self.name, self.mode)
        })
    }
}

fn open(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("open", &["file", "mode", "encoding", "errors", "newline", "buffering"])?;
    let name = match args.get(0, "file") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", other.type_name())));
        }
        None => {
            return Err(type_error("open() missing required argument 'file' (pos 1)"));
        }
    };
    let mode = match args.get(1, "mode") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        None => "r".to_string(),
        Some(other) => {
            return Err(type_error(format!("open() argument 'mode' must be str, not {}", other.type_name())));
        }
    };
    let valid = mode.chars().all(|c| "rwaxbt+".contains(c))
        && mode.chars().filter(|c| "rwax".contains(*c)).count() == 1
        && !(mode.contains('b') && mode.contains('t'));
    if !valid {
        return Err(value_error(format!("invalid mode: '{mode}'")));
    }
    let mut opts = std::fs::OpenOptions::new();
    let plus = mode.contains('+');
    match mode.chars().find(|c| "rwax".contains(*c)) {
        Some('r') => {
            opts.read(true).write(plus);
        }
        Some('w') => {
            opts.write(true).create(true).truncate(true).read(plus);
        }
        Some('a') => {
            opts.append(true).create(true).read(plus);
        }
        _ => {
            opts.write(true).create_new(true).read(plus);
        }
    }
    let file = opts.open(&name).map_err(|e| os_error_from_io(&e, Some(&name)))?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(crate::vm::error::os_error(
            &types().exc.is_a_directory_error,
            libc::EISDIR,
            "Is a directory",
            Some(&name),
        ));
    }
    let f = Arc::new(File {
        name,
        binary: mode.contains('b'),
        mode,
        state: Mutex::new(Some(Handle { file, pending: Vec::new(), write_buf: Vec::new() })),
    });
    // Unclosed files are flushed at exit, as CPython does at shutdown.
    let weak = Arc::downgrade(&f);
    vm.shared.exit_hooks.lock().push(Box::new(move || {
        if let Some(f) = weak.upgrade()
            && let Some(h) = f.state.lock().as_mut()
        {
            let _ = h.flush_writes();
        }
    }));
    Ok(Value::native(f))
}

fn this<'a>(args: &'a Args<'_>) -> PyResult<&'a File> {
    args.pos.first().and_then(|v| v.as_native::<File>()).ok_or_else(|| type_error("descriptor requires a file object"))
}

fn closed_error() -> PyErr {
    value_error("I/O operation on closed file.")
}

/// Runs `f` on the open handle, or fails as CPython does on a closed file.
fn with_handle<T>(file: &File, f: impl FnOnce(&mut Handle) -> std::io::Result<T>) -> PyResult<T> {
    let mut st = file.state.lock();
    let h = st.as_mut().ok_or_else(closed_error)?;
    f(h).map_err(|e| os_error_from_io(&e, Some(&file.name)))
}

/// `with_handle` for operations that may wait in the kernel (whole-file
/// and sized reads, flushes): the interpreter lock is released meanwhile,
/// as CPython does around its read and write system calls.
fn with_handle_released<T: Send>(
    vm: &Vm,
    file: &File,
    f: impl FnOnce(&mut Handle) -> std::io::Result<T> + Send,
) -> PyResult<T> {
    let r = vm.allow_threads(|| file.state.lock().as_mut().map(f));
    match r {
        None => Err(closed_error()),
        Some(r) => r.map_err(|e| os_error_from_io(&e, Some(&file.name))),
    }
}

impl Handle {
    fn flush_writes(&mut self) -> std::io::Result<()> {
        if !self.write_buf.is_empty() {
            self.file.write_all(&self.write_buf)?;
            self.write_buf.clear();
        }
        Ok(())
    }

    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush_writes()?;
        let mut out = std::mem::take(&mut self.pending);
        self.file.read_to_end(&mut out)?;
        Ok(out)
    }

    /// Reads through the next `\n` (or to the end).
    fn read_line(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush_writes()?;
        loop {
            if let Some(p) = self.pending.iter().position(|&b| b == b'\n') {
                let rest = self.pending.split_off(p + 1);
                return Ok(std::mem::replace(&mut self.pending, rest));
            }
            let mut chunk = [0u8; 8192];
            let n = self.file.read(&mut chunk)?;
            if n == 0 {
                return Ok(std::mem::take(&mut self.pending));
            }
            self.pending.extend_from_slice(&chunk[..n]);
        }
    }
}

fn to_value(file: &File, data: Vec<u8>) -> PyResult<Value> {
    if file.binary {
        return Ok(Value::Bytes(PyArc::new(PyBytes::new(data))));
    }
    match String::from_utf8(data) {
        Ok(s) => Ok(Value::str(if s.contains('\r') { s.replace("\r\n", "\n") } else { s })),
        Err(e) => Err(crate::runtime::exception::utf8_decode_error(e.as_bytes(), e.utf8_error())),
    }
}

fn check_readable(file: &File) -> PyResult<()> {
    if !(file.mode.contains('r') || file.mode.contains('+')) {
        return Err(PyErr::new(&crate::modules::io_unsupported(), "not readable"));
    }
    Ok(())
}

fn file_read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    check_readable(f)?;
    let size = match args.pos.get(1) {
        Some(Value::None) | None => -1,
        Some(v) => crate::runtime::args::to_index(vm, v)?,
    };
    let data = if size < 0 {
        with_handle_released(vm, f, |h| h.read_all())?
    } else if f.binary {
        with_handle_released(vm, f, |h| {
            h.flush_writes()?;
            let mut out = Vec::new();
            let want = size as usize;
            let take = want.min(h.pending.len());
            out.extend(h.pending.drain(..take));
            if out.len() < want {
                let mut rest = vec![0u8; want - out.len()];
                let n = h.file.read(&mut rest)?;
                out.extend_from_slice(&rest[..n]);
            }
            Ok(out)
        })?
    } else {
        // Text: `size` counts characters.
        with_handle_released(vm, f, |h| {
            h.flush_writes()?;
            let mut all = std::mem::take(&mut h.pending);
            h.file.read_to_end(&mut all)?;
            let text = String::from_utf8_lossy(&all).into_owned();
            let cut = text.char_indices().nth(size as usize).map(|(b, _)| b).unwrap_or(text.len());
            h.pending = text.as_bytes()[cut..].to_vec();
            Ok(text.as_bytes()[..cut].to_vec())
        })?
    };
    to_value(f, data)
}

fn file_readline(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    check_readable(f)?;
    let line = with_handle(f, |h| h.read_line())?;
    to_value(f, line)
}

fn file_readlines(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    check_readable(f)?;
    let mut out = Vec::new();
    loop {
        let line = with_handle(f, |h| h.read_line())?;
        if line.is_empty() {
            break;
        }
        out.push(to_value(f, line)?);
    }
    Ok(Value::list(out))
}

fn file_write(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    if f.mode.contains('r') && !f.mode.contains('+') {
        return Err(PyErr::new(&crate::modules::io_unsupported(), "not writable"));
    }
    let (data, count) = match (args.pos.get(1), f.binary) {
        (Some(Value::Str(s)), false) => (s.as_str().as_bytes().to_vec(), s.char_len()),
        (Some(Value::Bytes(b)), true) => (b.data.to_vec(), b.data.len()),
        (Some(other), false) => {
            return Err(type_error(format!("write() argument must be str, not {}", other.type_name())));
        }
        // Any buffer: a bytearray or a memoryview.
        (Some(other), true) => match crate::runtime::bytearray::bytes_like(other) {
            Some(d) => {
                let n = d.len();
                (d, n)
            }
            None => {
                return Err(type_error(format!("a bytes-like object is required, not '{}'", other.type_name())));
            }
        },
        (None, _) => return Err(type_error("write() takes exactly one argument (0 given)")),
    };
    with_handle(f, |h| {
        h.write_buf.extend_from_slice(&data);
        if h.write_buf.len() >= 8192 {
            h.flush_writes()?;
        }
        Ok(())
    })?;
    Ok(Value::Int(count as i64))
}

fn file_writelines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = args.pos.first().cloned().unwrap_or(Value::None);
    for line in vm.iterate(args.pos.get(1).unwrap_or(&Value::None))? {
        vm.call_method(&f, "write", &[line])?;
    }
    Ok(Value::None)
}

fn file_close(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    let mut st = f.state.lock();
    if let Some(mut h) = st.take() {
        h.flush_writes().map_err(|e| os_error_from_io(&e, Some(&f.name)))?;
    }
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    with_handle_released(vm, f, |h| h.flush_writes())?;
    Ok(Value::None)
}

fn file_seek(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    let pos = crate::runtime::args::to_index(vm, args.pos.get(1).unwrap_or(&Value::Int(0)))?;
    let whence = match args.pos.get(2) {
        Some(v) => crate::runtime::args::to_index(vm, v)?,
        None => 0,
    };
    let r = with_handle(f, |h| {
        h.flush_writes()?;
        h.pending.clear();
        h.file.seek(match whence {
            1 => SeekFrom::Current(pos),
            2 => SeekFrom::End(pos),
            _ => SeekFrom::Start(pos.max(0) as u64),
        })
    })?;
    Ok(Value::Int(r as i64))
}

fn file_tell(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    let r = with_handle(f, |h| {
        h.flush_writes()?;
        let p = h.file.stream_position()?;
        Ok(p - h.pending.len() as u64)
    })?;
    Ok(Value::Int(r as i64))
}

fn file_enter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    if f.state.lock().is_none() {
        return Err(closed_error());
    }
    Ok(args.pos[0].clone())
}

fn file_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    file_close(vm, &Args::new(&args.pos[..1]))?;
    Ok(Value::Bool(false))
}

fn file_iter(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    if f.state.lock().is_none() {
        return Err(closed_error());
    }
    Ok(args.pos[0].clone())
}

fn file_next(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let line = file_readline(vm, args)?;
    let empty = match &line {
        Value::Str(s) => s.as_str().is_empty(),
        Value::Bytes(b) => b.data.is_empty(),
        _ => true,
    };
    if empty {
        return Err(crate::vm::error::stop_iteration(Value::None));
    }
    Ok(line)
}

fn file_fileno(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    use std::os::fd::AsRawFd;
    let f = this(args)?;
    let fd = with_handle(f, |h| Ok(h.file.as_raw_fd()))?;
    Ok(Value::Int(fd as i64))
}

fn file_closed(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(this(args)?.state.lock().is_none()))
}

fn file_name(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(this(args)?.name.clone()))
}

fn file_mode(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(this(args)?.mode.clone()))
}

fn file_readable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    Ok(Value::Bool(f.mode.contains('r') || f.mode.contains('+')))
}

fn file_writable(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(args)?;
    Ok(Value::Bool(!f.mode.contains('r') || f.mode.contains('+')))
}
