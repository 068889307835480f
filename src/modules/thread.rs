//! `_thread`: the low-level threading primitives `threading` is written
//! on — starting threads, the plain lock and the re-entrant lock — plus
//! the few hooks `threading` needs from the runtime (per-thread storage
//! for `threading.local`, printing an exception with its traceback).
//!
//! Every wait releases the interpreter lock (`Vm::wait_released`), so a
//! blocked thread never stops the others, and in the main thread a Ctrl-C
//! interrupts it with KeyboardInterrupt.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::observe::record::ThreadRecord;
use crate::observe::wait::{Hold, HoldSite, WaitTarget, Waiting};
use crate::runtime::class::Class;
use crate::runtime::fork_sync::{Condvar, Mutex};
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{overflow_error, runtime_error, type_error, value_error};
use crate::vm::threads::{current_ident, native_id};
use crate::vm::timeout::pytime_ns;
use crate::vm::{PyErr, PyResult, Vm};

/// `acquire`'s default timeout, -1 s: wait forever.
const UNSET_NS: i64 = -1_000_000_000;

/// `_thread.TIMEOUT_MAX`: the longest wait CPython can express, in seconds.
pub(super) const TIMEOUT_MAX: f64 = 9223372036.0;

/// A plain lock (`_thread.lock`): any thread may release it.
pub struct LockObject {
    state: Mutex<LockState>,
    cond: Condvar,
}

/// A lock's state, with who took it and where (for the deadlock report).
#[derive(Default)]
struct LockState {
    locked: bool,
    holder: u64,
    site: HoldSite,
    /// Acquisitions so far (`WaitTarget::ticket`).
    taken: u64,
}

impl LockState {
    fn take(&mut self, by: Hold) {
        self.locked = true;
        self.holder = by.serial;
        self.site = by.site;
        self.taken += 1;
    }
}

impl LockObject {
    pub fn new() -> LockObject {
        LockObject { state: Mutex::new(LockState::default()), cond: Condvar::new() }
    }

    pub(super) fn try_acquire(&self, by: Hold) -> bool {
        let mut st = self.state.lock();
        if st.locked {
            return false;
        }
        st.take(by);
        true
    }

    /// Waits until the lock is free (or `until` passes) and takes it.
    pub(super) fn acquire_until(&self, by: Hold, until: Option<Instant>) -> Option<bool> {
        let mut st = self.state.lock();
        while st.locked {
            match until {
                None => self.cond.wait(&mut st),
                Some(u) => {
                    if self.cond.wait_until(&mut st, u).timed_out() && st.locked {
                        return None;
                    }
                }
            }
        }
        st.take(by);
        Some(true)
    }

    pub(super) fn release(&self) -> bool {
        let mut st = self.state.lock();
        if !st.locked {
            return false;
        }
        st.locked = false;
        drop(st);
        self.cond.notify_one();
        true
    }

    pub(super) fn is_locked(&self) -> bool {
        self.state.lock().locked
    }

    fn repr(&self) -> String {
        let state = if self.is_locked() { "locked" } else { "unlocked" };
        let addr = self as *const LockObject as usize;
        format!("<{state} _thread.lock object at {addr:#x}>")
    }
}

impl Default for LockObject {
    fn default() -> Self {
        LockObject::new()
    }
}

impl NativeObject for LockObject {
    fn class(&self) -> PyArc<Class> {
        lock_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn wait_target(&self) -> Option<&dyn WaitTarget> {
        Some(self)
    }
}

impl WaitTarget for LockObject {
    fn ticket(&self) -> u64 {
        self.state.lock().taken
    }

    fn ready(&self, waiter: &ThreadRecord, ticket: u64) -> bool {
        let st = self.state.lock();
        !st.locked || (st.holder == waiter.serial && st.taken != ticket)
    }

    fn holder(&self) -> Option<Hold> {
        let st = self.state.lock();
        st.locked.then_some(Hold { serial: st.holder, site: st.site })
    }

    fn noun(&self) -> &'static str {
        "lock"
    }

    fn describe(&self) -> String {
        self.repr()
    }
}

/// A re-entrant lock (`_thread.RLock`): owned by one thread, counted.
pub struct RLockObject {
    state: Mutex<RLockState>,
    cond: Condvar,
}

#[derive(Clone, Copy, Default)]
struct RLockState {
    /// The owner's ident; `count` 0 means free.
    owner: u64,
    count: u64,
    /// The owner's record serial and where it took the lock.
    holder: Hold,
}

impl RLockObject {
    fn acquire_until(&self, me: u64, by: Hold, until: Option<Instant>, wait: bool) -> Option<bool> {
        let mut st = self.state.lock();
        if st.count > 0 && st.owner == me {
            st.count += 1;
            return Some(true);
        }
        while st.count > 0 {
            if !wait {
                return Some(false);
            }
            match until {
                None => self.cond.wait(&mut st),
                Some(u) => {
                    if self.cond.wait_until(&mut st, u).timed_out() && st.count > 0 {
                        return None;
                    }
                }
            }
        }
        *st = RLockState { owner: me, count: 1, holder: by };
        Some(true)
    }

    pub(super) fn owned_by(&self, me: u64) -> bool {
        let st = self.state.lock();
        st.count > 0 && st.owner == me
    }

    /// Releases every level at once (for `Condition.wait`); returns the
    /// (owner, count) to restore, or None if the lock was not held.
    pub(super) fn release_all(&self) -> Option<(u64, u64)> {
        let mut st = self.state.lock();
        if st.count == 0 {
            return None;
        }
        let saved = (st.owner, st.count);
        st.owner = 0;
        st.count = 0;
        drop(st);
        self.cond.notify_one();
        Some(saved)
    }

    /// Takes the lock again with a saved (owner, count), waiting for it
    /// with the interpreter lock released.
    pub(super) fn restore(&self, this: &Value, owner: u64, count: u64, vm: &mut Vm) -> PyResult<()> {
        let me = current_ident();
        let by = vm.hold();
        if self.acquire_until(me, by, None, false) != Some(true) {
            vm.wait_released_for(Waiting::Object(this.clone()), None, |until| self.acquire_until(me, by, until, true))?;
        }
        let mut st = self.state.lock();
        st.owner = owner;
        st.count = count;
        Ok(())
    }

    fn repr(&self) -> String {
        let st = *self.state.lock();
        let state = if st.count > 0 { "locked" } else { "unlocked" };
        let addr = self as *const RLockObject as usize;
        format!("<{state} _thread.RLock object owner={} count={} at {addr:#x}>", st.owner, st.count)
    }
}

impl NativeObject for RLockObject {
    fn class(&self) -> PyArc<Class> {
        rlock_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn wait_target(&self) -> Option<&dyn WaitTarget> {
        Some(self)
    }
}

impl WaitTarget for RLockObject {
    fn ready(&self, waiter: &ThreadRecord, _ticket: u64) -> bool {
        let st = self.state.lock();
        st.count == 0 || st.owner == waiter.ident()
    }

    fn holder(&self) -> Option<Hold> {
        let st = self.state.lock();
        (st.count > 0).then_some(st.holder)
    }

    fn noun(&self) -> &'static str {
        "RLock"
    }

    fn describe(&self) -> String {
        self.repr()
    }
}

fn lock_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("acquire", lock_acquire),
                ("acquire_lock", lock_acquire),
                ("__enter__", lock_acquire),
                ("release", lock_release),
                ("release_lock", lock_release),
                ("__exit__", lock_exit),
                ("locked", lock_locked),
                ("locked_lock", lock_locked),
                ("__repr__", lock_repr),
            ];
            let cls = make("lock", &types().object_type, None, &methods);
            *cls.module.lock() = Value::str("_thread");
            cls
        })
        .clone()
}

pub(super) fn rlock_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("acquire", rlock_acquire),
                ("__enter__", rlock_acquire),
                ("release", rlock_release),
                ("__exit__", rlock_exit),
                ("_is_owned", rlock_is_owned),
                ("_release_save", rlock_release_save),
                ("_acquire_restore", rlock_acquire_restore),
                ("_recursion_count", rlock_recursion_count),
                ("__repr__", rlock_repr),
            ];
            let cls = make("RLock", &types().object_type, Some(rlock_new), &methods);
            *cls.module.lock() = Value::str("_thread");
            cls
        })
        .clone()
}

/// Builds `_thread`.
pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_thread");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("stack_size", stack_size),
        ("exit", thread_exit),
        ("exit_thread", thread_exit),
        ("interrupt_main", interrupt_main),
        ("_local_storage", local_storage),
        ("_print_exception", print_exception),
        ("_is_main_thread", is_main_thread),
        ("_describe", describe),
    ];
    m.set_functions(&functions);
    m.set("LockType", Value::Class(lock_class()));
    m.set("RLock", Value::Class(rlock_class()));
    m.set("_Condition", Value::Class(super::thread_condition::condition_class()));
    m.set("error", Value::Class(types().exc.runtime_error.clone()));
    m.set("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    Ok(PyArc::new(m))
}

// ------------------------------------------------------------ functions

fn start_new_thread(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("start_new_thread")?;
    args.between("start_new_thread", 2, 3, args.len())?;
    let func = args.pos[0].clone();
    if !super::builtins::functions::is_callable(&func) {
        return Err(type_error("first arg must be callable"));
    }
    let Value::Tuple(t) = &args.pos[1] else {
        return Err(type_error("2nd arg must be a tuple"));
    };
    let pos = t.items.to_vec();
    let kw = match args.pos.get(2) {
        None => Vec::new(),
        Some(Value::Dict(d)) => {
            let mut kw = Vec::new();
            for (k, v) in d.items() {
                let Value::Str(k) = k else {
                    return Err(type_error("keywords must be strings"));
                };
                kw.push((k, v));
            }
            kw
        }
        Some(_) => return Err(type_error("optional 3rd arg must be a dictionary")),
    };
    let ident = vm.start_thread(func, pos, kw)?;
    Ok(Value::Int(ident as i64))
}

/// `_thread.exit()`: ends the calling thread quietly (raises SystemExit).
fn thread_exit(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("exit", 0, args.len())?;
    Err(PyErr::with_args(&types().exc.system_exit, Vec::new()))
}

/// `_thread.interrupt_main()`: raises KeyboardInterrupt in the main thread
/// at its next eval-breaker point, as a Ctrl-C does.
fn interrupt_main(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    crate::vm::signals::simulate(&vm.shared.gil, libc::SIGINT);
    Ok(Value::None)
}

fn allocate_lock(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("allocate_lock", 0, args.len())?;
    Ok(Value::native(Arc::new(LockObject::new())))
}

fn get_ident(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Int(current_ident() as i64))
}

fn get_native_id(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Int(native_id() as i64))
}

/// `stack_size([size])`: pyl picks its own thread stacks; reports 0
/// ("the default") and accepts the sizes CPython accepts.
fn stack_size(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some(v) = args.pos.first() {
        let n = crate::runtime::args::to_index(vm, v)?;
        if n != 0 && n < 32768 {
            return Err(value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(Value::Int(0))
}

/// The calling thread's storage for `threading.local` (freed with the thread).
fn local_storage(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Dict(vm.thread.locals.clone()))
}

/// `_describe(name, daemon, ident=None)`: tells the instruments the name
/// and daemon flag of a thread (the calling one, or the live one with
/// `ident`), so reports say `Thread-1 (worker)` rather than a number.
fn describe(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("_describe", 2, 3, args.len())?;
    let name = vm.str(&args.pos[0])?;
    let daemon = vm.truthy(&args.pos[1])?;
    let record = match args.pos.get(2) {
        None | Some(Value::None) => Some(vm.thread.record.clone()),
        Some(v) => {
            let ident = crate::runtime::args::to_index(vm, v)? as u64;
            vm.shared.observe.find(ident)
        }
    };
    if let Some(r) = record {
        r.set_name(&name);
        r.set_daemon(daemon);
    }
    Ok(Value::None)
}

fn is_main_thread(vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.thread.is_main))
}

/// `_print_exception(exc)`: the traceback and message on stderr, as
/// CPython's `traceback` module prints them for threading's excepthook.
fn print_exception(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some(Value::Instance(inst)) = args.pos.first()
        && inst.exc().is_some()
    {
        vm.print_traceback(&PyErr(inst.clone()));
    }
    Ok(Value::None)
}

// --------------------------------------------------------- acquire logic

/// The `(blocking=True, timeout=-1)` arguments of `acquire`, checked as
/// CPython does; returns None for "wait forever".
fn wait_args(vm: &mut Vm, args: &Args) -> PyResult<(bool, Option<Duration>)> {
    args.allow_kwargs("acquire", &["blocking", "timeout"])?;
    if args.len() > 3 {
        return Err(type_error(format!("acquire() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let blocking = match args.get(1, "blocking") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    // CPython converts first, so a bad timeout fails even when unused.
    let timeout_ns = match args.get(2, "timeout") {
        Some(v) => pytime_ns(vm, v)?,
        None => UNSET_NS,
    };
    if !blocking && timeout_ns != UNSET_NS {
        return Err(value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout_ns < 0 && timeout_ns != UNSET_NS {
        return Err(value_error("timeout value must be positive"));
    }
    if timeout_ns as f64 / 1e9 > TIMEOUT_MAX {
        return Err(overflow_error("timeout value is too large"));
    }
    let timeout = (timeout_ns != UNSET_NS).then(|| Duration::from_nanos(timeout_ns as u64));
    Ok((blocking, timeout))
}

fn this_lock<'a>(args: &'a Args) -> PyResult<&'a LockObject> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<LockObject>())
        .ok_or_else(|| type_error("descriptor requires a '_thread.lock' object"))
}

fn this_rlock<'a>(args: &'a Args) -> PyResult<&'a RLockObject> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<RLockObject>())
        .ok_or_else(|| type_error("descriptor requires a '_thread.RLock' object"))
}

pub(super) fn lock_acquire(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lock = this_lock(args)?;
    let by = vm.hold();
    if args.len() == 1 && args.kw.is_empty() && lock.try_acquire(by) {
        return Ok(Value::Bool(true));
    }
    let (blocking, timeout) = wait_args(vm, args)?;
    if lock.try_acquire(by) {
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout == Some(Duration::ZERO) {
        return Ok(Value::Bool(false));
    }
    if spin(vm, || lock.try_acquire(by)) {
        return Ok(Value::Bool(true));
    }
    let deadline = timeout.and_then(crate::vm::timeout::deadline_after);
    let what = Waiting::Object(args.pos[0].clone());
    let got = vm.wait_released_for(what, deadline, |until| lock.acquire_until(by, until))?;
    Ok(Value::Bool(got.unwrap_or(false)))
}

/// Without the GIL the thread holding a lock is running on another core
/// and usually lets go within microseconds: retrying briefly is much
/// cheaper than going to sleep and being woken. With the GIL the holder
/// cannot run while this thread holds the interpreter lock, so no spinning.
fn spin(vm: &Vm, mut try_take: impl FnMut() -> bool) -> bool {
    if vm.shared.gil.is_enabled() {
        return false;
    }
    for i in 0..64 {
        if try_take() {
            return true;
        }
        if i < 48 {
            for _ in 0..(1 << (i / 8)) {
                std::hint::spin_loop();
            }
        } else {
            std::thread::yield_now();
        }
    }
    false
}

pub(super) fn lock_release(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if !this_lock(args)?.release() {
        return Err(runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

pub(super) fn lock_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    lock_release(vm, &Args::new(&args.pos[..1]))
}

fn lock_locked(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(this_lock(args)?.is_locked()))
}

fn lock_repr(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(this_lock(args)?.repr()))
}

fn rlock_new(_vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(type_error("RLock() takes no arguments"));
    }
    Ok(Value::native(Arc::new(RLockObject { state: Mutex::new(RLockState::default()), cond: Condvar::new() })))
}

pub(super) fn rlock_acquire(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lock = this_rlock(args)?;
    let me = current_ident();
    let by = vm.hold();
    if args.len() == 1 && args.kw.is_empty() && lock.acquire_until(me, by, None, false) == Some(true) {
        return Ok(Value::Bool(true));
    }
    let (blocking, timeout) = wait_args(vm, args)?;
    if lock.acquire_until(me, by, None, false) == Some(true) {
        return Ok(Value::Bool(true));
    }
    if !blocking || timeout == Some(Duration::ZERO) {
        return Ok(Value::Bool(false));
    }
    if spin(vm, || lock.acquire_until(me, by, None, false) == Some(true)) {
        return Ok(Value::Bool(true));
    }
    let deadline = timeout.and_then(crate::vm::timeout::deadline_after);
    let what = Waiting::Object(args.pos[0].clone());
    let got = vm.wait_released_for(what, deadline, |until| lock.acquire_until(me, by, until, true))?;
    Ok(Value::Bool(got.unwrap_or(false)))
}

pub(super) fn rlock_release(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lock = this_rlock(args)?;
    let mut st = lock.state.lock();
    if st.count == 0 || st.owner != current_ident() {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    st.count -= 1;
    if st.count == 0 {
        st.owner = 0;
        drop(st);
        lock.cond.notify_one();
    }
    Ok(Value::None)
}

pub(super) fn rlock_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    rlock_release(vm, &Args::new(&args.pos[..1]))
}

fn rlock_is_owned(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(this_rlock(args)?.owned_by(current_ident())))
}

/// For `Condition.wait`: releases completely, returns `(count, owner)`.
fn rlock_release_save(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (owner, count) =
        this_rlock(args)?.release_all().ok_or_else(|| runtime_error("cannot release un-acquired lock"))?;
    Ok(Value::tuple(vec![Value::Int(count as i64), Value::Int(owner as i64)]))
}

/// For `Condition.wait`: takes the lock again with the saved count.
fn rlock_acquire_restore(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lock = this_rlock(args)?;
    let (count, owner) = match args.pos.get(1) {
        Some(Value::Tuple(t)) if t.len() == 2 => match (&t.items[0], &t.items[1]) {
            (Value::Int(c), Value::Int(o)) => (*c as u64, *o as u64),
            _ => return Err(type_error("_acquire_restore() argument must be a (count, owner) tuple")),
        },
        _ => return Err(type_error("_acquire_restore() argument must be a (count, owner) tuple")),
    };
    lock.restore(&args.pos[0], owner, count, vm)?;
    Ok(Value::None)
}

fn rlock_recursion_count(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let st = this_rlock(args)?.state.lock();
    Ok(Value::Int(if st.owner == current_ident() { st.count as i64 } else { 0 }))
}

fn rlock_repr(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::str(this_rlock(args)?.repr()))
}
