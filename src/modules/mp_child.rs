//! `_multiprocessing.Child`: the parent's handle on one forked child, which
//! reaps it exactly once.
//!
//! Several threads may poll or join the same process at once (one joins
//! it while another starts a process and reaps finished ones). A pid can
//! only be reaped once: a second `waitpid` on it fails with ECHILD, or —
//! once the pid is reused — waits for a stranger. So each child's status
//! lives in its handle, behind a mutex taken around each non-blocking
//! `waitpid`: whichever thread reaps the child records the exit code, and
//! every other thread reads it from there.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use crate::runtime::args::to_index;
use crate::runtime::class::Class;
use crate::runtime::function::Args;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{os_error_from_io, type_error};
use crate::vm::timeout::poll_deadline;
use crate::vm::{PyResult, Vm};

pub struct Child {
    pid: libc::pid_t,
    /// The exit code once reaped (negative: killed by that signal).
    status: Mutex<Option<i64>>,
}

impl NativeObject for Child {
    fn class(&self) -> PyArc<Class> {
        child_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        // A finished child nobody waited for leaves no zombie.
        let _ = self.try_reap();
    }
}

fn child_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let cls = make("Child", &types().object_type, None, &[]);
            *cls.module.lock() = Value::str("_multiprocessing");
            cls
        })
        .clone()
}

impl Child {
    /// The exit code if the child has ended (reaping it now if nobody has).
    fn try_reap(&self) -> Result<Option<i64>, i32> {
        let mut status = self.status.lock();
        if status.is_none() {
            let mut st = 0;
            // SAFETY: waitpid on our own child with a valid status pointer;
            // WNOHANG keeps the mutex held for a moment only.
            let r = unsafe { libc::waitpid(self.pid, &mut st, libc::WNOHANG) };
            if r == self.pid {
                *status = Some(if libc::WIFSIGNALED(st) {
                    -(libc::WTERMSIG(st) as i64)
                } else {
                    libc::WEXITSTATUS(st) as i64
                });
            } else if r < 0 {
                let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                if errno != libc::EINTR {
                    return Err(errno);
                }
            }
        }
        Ok(*status)
    }
}

/// `child(pid)`: the handle for a child `fork` just made.
pub fn mp_child(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("child", 1, args.len())?;
    let pid = to_index(vm, &args.pos[0])? as libc::pid_t;
    Ok(Value::native(Arc::new(Child { pid, status: Mutex::new(None) })))
}

/// `waitpid(child, timeout)`: the child's exit code (negative: killed by
/// that signal), or None if it is still running when `timeout` (None:
/// forever, 0: just look) passes.
pub fn mp_waitpid(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.between("waitpid", 1, 2, args.len())?;
    let child = args.pos[0].clone();
    let Some(c) = child.as_native::<Child>() else {
        return Err(type_error("waitpid() expects a Child"));
    };
    let deadline = poll_deadline(vm, args.pos.get(1))?;
    let reap = || match c.try_reap() {
        Ok(None) => None,
        r => Some(r),
    };
    if let Some(r) = reap() {
        return finish_wait(r);
    }
    if deadline.is_some_and(|d| d <= Instant::now()) {
        return Ok(Value::None);
    }
    // Children usually end soon: look again after 50 µs, backing off to 5 ms.
    let mut pause = Duration::from_micros(50);
    let r = vm.wait_released(deadline, |until| {
        let end = until.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
        loop {
            if let Some(r) = reap() {
                return Some(r);
            }
            let now = Instant::now();
            if now >= end {
                return None;
            }
            std::thread::sleep(pause.min(end - now));
            pause = (pause * 2).min(Duration::from_millis(5));
        }
    })?;
    match r {
        Some(r) => finish_wait(r),
        None => Ok(Value::None),
    }
}

fn finish_wait(r: Result<Option<i64>, i32>) -> PyResult<Value> {
    match r {
        Ok(Some(code)) => Ok(Value::Int(code)),
        Ok(None) => Ok(Value::None),
        Err(errno) => Err(os_error_from_io(&std::io::Error::from_raw_os_error(errno), None)),
    }
}
