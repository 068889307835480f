//! `_multiprocessing`: what `multiprocessing` (written in pyl) needs from
//! the operating system — fork with the interpreter stopped, waiting for
//! children, message framing over pipes, the value encoding (`mp_codec`),
//! and locks and semaphores shared between processes (`SemLock`, a POSIX
//! semaphore in shared memory).
//!
//! Every wait releases the interpreter lock and, in the main thread, can
//! be interrupted by Ctrl-C.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use super::mp_codec;
use crate::runtime::args::to_index;
use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::str::PyBytes;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::{os_error_from_io, type_error, value_error};
use crate::vm::threads::current_ident;
use crate::vm::timeout::{lenient_deadline, poll_deadline};
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(_vm: &mut Vm) -> PyResult<PyArc<Module>> {
    let m = Module::new("_multiprocessing");
    let functions: Vec<(&'static str, NativeFn)> = vec![
        ("fork", mp_fork),
        ("child", super::mp_child::mp_child),
        ("waitpid", super::mp_child::mp_waitpid),
        ("exit", mp_exit),
        ("pipe", mp_pipe),
        ("close", mp_close),
        ("send_bytes", mp_send_bytes),
        ("send_many", mp_send_many),
        ("recv_bytes", mp_recv_bytes),
        ("poll", mp_poll),
        ("check_timeout", mp_check_timeout),
        ("dumps", mp_dumps),
        ("loads", mp_loads),
    ];
    m.set_functions(&functions);
    m.set("SemLock", Value::Class(semlock_class()));
    m.set("SharedArray", Value::Class(super::mp_shared::shared_array_class()));
    m.set("PicklingError", Value::Class(mp_codec::pickling_error()));
    Ok(PyArc::new(m))
}

fn io_error() -> PyErr {
    os_error_from_io(&std::io::Error::last_os_error(), None)
}

// ------------------------------------------------------------------ fork

/// `fork()`: the child is a copy of this process; returns 0 in the child,
/// the child's pid in the parent. Output buffered so far is written first,
/// so it is not printed twice; every other thread is stopped (or, with the
/// GIL, cannot be running bytecode) so none is caught mid-operation.
fn mp_fork(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    // The child's process name, for its instruments' reports.
    let name = match args.pos.first() {
        Some(v) => vm.str(v)?,
        None => "Process".to_string(),
    };
    vm.flush_std();
    let gil = &vm.shared.gil;
    gil.stop_world();
    // No thread is starting or ending across the fork (`os_thread.rs`).
    let lives = crate::vm::os_thread::before_fork();
    // SAFETY: fork has no preconditions; in the child only this thread
    // exists, and the interpreter's own locks are reset below.
    let pid = unsafe { libc::fork() };
    drop(lives);
    if pid == 0 {
        let record = vm.shared.observe.after_fork_child(&vm.thread.record, &name);
        gil.after_fork_child(&record);
        vm.thread.record = record;
        // SAFETY: only this thread exists in the child.
        unsafe { vm.shared.import_locks.reset_after_fork(crate::vm::threads::current_ident()) };
        // SAFETY: only this thread exists in the child.
        unsafe { vm.shared.gc.after_fork_child() };
        vm.shared.finalizers.after_fork_child(&vm.shared.gil);
        vm.thread.is_main = true;
        // As CPython's random registers at fork: the child must not
        // repeat the parent's random numbers.
        if let Some(Value::Module(random)) = vm.shared.modules.get_item_str("random")
            && let Some(seed) = random.get("seed")
        {
            vm.call(&seed, &[])?;
        }
    } else {
        gil.restart_world();
    }
    if pid < 0 {
        return Err(io_error());
    }
    Ok(Value::Int(pid as i64))
}

/// `exit(code)`: ends a child process at once after writing its buffered
/// output (no exit handlers run: they belong to the parent).
fn mp_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let code = match args.pos.first() {
        Some(v) => to_index(vm, v)?,
        None => 0,
    };
    crate::observe::at_exit(&vm.shared);
    vm.flush_std();
    // SAFETY: ends the process; nothing runs afterwards.
    unsafe { libc::_exit(code as i32) }
}

// ----------------------------------------------------------------- pipes

fn fd_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<i32> {
    let v = args.pos.get(i).ok_or_else(|| type_error("file descriptor expected"))?;
    Ok(to_index(vm, v)? as i32)
}

fn mp_pipe(_vm: &mut Vm, _args: &Args) -> PyResult<Value> {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io_error());
    }
    Ok(Value::tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

fn mp_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = fd_arg(vm, args, 0)?;
    // SAFETY: closing a descriptor this module handed out.
    unsafe { libc::close(fd) };
    Ok(Value::None)
}

fn write_all(fd: i32, data: &[u8]) -> Result<(), std::io::Error> {
    crate::vm::stdio::write_fd(fd, data).1
}

/// Reads exactly `buf.len()` bytes; Ok(false) at end of file before any.
fn read_exact(fd: i32, buf: &mut [u8]) -> Result<bool, std::io::Error> {
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: reading into the unfilled rest of a live buffer.
        let n = unsafe { libc::read(fd, buf[got..].as_mut_ptr().cast(), buf.len() - got) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            if got == 0 {
                return Ok(false);
            }
            return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
        }
        got += n as usize;
    }
    Ok(true)
}

/// `send_bytes(fd, data)`: one message (length, then bytes).
fn mp_send_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = fd_arg(vm, args, 0)?;
    let Some(Value::Bytes(b)) = args.pos.get(1) else {
        return Err(type_error("send_bytes() needs bytes"));
    };
    let mut msg = Vec::with_capacity(8 + b.data.len());
    frame(&mut msg, &b.data);
    vm.allow_threads(|| write_all(fd, &msg)).map_err(|e| os_error_from_io(&e, None))?;
    Ok(Value::None)
}

/// Appends one message as it travels on a pipe: its length, then its bytes.
fn frame(out: &mut Vec<u8>, data: &[u8]) {
    out.extend_from_slice(&(data.len() as u64).to_le_bytes());
    out.extend_from_slice(data);
}

/// `send_many(fd, messages, items)`: a Queue feeder's batch. Counts every
/// message in the semaphore `items` first, then writes them all in one go
/// with the lock released: a reader may take an item whose bytes are still
/// on their way, but a batch larger than the pipe never blocks both sides.
fn mp_send_many(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("send_many", 3, args.len())?;
    let fd = fd_arg(vm, args, 0)?;
    let Value::List(list) = &args.pos[1] else {
        return Err(type_error("send_many() needs a list of bytes"));
    };
    let items = args.pos[2].as_native::<SemLock>().ok_or_else(|| type_error("send_many() needs a SemLock"))?;
    let mut msg = Vec::new();
    let mut count = 0;
    for v in list.snapshot() {
        let Value::Bytes(b) = v else {
            return Err(type_error("send_many() needs a list of bytes"));
        };
        frame(&mut msg, &b.data);
        count += 1;
    }
    for _ in 0..count {
        // SAFETY: posting a live semaphore in shared memory.
        unsafe { libc::sem_post(items.sem()) };
    }
    vm.allow_threads(|| write_all(fd, &msg)).map_err(|e| os_error_from_io(&e, None))?;
    Ok(Value::None)
}

/// Waits until `fd` is readable or `until` passes.
fn readable(fd: i32, until: Option<Instant>) -> bool {
    let ms = match until {
        None => -1,
        Some(u) => u.saturating_duration_since(Instant::now()).as_millis().min(i32::MAX as u128) as i32,
    };
    let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd.
    let r = unsafe { libc::poll(&mut p, 1, ms) };
    r > 0
}

/// `check_timeout(timeout)`: raises what `poll` would for `timeout`, for
/// waits made of several steps (`Queue.get`), which CPython does with one
/// `poll`.
fn mp_check_timeout(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    poll_deadline(vm, args.pos.first())?;
    Ok(Value::None)
}

/// `poll(fd, timeout=0)`: whether a message (or end of file) is waiting.
fn mp_poll(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = fd_arg(vm, args, 0)?;
    let deadline = match args.pos.get(1) {
        None => Some(Instant::now()),
        v => poll_deadline(vm, v)?,
    };
    if readable(fd, Some(Instant::now())) {
        return Ok(Value::Bool(true));
    }
    if deadline.is_some_and(|d| d <= Instant::now()) {
        return Ok(Value::Bool(false));
    }
    let r = vm.wait_released(deadline, |until| readable(fd, until).then_some(()))?;
    Ok(Value::Bool(r.is_some()))
}

/// `recv_bytes(fd, timeout=None)`: the next message, None if none came in
/// time; EOFError when the other end is closed.
fn mp_recv_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let fd = fd_arg(vm, args, 0)?;
    let deadline = poll_deadline(vm, args.pos.get(1))?;
    if !readable(fd, Some(Instant::now())) {
        if deadline.is_some_and(|d| d <= Instant::now()) {
            return Ok(Value::None);
        }
        if vm.wait_released(deadline, |until| readable(fd, until).then_some(()))?.is_none() {
            return Ok(Value::None);
        }
    }
    let r = vm.allow_threads(|| -> Result<Option<Vec<u8>>, std::io::Error> {
        let mut len = [0u8; 8];
        if !read_exact(fd, &mut len)? {
            return Ok(None);
        }
        let mut data = vec![0u8; u64::from_le_bytes(len) as usize];
        if !read_exact(fd, &mut data)? && !data.is_empty() {
            return Ok(None);
        }
        Ok(Some(data))
    });
    match r {
        Ok(Some(data)) => Ok(Value::Bytes(PyArc::new(PyBytes::new(data)))),
        Ok(None) => Err(PyErr::new(&types().exc.eof_error, "")),
        Err(e) => Err(os_error_from_io(&e, None)),
    }
}

fn mp_dumps(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("dumps", 1, args.len())?;
    let data = mp_codec::dumps(vm, &args.pos[0])?;
    Ok(Value::Bytes(PyArc::new(PyBytes::new(data))))
}

fn mp_loads(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => {
            let b = b.clone();
            mp_codec::loads(vm, &b.data)
        }
        _ => Err(type_error("loads() needs bytes")),
    }
}

// --------------------------------------------------------------- SemLock

/// The part of a SemLock that lives in memory shared with forked children.
#[repr(C)]
struct SharedSem {
    sem: libc::sem_t,
    /// Recursive locks: the owner (pid, thread ident) and depth.
    owner_pid: libc::pid_t,
    owner_thread: u64,
    count: u64,
}

/// `SemLock(kind, value, maxvalue)`: kind 0 is a semaphore (Lock is one
/// with maxvalue 1), kind 1 a recursive lock.
pub struct SemLock {
    shared: *mut SharedSem,
    recursive: bool,
    maxvalue: i64,
}

// SAFETY: the shared block is only touched through the process-shared
// semaphore's operations (thread- and process-safe) and through owner
// fields written by the thread holding the semaphore.
unsafe impl Send for SemLock {}
// SAFETY: as above.
unsafe impl Sync for SemLock {}

impl Drop for SemLock {
    fn drop(&mut self) {
        // SAFETY: unmapping this process's view of the block mapped in `new`.
        unsafe { libc::munmap(self.shared.cast(), std::mem::size_of::<SharedSem>()) };
    }
}

impl NativeObject for SemLock {
    fn class(&self) -> PyArc<Class> {
        semlock_class()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn semlock_class() -> PyArc<Class> {
    static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
    CLASS
        .get_or_init(|| {
            let methods: Vec<(&'static str, NativeFn)> = vec![
                ("acquire", sem_acquire),
                ("__enter__", sem_acquire),
                ("release", sem_release),
                ("__exit__", sem_exit),
                ("_get_value", sem_get_value),
                ("_is_mine", sem_is_mine),
                ("_count", sem_count),
            ];
            let cls = make("SemLock", &types().object_type, Some(sem_new), &methods);
            *cls.module.lock() = Value::str("_multiprocessing");
            cls
        })
        .clone()
}

fn sem_new(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.exactly("SemLock", 3, args.len())?;
    let kind = to_index(vm, &args.pos[0])?;
    let value = to_index(vm, &args.pos[1])?;
    let maxvalue = to_index(vm, &args.pos[2])?;
    if value < 0 {
        return Err(value_error("semaphore initial value must be >= 0"));
    }
    let p = super::mp_shared::shared_mapping(std::mem::size_of::<SharedSem>())?;
    let shared = p.cast::<SharedSem>();
    // SAFETY: the mapping is ours, large enough and zeroed; sem_init with
    // pshared=1 makes the semaphore usable from forked children.
    unsafe {
        if libc::sem_init(&mut (*shared).sem, 1, value as u32) != 0 {
            let e = io_error();
            libc::munmap(p.cast(), std::mem::size_of::<SharedSem>());
            return Err(e);
        }
    }
    Ok(Value::native(Arc::new(SemLock { shared, recursive: kind == 1, maxvalue })))
}

fn this<'a>(args: &'a Args) -> PyResult<&'a SemLock> {
    args.pos.first().and_then(|v| v.as_native::<SemLock>()).ok_or_else(|| type_error("SemLock method needs a SemLock"))
}

fn me() -> (libc::pid_t, u64) {
    // SAFETY: getpid has no preconditions.
    (unsafe { libc::getpid() }, current_ident())
}

impl SemLock {
    fn sem(&self) -> *mut libc::sem_t {
        // SAFETY: the block stays mapped while `self` lives.
        unsafe { &mut (*self.shared).sem }
    }

    fn try_wait(&self) -> bool {
        // SAFETY: an initialised process-shared semaphore.
        unsafe { libc::sem_trywait(self.sem()) == 0 }
    }

    /// Waits on the semaphore until `until` (forever if None).
    fn wait_until(&self, until: Option<Instant>) -> Option<()> {
        loop {
            let r = match until {
                // SAFETY: as in `try_wait`.
                None => unsafe { libc::sem_wait(self.sem()) },
                Some(u) => {
                    let left = u.saturating_duration_since(Instant::now());
                    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
                    // SAFETY: reading the realtime clock into `ts`.
                    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
                    let nanos = ts.tv_nsec as u64 + left.subsec_nanos() as u64;
                    ts.tv_sec += left.as_secs() as libc::time_t + (nanos / 1_000_000_000) as libc::time_t;
                    ts.tv_nsec = (nanos % 1_000_000_000) as _;
                    // SAFETY: as in `try_wait`, with a valid absolute deadline.
                    unsafe { libc::sem_timedwait(self.sem(), &ts) }
                }
            };
            if r == 0 {
                return Some(());
            }
            match std::io::Error::last_os_error().raw_os_error() {
                Some(libc::EINTR) => continue,
                _ => return None,
            }
        }
    }

    fn value(&self) -> i64 {
        let mut v = 0;
        // SAFETY: as in `try_wait`.
        unsafe { libc::sem_getvalue(self.sem(), &mut v) };
        v as i64
    }

    fn owned_by_me(&self) -> bool {
        let (pid, tid) = me();
        // SAFETY: reading the owner fields of the live block.
        unsafe { (*self.shared).count > 0 && (*self.shared).owner_pid == pid && (*self.shared).owner_thread == tid }
    }

    fn set_owner(&self) {
        let (pid, tid) = me();
        // SAFETY: only the thread that holds the semaphore writes these.
        unsafe {
            (*self.shared).owner_pid = pid;
            (*self.shared).owner_thread = tid;
            (*self.shared).count = 1;
        }
    }
}

/// `acquire(block=True, timeout=None)`.
fn sem_acquire(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?;
    let block = match args.get(1, "block") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let deadline = lenient_deadline(vm, args.get(2, "timeout"))?;
    if s.recursive && s.owned_by_me() {
        // SAFETY: this thread owns the lock: it alone writes the count.
        unsafe { (*s.shared).count += 1 };
        return Ok(Value::Bool(true));
    }
    let got = if s.try_wait() {
        true
    } else if !block || deadline.is_some_and(|d| d <= Instant::now()) {
        false
    } else {
        vm.wait_released(deadline, |until| s.wait_until(until))?.is_some()
    };
    // A lock (recursive or not) remembers its owner, for `_is_mine`.
    if got && (s.recursive || s.maxvalue == 1) {
        s.set_owner();
    }
    Ok(Value::Bool(got))
}

fn sem_release(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?;
    if s.recursive {
        if !s.owned_by_me() {
            return Err(PyErr::new(
                &types().exc.assertion_error,
                "attempt to release recursive lock not owned by thread",
            ));
        }
        // SAFETY: this thread owns the lock.
        unsafe {
            (*s.shared).count -= 1;
            if (*s.shared).count > 0 {
                return Ok(Value::None);
            }
            (*s.shared).owner_pid = 0;
            (*s.shared).owner_thread = 0;
        }
    } else if s.maxvalue >= 1 && s.value() >= s.maxvalue {
        return Err(value_error("semaphore or lock released too many times"));
    } else if s.maxvalue == 1 {
        // SAFETY: the lock is held (value 0): its holder's fields go.
        unsafe {
            (*s.shared).count = 0;
            (*s.shared).owner_pid = 0;
            (*s.shared).owner_thread = 0;
        }
    }
    // SAFETY: as in `try_wait`.
    unsafe { libc::sem_post(s.sem()) };
    Ok(Value::None)
}

fn sem_exit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    sem_release(vm, &Args::new(&args.pos[..1]))
}

fn sem_get_value(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.value()))
}

fn sem_is_mine(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bool(this(args)?.owned_by_me()))
}

fn sem_count(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args)?;
    // SAFETY: reading the count of the live block.
    Ok(Value::Int(if s.owned_by_me() { unsafe { (*s.shared).count as i64 } } else { 0 }))
}
