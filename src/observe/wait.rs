//! What a blocked thread waits for, as the deadlock detector (and the
//! deterministic scheduler) need to know it.
//!
//! Every blocking call goes through `Vm::wait_released_for`, which stores a
//! `WaitInfo` in the thread's record for as long as the thread is blocked.
//! A wait is *certain* when only another thread of this process can end
//! it — a lock, an RLock, a condition's notify, the interactive prompt —
//! and it has no timeout; everything else (sleep, I/O, subprocesses,
//! other processes, timeouts) may end by itself. The objects waited for
//! answer three questions through `WaitTarget`: can this waiter go on now,
//! who holds you and where did they take you, what do you look like.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;

use super::record::ThreadRecord;
use super::site::Site;
use crate::runtime::str::PyStr;
use crate::runtime::value::Value;

/// Where a lock was taken, kept as a code address and an instruction so
/// that taking a lock costs no reference count; the taker's record keeps
/// the code alive (`ThreadRecord::keep_code`) so the address stays valid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HoldSite {
    /// `Arc::as_ptr` of the code, 0 when unknown.
    pub code: usize,
    pub pc: u32,
}

/// Who holds a lock.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hold {
    /// The holder's record serial.
    pub serial: u64,
    pub site: HoldSite,
}

/// An object a thread can wait for.
pub trait WaitTarget: Send + Sync {
    /// A number read when the wait starts, handed back to `ready`: a
    /// lock's count of acquisitions, so that "the waiter holds it" can be
    /// told apart from "the waiter took it while we looked".
    fn ticket(&self) -> u64 {
        0
    }
    /// Whether `waiter` can go on now (or already has).
    fn ready(&self, waiter: &ThreadRecord, ticket: u64) -> bool;
    /// The thread holding it, for locks.
    fn holder(&self) -> Option<Hold> {
        None
    }
    /// `lock`, `RLock`, `condition`.
    fn noun(&self) -> &'static str;
    /// The repr students see in the report.
    fn describe(&self) -> String;
}

/// What a thread waits for.
#[derive(Clone)]
pub enum Waiting {
    /// A pyl object that is a `WaitTarget` (a Lock or an RLock).
    Object(Value),
    /// A notification: the waiter, and the Condition it waits on.
    Notify(Arc<dyn WaitTarget>, Value),
    /// The interactive prompt, waiting for the user to type.
    Prompt,
    /// Something that may end by itself: sleep, I/O, a subprocess.
    Other(&'static str),
}

/// The wait a blocked thread is in.
#[derive(Clone)]
pub struct WaitInfo {
    pub what: Waiting,
    /// The wait gives up after a time (never a deadlock).
    pub timeout: bool,
    /// `WaitTarget::ticket` at the start.
    pub ticket: u64,
    /// The line of the program the wait comes from (pyl's own modules
    /// skipped: the caller of `q.get()`, not the line inside queue).
    pub site: Option<Site>,
    /// The library function the program called, when the wait is inside
    /// one (`Thread.join`, `Queue.get`, `Event.wait`).
    pub call: Option<PyArc<PyStr>>,
}

impl WaitInfo {
    /// The object waited for, if it can answer questions.
    pub fn target(&self) -> Option<&dyn WaitTarget> {
        match &self.what {
            Waiting::Object(Value::Native(n)) => n.wait_target(),
            Waiting::Notify(w, _) => Some(&**w),
            _ => None,
        }
    }

    /// Only another thread of this process can end it.
    pub fn certain(&self) -> bool {
        match self.what {
            Waiting::Prompt => true,
            Waiting::Object(_) | Waiting::Notify(..) => !self.timeout && self.target().is_some(),
            Waiting::Other(_) => false,
        }
    }

    /// What the timeline says the thread is blocked in.
    pub fn label(&self) -> &'static str {
        match &self.what {
            Waiting::Object(_) => "lock acquire",
            Waiting::Notify(..) => "condition wait",
            Waiting::Prompt => "the prompt",
            Waiting::Other(what) => what,
        }
    }
}
