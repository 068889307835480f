//! The traced eval loop's per-instruction hook (`eval_loop` runs its
//! `TRACE` variant only under `--schedule`, `--switch-every` or
//! `--explain-races`, so ordinary runs pay nothing for it).
//!
//! Before each instruction runs, `trace_op`:
//! - counts it against the thread's slice and, at the slice's end, lets the
//!   deterministic scheduler pick the next thread (`schedule.rs`);
//! - for `--explain-races`, tells the race recorder (`observe::races`)
//!   about a read or write of a module global, an instance attribute (one
//!   in the instance's `__dict__`) or a class attribute, with the value
//!   read or written. Values are looked up without running any Python code
//!   (no descriptors, no `__getattr__`): what cannot be seen that way is
//!   not recorded.
//!
//! The scheduler's side of blocking lives here too: `sched_wait` (a lock,
//! condition or queue wait, tried without blocking and otherwise handed to
//! the scheduler), `sched_sleep` (virtual sleeps) and `sched_clock_ns`
//! (the clocks a scheduled program reads).

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;
use std::time::Instant;

use super::{PyResult, Vm};
use crate::bytecode::code::Code;
use crate::bytecode::op::Op;
use crate::observe::races::{Access, Var};
use crate::observe::site::Site;
use crate::observe::wait::{WaitInfo, Waiting};
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;

/// A value as the race report shows it, kept without keeping big objects
/// alive.
#[derive(Clone)]
pub enum Shown {
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    Str(PyArc<PyStr>),
    Other(Arc<str>),
}

impl Shown {
    fn of(v: &Value) -> Shown {
        match v {
            Value::Int(i) => Shown::Int(*i),
            Value::Float(f) => Shown::Float(*f),
            Value::Bool(b) => Shown::Bool(*b),
            Value::None => Shown::None,
            Value::Str(s) if s.char_len() <= 20 => Shown::Str(s.clone()),
            other => Shown::Other(other.type_name().into()),
        }
    }

    /// The short text of the report's `(=...)`.
    pub fn text(&self) -> String {
        match self {
            Shown::Int(i) => i.to_string(),
            Shown::Float(f) => crate::runtime::float::repr(*f),
            Shown::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Shown::None => "None".to_string(),
            Shown::Str(s) => format!("{:?}", s.as_str()).replace('"', "'"),
            Shown::Other(t) => format!("<{t}>"),
        }
    }
}

/// Virtual nanoseconds of what is left of a timeout, rounded up to whole
/// milliseconds: the microseconds between the caller computing its
/// deadline and this reading must not change the schedule from one run to
/// the next (a timeout of 0.3 s leaves 0.29999x s here, which becomes 300 ms).
fn timeout_ns(d: std::time::Duration) -> u64 {
    let ms = (d.as_secs_f64() * 1000.0 - 1e-6).ceil().max(0.0);
    if ms >= (u64::MAX / 4_000_000) as f64 { u64::MAX / 4 } else { ms as u64 * 1_000_000 }
}

/// Virtual nanoseconds of `time.sleep(secs)`.
fn sleep_ns(secs: f64) -> u64 {
    let ns = (secs * 1e9).round();
    if ns >= (u64::MAX / 4) as f64 { u64::MAX / 4 } else { ns.max(0.0) as u64 }
}

impl Vm {
    /// The hook of the traced eval loop, before the instruction `op` at
    /// `pc - 1` of frame `fi` runs.
    #[inline(never)]
    pub(crate) fn trace_op(&mut self, op: Op, fi: usize, pc: usize, code: &Code, stack: &[Value]) {
        self.frames[fi].pc = pc;
        self.sched_left -= 1;
        if self.sched_left == 0 {
            let executed = self.sched_slice;
            let rec = self.thread.record.clone();
            let slice = self.shared.gil.sched_preempt(&rec, executed, || self.timeline_site());
            self.sched_left = slice;
            self.sched_slice = slice;
        }
        if self.shared.observe.races.is_some() {
            self.race_op(op, fi, code, stack);
        }
    }

    /// Instructions run since the scheduler last counted them.
    fn sched_take_executed(&mut self) -> u64 {
        let e = self.sched_slice - self.sched_left;
        self.sched_slice = self.sched_left;
        e
    }

    fn sched_set_slice(&mut self, slice: u64) {
        self.sched_left = slice;
        self.sched_slice = slice;
    }

    /// A wait under the scheduler: tried without blocking; when it cannot
    /// end now the thread passes the baton until the scheduler picks it
    /// again (its object became ready, or the virtual deadline came).
    pub(crate) fn sched_wait<R>(
        &mut self,
        info: WaitInfo,
        deadline: Option<Instant>,
        mut attempt: impl FnMut(Option<Instant>) -> Option<R>,
    ) -> PyResult<Option<R>> {
        let shared = self.shared.clone();
        let Some(s) = shared.gil.scheduler() else { return Ok(None) };
        let executed = self.sched_take_executed();
        let start = s.now(executed);
        let vdeadline = deadline.map(|d| start.saturating_add(timeout_ns(d.saturating_duration_since(Instant::now()))));
        let rec = self.thread.record.clone();
        loop {
            if let Some(r) = attempt(Some(Instant::now())) {
                return Ok(Some(r));
            }
            if vdeadline.is_some_and(|d| s.now(0) >= d) {
                return Ok(None);
            }
            rec.begin_wait(info.clone());
            let end = self.wait_end(&info);
            let executed = self.sched_take_executed();
            let (slice, _) = shared.gil.sched_block(&rec, executed, vdeadline, end);
            // Dropped holding the baton, as it was made.
            drop(rec.end_wait());
            self.sched_set_slice(slice);
            // Picked for a signal: run its handler (a Ctrl-C raises
            // KeyboardInterrupt here), then go on waiting, as CPython does.
            if self.thread.is_main && shared.gil.take_signal() {
                self.run_signal_handlers()?;
            }
        }
    }

    /// Under the scheduler, what `time.time()` (`realtime`) or
    /// `time.monotonic()` read, in ns: the clock at the start of the run
    /// plus the virtual time, so time the program measures agrees with its
    /// virtual sleeps and is the same on every run. None otherwise.
    pub fn sched_clock_ns(&mut self, realtime: bool) -> Option<i128> {
        let shared = self.shared.clone();
        let s = shared.gil.scheduler()?;
        let executed = self.sched_take_executed();
        let base = if realtime { s.clock_bases.0 } else { s.clock_bases.1 };
        Some(base + s.now(executed) as i128)
    }

    /// `time.sleep` under the scheduler: virtual, so it takes no real time.
    pub(crate) fn sched_sleep(&mut self, secs: f64) -> PyResult<()> {
        let shared = self.shared.clone();
        let Some(s) = shared.gil.scheduler() else { return Ok(()) };
        // A signal that came before (or during) the sleep interrupts it, as
        // a real sleep would be. One sent just before (`os.kill(os.getpid(),
        // ...)`) may take a moment to arrive: the main thread gives it a
        // millisecond of real time, which changes nothing in the schedule.
        if self.thread.is_main {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs.clamp(0.0, 0.001)));
            if shared.gil.take_signal() {
                self.run_signal_handlers()?;
            }
        }
        let executed = self.sched_take_executed();
        let deadline = s.now(executed).saturating_add(sleep_ns(secs));
        let rec = self.thread.record.clone();
        loop {
            let info =
                WaitInfo { what: Waiting::Other("time.sleep"), timeout: true, ticket: 0, site: None, call: None };
            let end = self.wait_end(&info);
            let (slice, now) = shared.gil.sched_block(&rec, 0, Some(deadline), end);
            self.sched_set_slice(slice);
            if self.thread.is_main && shared.gil.take_signal() {
                self.run_signal_handlers()?;
            }
            if now >= deadline {
                return Ok(());
            }
        }
    }

    /// Records the access `op` is about to make, if it is one the race
    /// recorder follows.
    fn race_op(&mut self, op: Op, fi: usize, code: &Code, stack: &[Value]) {
        let frame = &self.frames[fi];
        let local = |i: u16| stack.get(frame.base + i as usize);
        let name_at = |i: u32| &code.names[i as usize];
        let global =
            |i: u32| Var::Global { module: PyArc::as_ptr(frame.globals()) as usize, name: name_at(i).as_str().into() };
        let (found, write, op_name) = match op {
            Op::LoadGlobal(i) => (frame.globals().get_str(name_at(i)).map(|v| (global(i), v)), false, "LOAD_GLOBAL"),
            Op::StoreGlobal(i) => (stack.last().map(|v| (global(i), v.clone())), true, "STORE_GLOBAL"),
            Op::LoadAttr(i) => (stack.last().and_then(|o| attr_var(o, name_at(i), None)), false, "LOAD_ATTR"),
            Op::LoadFastAttr(l, i) => (local(l).and_then(|o| attr_var(o, name_at(i as u32), None)), false, "LOAD_ATTR"),
            // (v obj --)
            Op::StoreAttr(i) => {
                let obj_and_value = stack.len().checked_sub(2).map(|at| (&stack[at + 1], &stack[at]));
                (obj_and_value.and_then(|(o, v)| attr_var(o, name_at(i), Some(v))), true, "STORE_ATTR")
            }
            Op::StoreFastAttr(l, i) => {
                let obj_and_value = local(l).zip(stack.last());
                (obj_and_value.and_then(|(o, v)| attr_var(o, name_at(i as u32), Some(v))), true, "STORE_ATTR")
            }
            _ => return,
        };
        let Some((var, value)) = found else { return };
        let Some(site) = self.current_site() else { return };
        let access = Access {
            thread: self.thread.record.serial,
            // One activation: the thread's frame at this depth with this
            // code and stack base (a new call at the same place reuses it,
            // which the recorder's line rule makes harmless in practice).
            frame: (self.frames.len() as u64) << 48 ^ (frame.base as u64) << 24 ^ (code as *const Code as u64),
            line: site.line() as u32,
            op: op_name,
            place: site,
            value: Shown::of(&value),
        };
        let Some(races) = &self.shared.observe.races else { return };
        let mut races = races.lock();
        if write {
            races.write(&var, access);
        } else {
            races.read(&var, access);
        }
    }
}

/// The variable `obj.name` is (and its value: the one stored when
/// `stored` is given, else the one there now) when it is an attribute in
/// an instance's `__dict__` or a class attribute.
fn attr_var(obj: &Value, name: &PyArc<PyStr>, stored: Option<&Value>) -> Option<(Var, Value)> {
    match obj {
        Value::Instance(inst) => {
            let v = match stored {
                Some(v) => v.clone(),
                None => inst.dict.get_str(name)?,
            };
            let var = Var::Attr {
                object: PyArc::as_ptr(inst) as usize,
                class: inst.class().name.as_str().into(),
                name: name.as_str().into(),
            };
            Some((var, v))
        }
        Value::Class(cls) => {
            let v = match stored {
                Some(v) => v.clone(),
                None => cls.dict.get_str(name)?,
            };
            let var = Var::ClassAttr {
                class_id: PyArc::as_ptr(cls) as usize,
                class: cls.name.as_str().into(),
                name: name.as_str().into(),
            };
            Some((var, v))
        }
        _ => None,
    }
}

/// The race report at exit, if `--explain-races` saw a lost update.
pub fn race_report(shared: &super::Shared) -> Option<String> {
    let races = shared.observe.races.as_ref()?.lock();
    let threads = shared.observe.threads();
    let name = |serial: u64| {
        threads.iter().find(|t| t.serial == serial).map_or_else(|| format!("thread {serial}"), |t| t.name().to_string())
    };
    let place = |s: &Site| (s.short(), s.source_line().trim().to_string());
    races.report(name, place, Shown::text)
}
