//! `signal`: Python handlers for signals, run by the main thread between
//! bytecodes (see `vm::signals`). Signal numbers are plain ints here
//! (CPython's are IntEnum members that print the same with `str`).

use crate::runtime::pyarc::PyArc;

use crate::Value;
use crate::runtime::args::to_index;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::vm::error::{os_error_from_io, type_error, value_error};
use crate::vm::signals;
use crate::vm::{PyResult, Vm};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

const NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGWINCH", libc::SIGWINCH),
];

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("signal");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("signal", signal_signal),
        ("getsignal", signal_getsignal),
        ("default_int_handler", default_int_handler),
        ("strsignal", strsignal),
        ("raise_signal", raise_signal),
        ("alarm", alarm),
        ("pause", pause),
    ];
    m.set_functions(&functions);
    for (name, n) in NAMES {
        m.set(name, Value::Int(*n as i64));
    }
    m.set("SIG_DFL", Value::Int(SIG_DFL));
    m.set("SIG_IGN", Value::Int(SIG_IGN));
    m.set("NSIG", Value::Int(65));
    Ok(PyArc::new(m))
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = to_index(vm, v)?;
    if !(1..65).contains(&n) {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// What `getsignal` reports before the program set anything.
fn initial_handler(vm: &Vm, sig: i32) -> Value {
    if sig == libc::SIGINT
        && signals::routed()
        && let Some(Value::Module(m)) = vm.shared.modules.get_item_str("signal")
        && let Some(h) = m.get("default_int_handler")
    {
        return h;
    }
    Value::Int(SIG_DFL)
}

fn current(vm: &Vm, sig: i32) -> Value {
    let set = vm.shared.signal_handlers.lock().get(&sig).cloned();
    set.unwrap_or_else(|| initial_handler(vm, sig))
}

/// `signal(signalnum, handler)`: returns the previous handler.
fn signal_signal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("signal", 2, args.len())?;
    let sig = signum_arg(vm, &args.pos[0])?;
    let handler = args.pos[1].clone();
    let disposition = match &handler {
        Value::Int(SIG_DFL) => Some(libc::SIG_DFL),
        Value::Int(SIG_IGN) => Some(libc::SIG_IGN),
        h if crate::modules::builtins::functions::is_callable(h) => None,
        _ => {
            return Err(type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
        }
    };
    if !vm.thread.is_main {
        return Err(value_error("signal only works in main thread of the main interpreter"));
    }
    let ok = match disposition {
        Some(d) if sig == libc::SIGINT && d == libc::SIG_DFL && signals::routed() => signals::catch(sig),
        Some(d) => signals::set_disposition(sig, d),
        None => signals::catch(sig),
    };
    if !ok || sig == libc::SIGKILL || sig == libc::SIGSTOP {
        return Err(os_error_from_io(&std::io::Error::from_raw_os_error(libc::EINVAL), None));
    }
    let previous = current(vm, sig);
    vm.shared.signal_handlers.lock().insert(sig, handler);
    Ok(previous)
}

fn signal_getsignal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("getsignal", 1, args.len())?;
    let sig = signum_arg(vm, &args.pos[0])?;
    Ok(current(vm, sig))
}

/// The default SIGINT handler: raises KeyboardInterrupt.
fn default_int_handler(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Err(crate::vm::threads::keyboard_interrupt())
}

fn strsignal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("strsignal", 1, args.len())?;
    let sig = signum_arg(vm, &args.pos[0])?;
    // SAFETY: strsignal returns a pointer to a static (or thread-local) string.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: a valid NUL-terminated string from libc.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    Ok(Value::str(s))
}

fn raise_signal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("raise_signal", 1, args.len())?;
    let sig = signum_arg(vm, &args.pos[0])?;
    // SAFETY: raise has no memory-safety preconditions.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    // A handled signal runs its Python handler before the next statement.
    if vm.thread.is_main && vm.shared.gil.take_signal() {
        vm.run_signal_handlers()?;
    }
    Ok(Value::None)
}

fn alarm(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("alarm", 1, args.len())?;
    let secs = to_index(vm, &args.pos[0])?;
    // SAFETY: alarm has no preconditions.
    Ok(Value::Int(unsafe { libc::alarm(secs.max(0) as u32) } as i64))
}

/// `pause()`: sleeps until a signal arrives (and its handler has run).
fn pause(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    let gil = vm.shared.clone();
    vm.wait_released(None, |until| {
        if gil.gil.signal_pending() {
            return Some(());
        }
        if let Some(u) = until {
            std::thread::sleep(
                u.saturating_duration_since(std::time::Instant::now()).min(std::time::Duration::from_millis(5)),
            );
        }
        gil.gil.signal_pending().then_some(())
    })?;
    if vm.thread.is_main && vm.shared.gil.take_signal() {
        vm.run_signal_handlers()?;
    }
    Ok(Value::None)
}
