//! Exception objects: instances of `BaseException` subclasses carrying
//! their arguments, traceback and chaining links.

use crate::runtime::pyarc::PyArc;

use super::class::Class;
use super::instance::Instance;
use super::value::Value;
use crate::bytecode::Code;

/// One traceback line: a code object and the instruction that was running.
#[derive(Clone)]
pub struct TraceEntry {
    pub code: PyArc<Code>,
    pub pc: usize,
}

#[derive(Clone)]
pub struct ExcData {
    /// Always a tuple.
    pub args: Value,
    /// Innermost frame first (the order frames were unwound).
    pub traceback: Vec<TraceEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// The `traceback` object last handed out (see `traceback.rs`).
    pub tb_object: Value,
    /// For a NameError: the dicts the name was looked up in before the
    /// builtins (locals of a class body or `exec`, then globals), so the
    /// top-level printer can suggest a near name. Empty otherwise.
    pub scopes: Vec<PyArc<super::dict::PyDict>>,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args,
            traceback: Vec::new(),
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            tb_object: Value::None,
            scopes: Vec::new(),
        }
    }
}

/// Creates an exception instance of `class` with the given args tuple.
pub fn new_exception(class: &PyArc<Class>, args: Vec<Value>) -> PyArc<Instance> {
    PyArc::new(Instance::new_exception(class.clone(), ExcData::new(Value::tuple(args))))
}

use super::class::ClassKind;
use super::function::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

macro_rules! exceptions {
    ($base:ident; $( $field:ident : $name:literal < $parent:ident ),* $(,)?) => {
        /// The builtin exception classes.
        pub struct Exceptions {
            pub base_exception: PyArc<Class>,
            $( pub $field: PyArc<Class>, )*
        }

        impl Exceptions {
            pub fn build(object: &PyArc<Class>) -> Exceptions {
                let $base = Class::builtin(
                    "BaseException",
                    vec![object.clone()],
                    ClassKind::Exception,
                    Some(exception_ctor),
                    &base_exception_methods(),
                    "BaseException",
                );
                $( let $field = derive($name, &$parent); )*
                Exceptions { base_exception: $base, $( $field, )* }
            }

            /// Every builtin exception, by name (for the builtins module).
            pub fn all(&self) -> Vec<(&'static str, PyArc<Class>)> {
                vec![("BaseException", self.base_exception.clone()), $( ($name, self.$field.clone()), )*]
            }
        }
    };
}

exceptions! {
    base_exception;
    exception: "Exception" < base_exception,
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    user_warning: "UserWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    future_warning: "FutureWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    import_warning: "ImportWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    bytes_warning: "BytesWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
}

fn derive(name: &'static str, parent: &PyArc<Class>) -> PyArc<Class> {
    let methods: Vec<(&'static str, NativeFn)> = match name {
        "KeyError" => vec![("__str__", key_error_str as NativeFn)],
        "OSError" => vec![("__str__", os_error_str as NativeFn)],
        "SyntaxError" => vec![("__str__", syntax_error_str as NativeFn)],
        "UnicodeDecodeError" | "UnicodeEncodeError" => vec![("__str__", unicode_error_str as NativeFn)],
        _ => vec![],
    };
    Class::builtin(name, vec![parent.clone()], ClassKind::Exception, None, &methods, name)
}

/// Creates an exception instance: the call's arguments become `args`.
/// `OSError(errno, ...)` becomes the subclass for that errno, as in CPython.
fn exception_ctor(_vm: &mut Vm, cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    let t = &super::types::types().exc;
    let mut cls = cls.clone();
    if PyArc::ptr_eq(&cls, &t.os_error)
        && (2..=5).contains(&args.len())
        && let Value::Int(errno) = args.pos[0]
    {
        let sub = match errno as i32 {
            libc::ENOENT => Some(&t.file_not_found_error),
            libc::EEXIST => Some(&t.file_exists_error),
            libc::EACCES | libc::EPERM => Some(&t.permission_error),
            libc::EISDIR => Some(&t.is_a_directory_error),
            libc::ENOTDIR => Some(&t.not_a_directory_error),
            libc::EPIPE => Some(&t.broken_pipe_error),
            libc::ECHILD => Some(&t.child_process_error),
            libc::ESRCH => Some(&t.process_lookup_error),
            libc::ETIMEDOUT => Some(&t.timeout_error),
            libc::EINTR => Some(&t.interrupted_error),
            libc::EAGAIN => Some(&t.blocking_io_error),
            libc::ECONNREFUSED => Some(&t.connection_refused_error),
            libc::ECONNRESET => Some(&t.connection_reset_error),
            libc::ECONNABORTED => Some(&t.connection_aborted_error),
            _ => None,
        };
        if let Some(s) = sub {
            cls = s.clone();
        }
    }
    let inst = Instance::new_exception(cls, ExcData::new(Value::tuple(args.pos.to_vec())));
    for (k, v) in args.kw {
        inst.dict.set_str(k.clone(), v.clone());
    }
    Ok(Value::new_instance(inst))
}

fn base_exception_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__init__", exc_init as NativeFn),
        ("__str__", exc_str),
        ("__repr__", exc_repr),
        ("with_traceback", exc_with_traceback),
        ("add_note", exc_add_note),
    ]
}

fn exc_data(v: &Value) -> Option<&parking_lot::Mutex<ExcData>> {
    match v {
        Value::Instance(i) => i.exc(),
        _ => None,
    }
}

fn exc_args(v: &Value) -> Vec<Value> {
    match exc_data(v).map(|d| d.lock().args.clone()) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => Vec::new(),
    }
}

fn exc_init(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some(d) = args.pos.first().and_then(exc_data) {
        d.lock().args = Value::tuple(args.rest().to_vec());
    }
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Ok(Value::str(""));
    };
    let items = exc_args(this);
    Ok(match items.len() {
        0 => Value::str(""),
        1 => Value::str(vm.str(&items[0])?),
        _ => Value::str(vm.repr(&Value::tuple(items))?),
    })
}

fn exc_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Ok(Value::str(""));
    };
    let name = this.class().name.as_str().to_string();
    let items = exc_args(this);
    Ok(Value::str(match items.len() {
        1 => format!("{name}({})", vm.repr(&items[0])?),
        _ => format!("{name}{}", vm.repr(&Value::tuple(items))?),
    }))
}

fn exc_with_traceback(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    if let Some(d) = exc_data(&this) {
        let tb = args.pos.get(1).cloned().unwrap_or(Value::None);
        if !super::traceback::set_traceback(&mut d.lock(), &tb) {
            return Err(crate::vm::error::type_error("__traceback__ must be a traceback or None"));
        }
    }
    Ok(this)
}

fn exc_add_note(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let (Some(Value::Instance(i)), Some(note)) = (args.pos.first(), args.pos.get(1)) {
        let notes = match i.dict.get_item_str("__notes__") {
            Some(Value::List(l)) => l,
            _ => {
                let l = PyArc::new(super::list::PyList::new(vec![]));
                i.dict.set_item_str("__notes__", Value::List(l.clone()));
                l
            }
        };
        notes.push(note.clone());
        let _ = vm;
    }
    Ok(Value::None)
}

fn key_error_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Ok(Value::str(""));
    };
    let items = exc_args(this);
    if items.len() == 1 {
        return Ok(Value::str(vm.repr(&items[0])?));
    }
    exc_str(vm, args)
}

/// `str(SyntaxError)`: "msg (file, line N)".
fn syntax_error_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(Value::Instance(inst)) = args.pos.first() else {
        return Ok(Value::str(""));
    };
    let msg = match inst.dict.get_item_str("msg") {
        Some(m) => vm.str(&m)?,
        None => return exc_str(vm, args),
    };
    let file = inst.dict.get_item_str("filename").and_then(|f| f.as_str().map(|s| s.as_str().to_string()));
    let line = match inst.dict.get_item_str("lineno") {
        Some(Value::Int(l)) => Some(l),
        _ => None,
    };
    Ok(Value::str(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        _ => msg,
    }))
}

fn os_error_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Ok(Value::str(""));
    };
    let items = exc_args(this);
    match items.len() {
        2 => Ok(Value::str(format!("[Errno {}] {}", vm.str(&items[0])?, vm.str(&items[1])?))),
        3..=5 => {
            Ok(Value::str(format!("[Errno {}] {}: {}", vm.str(&items[0])?, vm.str(&items[1])?, vm.repr(&items[2])?)))
        }
        _ => exc_str(vm, args),
    }
}

/// Attributes derived from an exception's arguments (`errno`, `code`...).
pub fn exception_attr(inst: &Instance, name: &str) -> Option<Value> {
    let d = inst.exc()?;
    let args = match &d.lock().args {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    let t = super::types::types();
    let cls = inst.class_ref();
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
    if cls.is_subclass(&t.exc.os_error) {
        let has_errno = (2..=5).contains(&args.len());
        return match name {
            "errno" => Some(if has_errno { arg(0) } else { Value::None }),
            "strerror" => Some(if has_errno { arg(1) } else { Value::None }),
            "filename" => Some(if has_errno { arg(2) } else { Value::None }),
            "filename2" => Some(Value::None),
            _ => None,
        };
    }
    if (cls.is_subclass(&t.exc.unicode_decode_error) || cls.is_subclass(&t.exc.unicode_encode_error)) && args.len() == 5
    {
        let i = ["encoding", "object", "start", "end", "reason"].iter().position(|n| *n == name)?;
        return Some(arg(i));
    }
    if cls.is_subclass(&t.exc.system_exit) && name == "code" {
        return Some(match args.len() {
            0 => Value::None,
            1 => arg(0),
            _ => Value::tuple(args),
        });
    }
    if cls.is_subclass(&t.exc.stop_iteration) && name == "value" {
        return Some(arg(0));
    }
    if cls.is_subclass(&t.exc.import_error) && matches!(name, "name" | "path" | "msg") {
        return Some(if name == "msg" { arg(0) } else { Value::None });
    }
    if cls.is_subclass(&t.exc.syntax_error)
        && matches!(name, "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset")
    {
        return Some(if name == "msg" { arg(0) } else { Value::None });
    }
    None
}

/// `str()` of UnicodeDecodeError / UnicodeEncodeError, from their five
/// arguments (encoding, object, start, end, reason), in CPython's words.
fn unicode_error_str(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Ok(Value::str(""));
    };
    let items = exc_args(this);
    let [Value::Str(enc), object, Value::Int(start), Value::Int(end), reason] = &items[..] else {
        return exc_str(vm, args);
    };
    let reason = vm.str(reason)?;
    let (enc, start, end) = (enc.as_str(), *start, *end);
    let one = end == start + 1;
    Ok(Value::str(match object {
        Value::Bytes(b) if one && (start as usize) < b.data.len() => {
            format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", b.data[start as usize])
        }
        Value::Bytes(_) => format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
        Value::Str(s) if one && start >= 0 && s.as_str().chars().nth(start as usize).is_some() => {
            let c = s.as_str().chars().nth(start as usize).map(|c| c as u32).unwrap_or(0);
            let shown = match c {
                0..=0xff => format!("\\x{c:02x}"),
                0x100..=0xffff => format!("\\u{c:04x}"),
                _ => format!("\\U{c:08x}"),
            };
            format!("'{enc}' codec can't encode character '{shown}' in position {start}: {reason}")
        }
        _ => format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
    }))
}

/// The UnicodeDecodeError CPython raises for bytes that are not UTF-8,
/// with its five arguments (so `start`, `end`, `reason` work).
pub fn utf8_decode_error(data: &[u8], e: std::str::Utf8Error) -> crate::vm::PyErr {
    let start = e.valid_up_to();
    let (end, reason) = match e.error_len() {
        None => (data.len(), "unexpected end of data"),
        Some(n) => {
            let lead = data.get(start).copied().unwrap_or(0);
            let bad_start = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
            (start + n, if bad_start { "invalid start byte" } else { "invalid continuation byte" })
        }
    };
    crate::vm::PyErr::with_args(
        &super::types::types().exc.unicode_decode_error,
        vec![
            Value::str("utf-8"),
            Value::Bytes(PyArc::new(super::str::PyBytes::new(data.to_vec()))),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}
