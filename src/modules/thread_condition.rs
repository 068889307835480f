//! `_thread.Condition`: the condition variable `threading.Condition` is.
//!
//! Native because every `queue.Queue` put and get, every `Event` and every
//! `Semaphore` goes through one; written in pyl the queue benchmark ran at
//! less than half CPython's speed. Semantics are CPython's: the condition
//! wraps a lock (an RLock by default, or any object with acquire/release);
//! `wait` releases that lock completely, sleeps until notified or timed
//! out, and takes the lock back before returning; `notify(n)` wakes the
//! `n` longest waiters. Waiters sleep with the interpreter lock released.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use crate::observe::record::ThreadRecord;
use crate::observe::wait::{WaitTarget, Waiting};
use crate::runtime::fork_sync::{Condvar, Mutex};

use super::thread::{LockObject, RLockObject};
use crate::runtime::args::to_f64;
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::syntax::ast::CmpOp;
use crate::vm::error::{runtime_error, type_error};
use crate::vm::threads::current_ident;
use crate::vm::timeout::{deadline_ns, deadline_secs, pytime_ns};
use crate::vm::{PyResult, Vm};

/// One waiting thread: woken by setting `notified`.
struct Waiter {
    notified: Mutex<bool>,
    cond: Condvar,
}

impl Waiter {
    fn wait_until(&self, until: Option<Instant>) -> Option<()> {
        let mut n = self.notified.lock();
        while !*n {
            match until {
                None => self.cond.wait(&mut n),
                Some(u) => {
                    if self.cond.wait_until(&mut n, u).timed_out() && !*n {
                        return None;
                    }
                }
            }
        }
        Some(())
    }

    fn wake(&self) {
        *self.notified.lock() = true;
        self.cond.notify_one();
    }
}

impl WaitTarget for Waiter {
    fn ready(&self, _waiter: &ThreadRecord, _ticket: u64) -> bool {
        *self.notified.lock()
    }

    fn noun(&self) -> &'static str {
        "condition"
    }

    fn describe(&self) -> String {
        "a notify".to_string()
    }
}

pub struct ConditionObject {
    lock: Value,
    waiters: Mutex<VecDeque<Arc<Waiter>>>,
}

/// What `wait` must restore after sleeping.
enum Saved {
    Lock,
    RLock(u64, u64),
    Other(Value),
}

impl NativeObject for ConditionObject {
    fn class(&self) -> PyArc<Class> {
        condition_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn condition_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("acquire", cond_acquire),
                ("__enter__", cond_enter),
                ("release", cond_release),
                ("__exit__", cond_exit),
                ("wait", cond_wait),
                ("wait_for", cond_wait_for),
                ("notify", cond_notify),
                ("notify_all", cond_notify_all),
                ("notifyAll", cond_notify_all_deprecated),
                ("_is_owned", cond_is_owned),
                ("__repr__", cond_repr),
            ];
            let cls = make("Condition", &types().object_type, Some(cond_new), &methods);
            *cls.module.lock() = Value::str("threading");
            cls
        })
        .clone()
}

fn cond_new(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("Condition", &["lock"])?;
    args.between("Condition", 0, 1, args.len())?;
    let lock = match args.get(0, "lock") {
        Some(v) if !v.is_none() => v.clone(),
        _ => {
            let cls = Value::Class(super::thread::rlock_class());
            vm.call(&cls, &[])?
        }
    };
    Ok(Value::native(Arc::new(ConditionObject { lock, waiters: Mutex::new(VecDeque::new()) })))
}

fn this<'a>(args: &'a Args) -> PyResult<&'a ConditionObject> {
    args.pos
        .first()
        .and_then(|v| v.as_native::<ConditionObject>())
        .ok_or_else(|| type_error("descriptor requires a 'threading.Condition' object"))
}

/// Calls `lock.name(*rest)` on the wrapped lock: directly for pyl's own
/// locks, by attribute lookup for any other lock-like object.
fn delegate(vm: &mut Vm, c: &ConditionObject, name: &'static str, args: &Args) -> PyResult<Value> {
    type Op = fn(&mut Vm, &Args) -> PyResult<Value>;
    use super::thread as t;
    let native: Option<Op> = if c.lock.as_native::<LockObject>().is_some() {
        match name {
            "acquire" | "__enter__" => Some(t::lock_acquire),
            "release" => Some(t::lock_release),
            _ => Some(t::lock_exit),
        }
    } else if c.lock.as_native::<RLockObject>().is_some() {
        match name {
            "acquire" | "__enter__" => Some(t::rlock_acquire),
            "release" => Some(t::rlock_release),
            _ => Some(t::rlock_exit),
        }
    } else {
        None
    };
    let rest = args.rest();
    match native {
        Some(op) => {
            let mut full: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::with_capacity(rest.len() + 1);
            full.push(c.lock.clone());
            full.extend(rest.iter().cloned());
            op(vm, &Args { pos: &full, kw: args.kw })
        }
        None => {
            let name = PyArc::new(crate::runtime::str::PyStr::new(name.to_string()));
            let m = vm.get_attr(&c.lock, &name)?;
            vm.call_value(&m, rest, args.kw)
        }
    }
}

fn cond_acquire(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    delegate(vm, this(args)?, "acquire", args)
}

fn cond_enter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    delegate(vm, this(args)?, "__enter__", args)
}

fn cond_release(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    delegate(vm, this(args)?, "release", args)
}

fn cond_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    delegate(vm, this(args)?, "__exit__", args)
}

/// Whether the calling thread may wait on / notify the condition. A plain
/// lock cannot tell who holds it: held by anyone counts, as in CPython.
fn is_owned(vm: &mut Vm, c: &ConditionObject) -> PyResult<bool> {
    if let Some(l) = c.lock.as_native::<LockObject>() {
        return Ok(l.is_locked());
    }
    if let Some(r) = c.lock.as_native::<RLockObject>() {
        return Ok(r.owned_by(current_ident()));
    }
    let name = PyArc::new(crate::runtime::str::PyStr::new("_is_owned".to_string()));
    if let Some(m) = vm.get_attr_or_none(&c.lock, &name)? {
        let r = vm.call(&m, &[])?;
        return vm.truthy(&r);
    }
    let r = vm.call_method(&c.lock, "acquire", &[Value::Bool(false)])?;
    if vm.truthy(&r)? {
        vm.call_method(&c.lock, "release", &[])?;
        return Ok(false);
    }
    Ok(true)
}

fn cond_is_owned(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let c = this(args)?;
    Ok(Value::Bool(is_owned(vm, c)?))
}

/// Releases the wrapped lock completely.
fn release_save(vm: &mut Vm, c: &ConditionObject) -> PyResult<Saved> {
    if let Some(l) = c.lock.as_native::<LockObject>() {
        if !l.release() {
            return Err(runtime_error("release unlocked lock"));
        }
        return Ok(Saved::Lock);
    }
    if let Some(r) = c.lock.as_native::<RLockObject>() {
        let (owner, count) = r.release_all().ok_or_else(|| runtime_error("cannot release un-acquired lock"))?;
        return Ok(Saved::RLock(owner, count));
    }
    let name = PyArc::new(crate::runtime::str::PyStr::new("_release_save".to_string()));
    if let Some(m) = vm.get_attr_or_none(&c.lock, &name)? {
        return Ok(Saved::Other(vm.call(&m, &[])?));
    }
    vm.call_method(&c.lock, "release", &[])?;
    Ok(Saved::Other(Value::None))
}

/// Takes the wrapped lock back after a wait (`wait` never returns
/// without the lock, as in CPython; a signal handler that raises while it
/// waits for it is the one way out).
fn acquire_restore(vm: &mut Vm, c: &ConditionObject, saved: Saved) -> PyResult<()> {
    match saved {
        Saved::Lock => {
            let l = c.lock.as_native::<LockObject>().expect("a Lock");
            let by = vm.hold();
            if !l.try_acquire(by) {
                let what = Waiting::Object(c.lock.clone());
                vm.wait_released_for(what, None, |until| l.acquire_until(by, until))?;
            }
        }
        Saved::RLock(owner, count) => {
            let r = c.lock.as_native::<RLockObject>().expect("an RLock");
            r.restore(&c.lock, owner, count, vm)?;
        }
        Saved::Other(state) => {
            let name = PyArc::new(crate::runtime::str::PyStr::new("_acquire_restore".to_string()));
            if let Some(m) = vm.get_attr_or_none(&c.lock, &name)? {
                vm.call(&m, &[state])?;
            } else {
                vm.call_method(&c.lock, "acquire", &[])?;
            }
        }
    }
    Ok(())
}

/// `wait(timeout=None)`: True if notified, False on timeout. `this` is the
/// Condition object itself, for the instruments.
fn wait(vm: &mut Vm, this: &Value, c: &ConditionObject, timeout: CondTimeout) -> PyResult<bool> {
    if !is_owned(vm, c)? {
        return Err(runtime_error("cannot wait on un-acquired lock"));
    }
    let waiter = Arc::new(Waiter { notified: Mutex::new(false), cond: Condvar::new() });
    c.waiters.lock().push_back(waiter.clone());
    let saved = match release_save(vm, c) {
        Ok(s) => s,
        Err(e) => {
            c.waiters.lock().retain(|w| !Arc::ptr_eq(w, &waiter));
            return Err(e);
        }
    };
    let what = Waiting::Notify(waiter.clone(), this.clone());
    let result = match timeout {
        CondTimeout::Look => Ok(waiter.wait_until(Some(Instant::now()))),
        CondTimeout::Until(deadline) => vm.wait_released_for(what, deadline, |until| waiter.wait_until(until)),
    };
    acquire_restore(vm, c, saved)?;
    let notified = matches!(result, Ok(Some(())));
    if !notified {
        c.waiters.lock().retain(|w| !Arc::ptr_eq(w, &waiter));
        // A notify that raced with the timeout still counts as a wake-up.
        if *waiter.notified.lock() {
            return result.map(|_| true);
        }
    }
    result.map(|_| notified)
}

/// How long a Condition waits.
enum CondTimeout {
    /// Only looks whether it was notified (CPython's `acquire(False)`).
    Look,
    /// Waits until then; None is forever.
    Until(Option<Instant>),
}

/// A Condition's timeout as CPython's `wait` reads it: None waits
/// forever; `timeout > 0` (a Python comparison, so a str fails as it does
/// there) waits with `lock.acquire`'s conversion of seconds (infinity and
/// NaN fail there); anything else only looks.
fn cond_timeout(vm: &mut Vm, v: Option<&Value>) -> PyResult<CondTimeout> {
    let v = match v {
        None | Some(Value::None) => return Ok(CondTimeout::Until(None)),
        Some(v) => v,
    };
    let positive = vm.compare_op(CmpOp::Gt, v, &Value::Int(0))?;
    if !vm.truthy(&positive)? {
        return Ok(CondTimeout::Look);
    }
    Ok(CondTimeout::Until(deadline_ns(pytime_ns(vm, v)?)))
}

fn cond_wait(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("wait", &["timeout"])?;
    let c = this(args)?;
    let timeout = cond_timeout(vm, args.get(1, "timeout"))?;
    Ok(Value::Bool(wait(vm, &args.pos[0], c, timeout)?))
}

/// `wait_for(predicate, timeout=None)`: waits until `predicate()` is true
/// or the timeout passes; returns the predicate's last value.
fn cond_wait_for(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("wait_for", &["predicate", "timeout"])?;
    let c = this(args)?;
    let predicate = args
        .get(1, "predicate")
        .cloned()
        .ok_or_else(|| type_error("wait_for() missing 1 required positional argument: 'predicate'"))?;
    let timeout = args.get(2, "timeout").filter(|v| !matches!(v, Value::None)).cloned();
    // As CPython: the first wait is for `timeout` itself, later ones for
    // what is left of it (the end is computed as a float sum, hence the
    // TypeError of a str timeout).
    let mut end: Option<Option<Instant>> = None;
    let mut result = vm.call(&predicate, &[])?;
    while !vm.truthy(&result)? {
        let wait_time = match (&timeout, end) {
            (None, _) => CondTimeout::Until(None),
            (Some(t), None) => {
                let secs = to_f64(vm, t).map_err(|_| {
                    type_error(format!("unsupported operand type(s) for +: 'float' and '{}'", t.type_name()))
                })?;
                end = Some(deadline_secs(secs));
                cond_timeout(vm, Some(t))?
            }
            (Some(_), Some(None)) => CondTimeout::Until(None),
            (Some(_), Some(Some(deadline))) => {
                if deadline <= Instant::now() {
                    break;
                }
                CondTimeout::Until(Some(deadline))
            }
        };
        wait(vm, &args.pos[0], c, wait_time)?;
        result = vm.call(&predicate, &[])?;
    }
    Ok(result)
}

fn notify(vm: &mut Vm, c: &ConditionObject, n: usize) -> PyResult<()> {
    if !is_owned(vm, c)? {
        return Err(runtime_error("cannot notify on un-acquired lock"));
    }
    let mut waiters = c.waiters.lock();
    for _ in 0..n {
        match waiters.pop_front() {
            Some(w) => w.wake(),
            None => break,
        }
    }
    Ok(())
}

fn cond_notify(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.allow_kwargs("notify", &["n"])?;
    let c = this(args)?;
    let n = match args.get(1, "n") {
        Some(v) => crate::runtime::args::to_index(vm, v)?.max(0) as usize,
        None => 1,
    };
    notify(vm, c, n)?;
    Ok(Value::None)
}

/// `notifyAll()`: CPython 3.11 warns that the camelCase name is deprecated.
fn cond_notify_all_deprecated(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    super::warnings_native::deprecated(vm, "notifyAll() is deprecated, use notify_all() instead")?;
    cond_notify_all(vm, args)
}

fn cond_notify_all(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let c = this(args)?;
    notify(vm, c, usize::MAX)?;
    Ok(Value::None)
}

fn cond_repr(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let c = this(args)?;
    let lock = vm.repr(&c.lock)?;
    let n = c.waiters.lock().len();
    Ok(Value::str(format!("<Condition({lock}, {n})>")))
}
