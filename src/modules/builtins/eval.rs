//! `eval`, `exec`, `locals`, `globals` and `vars`/`dir` without an
//! argument: the builtins that see the calling code's namespaces.
//!
//! As in CPython 3.11, a function's locals are its fast slots and cells;
//! `locals()` copies them into one dict per frame (made on first use and
//! refreshed on every call, so names `exec` added stay in it), and
//! `eval`/`exec` without a mapping run in that same dict. Code they run
//! reads and binds its top-level names through that mapping (compiled in
//! `Mode::Eval`/`Mode::Dynamic`), then falls back to the globals and the
//! builtins; a write never reaches the function's own variables.

use crate::runtime::pyarc::PyArc;

use crate::bytecode::code::Code;
use crate::bytecode::code::flags;
use crate::compiler::Mode;
use crate::runtime::dict::PyDict;
use crate::runtime::function::{Args, Function};
use crate::runtime::value::Value;
use crate::syntax::source::{Origin, check_text, decode};
use crate::syntax::{Span, SyntaxError};
use crate::vm::error::{type_error, value_error};
use crate::vm::traceback::syntax_error_value;
use crate::vm::{PyResult, Vm};

pub fn exec(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    run_source(vm, args, "exec")?;
    Ok(Value::None)
}

pub fn eval(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    run_source(vm, args, "eval")
}

pub fn globals(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Dict(vm.frames.last().map(|f| f.globals().clone()).unwrap_or_else(|| vm.shared.builtins.clone())))
}

/// `locals()`: the namespace of module and class code; for a function,
/// its frame's dict refreshed from its variables.
pub fn locals(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Dict(caller_locals(vm)))
}

/// The calling code's local namespace, as `locals()` returns it.
pub fn caller_locals(vm: &mut Vm) -> PyArc<PyDict> {
    let Some(f) = vm.frames.last_mut() else {
        return vm.shared.builtins.clone();
    };
    if f.code().flags & (flags::MODULE | flags::CLASS_BODY) != 0 {
        return f.locals.clone().unwrap_or_else(|| f.globals().clone());
    }
    // A function frame never reads `locals` itself (its code uses fast
    // slots), so the field holds the snapshot CPython keeps in f_locals.
    let d = f.locals.get_or_insert_with(|| PyArc::new(PyDict::new())).clone();
    let code = f.code().clone();
    for (i, name) in code.varnames.iter().enumerate() {
        sync(&d, name, vm.stack[f.base + i].clone());
    }
    for i in 0..code.ncells() {
        sync(&d, code.cell_name(i), f.cell(i).get());
    }
    d
}

/// A variable's current value into the snapshot (an unbound one leaves it).
fn sync(d: &PyDict, name: &PyArc<crate::runtime::str::PyStr>, v: Value) {
    if v.is_undef() {
        d.remove_str(name.as_str());
    } else {
        d.set_str(name.clone(), v);
    }
}

/// `exec(src[, globals[, locals]])` / `eval(...)`: the code runs with the
/// given namespaces, by default the caller's.
fn run_source(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    args.between(name, 1, 3, args.len())?;
    let compiled = match &args.pos[0] {
        Value::Code(code) => Some(code.clone()),
        _ => None,
    };
    let src = match compiled {
        Some(_) => String::new(),
        None => source_text(&args.pos[0], "<string>")
            .ok_or_else(|| type_error(format!("{name}() arg 1 must be a string, bytes or code object")))??,
    };
    let explicit_globals = match args.pos.get(1) {
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(Value::None) | None => None,
        Some(other) => {
            let what = if name == "eval" { "globals must be a dict" } else { "exec() globals must be a dict" };
            return Err(type_error(format!("{what}, not {}", other.type_name())));
        }
    };
    let explicit_locals = match args.pos.get(2) {
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(Value::None) | None => None,
        Some(other) => {
            return Err(type_error(format!("locals must be a mapping, not {}", other.type_name())));
        }
    };
    let (globals, locals) = match (explicit_globals, explicit_locals) {
        (Some(g), l) => (g, l),
        (None, l) => {
            let g = vm.frames.last().map(|f| f.globals().clone()).unwrap_or_else(|| vm.shared.builtins.clone());
            let l = l.unwrap_or_else(|| caller_locals(vm));
            (g, Some(l))
        }
    };
    // CPython gives a globals dict without builtins the interpreter's own.
    if globals.get_item_str("__builtins__").is_none() {
        globals.set_item_str("__builtins__", builtins_module(vm));
    }
    let code = match compiled {
        Some(code) => code,
        None => compile_text(src, "<string>", if name == "eval" { Mode::Eval } else { Mode::Dynamic })?,
    };
    // The module's namespace is the globals themselves: no mapping to go through.
    let locals = locals.filter(|l| !PyArc::ptr_eq(l, &globals));
    let func = PyArc::new(Function::new(code, globals, Box::new([])));
    let frame = vm.frame_for_body(func, locals);
    vm.run_frame(frame)
}

/// The text of source given as `str` or `bytes` (`None` for anything
/// else), checked as the tokenizer would.
fn source_text(value: &Value, filename: &str) -> Option<PyResult<String>> {
    let syntax = |e: crate::syntax::SyntaxError| syntax_error_value(&e, filename, "");
    Some(match value {
        Value::Str(s) => check_text(s.as_str()).map(|()| s.as_str().to_string()).map_err(syntax),
        Value::Bytes(b) => decode(&b.data, Origin::Bytes).map_err(syntax),
        _ => return None,
    })
}

/// Compiles source text as `eval`, `exec` or `compile` do.
fn compile_text(src: String, filename: &str, mode: Mode) -> PyResult<PyArc<Code>> {
    // eval ignores leading blanks (a common result of building the text).
    let text = if mode == Mode::Eval { src.trim_start_matches([' ', '\t']).to_string() } else { src };
    crate::compiler::compile_source(&text, filename, mode).map_err(|e| syntax_error_value(&e, filename, &text))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`: a code object for `exec` or `eval` to run. Mode `exec`
/// compiles as `exec()` does, `eval` one expression, `single` one
/// interactive statement whose expression values are echoed. The flags
/// (future features, AST output) are accepted and ignored.
pub fn compile(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    args.allow_kwargs("compile", &NAMES)?;
    args.between("compile", 0, 6, args.len() + args.kw.len())?;
    let required = |i: usize| {
        args.get(i, NAMES[i])
            .ok_or_else(|| type_error(format!("compile() missing required argument '{}' (pos {})", NAMES[i], i + 1)))
    };
    let (source, filename, mode) = (required(0)?, required(1)?, required(2)?);
    let filename = match filename {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
        other => {
            return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", other.type_name())));
        }
    };
    let mode = match mode {
        Value::Str(s) if s.as_str() == "exec" => Mode::Dynamic,
        Value::Str(s) if s.as_str() == "eval" => Mode::Eval,
        Value::Str(s) if s.as_str() == "single" => Mode::Interactive,
        Value::Str(_) => return Err(value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        other => {
            return Err(type_error(format!("compile() argument 'mode' must be str, not {}", other.type_name())));
        }
    };
    let src = source_text(source, &filename)
        .ok_or_else(|| type_error("compile() arg 1 must be a string, bytes or AST object"))??;
    if mode == Mode::Interactive {
        single_statement(&src, &filename)?;
    }
    Ok(Value::Code(compile_text(src, &filename, mode)?))
}

/// Mode `single` takes one statement (a compound one counts as one).
fn single_statement(src: &str, filename: &str) -> PyResult<()> {
    let module = crate::syntax::parse_module(src).map_err(|e| syntax_error_value(&e, filename, src))?;
    if let [first, _, ..] = module.as_slice() {
        let at = first.span.end as usize;
        let e = SyntaxError::new("multiple statements found while compiling a single statement", Span::new(at, at + 1));
        return Err(syntax_error_value(&e, filename, src));
    }
    Ok(())
}

/// The `builtins` module, as CPython puts it in a namespace.
fn builtins_module(vm: &mut Vm) -> Value {
    vm.shared.modules.get_item_str("builtins").unwrap_or_else(|| Value::Dict(vm.shared.builtins.clone()))
}
