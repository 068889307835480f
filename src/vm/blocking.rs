//! Blocking with the interpreter lock released.
//!
//! Every blocking call (sleep, lock and condition waits, join, queue
//! waits, I/O, subprocesses) goes through `Vm::wait_released_for` or the
//! plain `Vm::allow_threads`: the lock is dropped while the thread waits,
//! the main thread wakes up often enough to turn a Ctrl-C into
//! KeyboardInterrupt, and the thread's record says what it waits for —
//! the timeline labels the blocked span with it, the deadlock detector
//! reads it to tell a thread that may still wake from one that never will.

use crate::runtime::pyarc::PyArc;
use std::time::{Duration, Instant};

use super::{PyResult, Vm};
use crate::observe::site::{Site, is_library};
use crate::observe::timeline::log::SpanEnd;
use crate::observe::wait::{HoldSite, WaitInfo, Waiting};
use crate::runtime::str::PyStr;

/// How long a waiting main thread sleeps between looks for a Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

impl Vm {
    /// Runs `f` with the interpreter lock released. `f` must not touch
    /// Python objects: other threads run meanwhile.
    pub fn allow_threads<R>(&self, f: impl FnOnce() -> R) -> R {
        self.shared.gil.release(&self.thread.record, self.blocking_end("a blocking call"));
        let r = f();
        self.shared.gil.acquire(&self.thread.record);
        r
    }

    /// `allow_threads` for a short wait inside the interpreter that other
    /// Python threads cannot affect (a new thread reporting its ident).
    /// Under the deterministic scheduler the thread keeps the baton, so
    /// the wait's real duration cannot change who runs next.
    pub fn allow_threads_briefly<R>(&self, f: impl FnOnce() -> R) -> R {
        if self.shared.gil.scheduler().is_some() { f() } else { self.allow_threads(f) }
    }

    /// Where this thread is in the program, for the timeline (None when
    /// it is off).
    pub(crate) fn timeline_site(&self) -> Option<Site> {
        self.shared.observe.settings.timeline.as_ref()?;
        self.program_site().0.or_else(|| self.current_site())
    }

    /// The innermost frame's place (the instruction running now).
    pub(crate) fn current_site(&self) -> Option<Site> {
        let f = self.frames.last()?;
        Some(Site { code: f.code().clone(), pc: f.pc.saturating_sub(1) as u32 })
    }

    /// The program's own line the thread is at (pyl's modules written in
    /// pyl are skipped), and the library function it called from there.
    fn program_site(&self) -> (Option<Site>, Option<PyArc<PyStr>>) {
        let mut call = None;
        for f in self.frames.iter().rev() {
            let code = f.code();
            if is_library(code) {
                call = Some(code.qualname.clone());
                continue;
            }
            return (Some(Site { code: code.clone(), pc: f.pc.saturating_sub(1) as u32 }), call);
        }
        (None, call)
    }

    /// Where a lock taken now is taken, for the deadlock report: the
    /// program's line, remembered without a reference count (the thread's
    /// record keeps the code alive). Nothing when the detector is off.
    pub fn hold_site(&mut self) -> HoldSite {
        if !self.shared.observe.settings.deadlock_check {
            return HoldSite::default();
        }
        let Some(f) = self.frames.iter().rev().find(|f| !is_library(f.code())) else {
            return HoldSite::default();
        };
        let code = f.code();
        let addr = PyArc::as_ptr(code) as usize;
        if addr != self.kept_code {
            if !self.thread.record.keep_code(code) {
                return HoldSite::default();
            }
            self.kept_code = addr;
        }
        HoldSite { code: addr, pc: f.pc.saturating_sub(1) as u32 }
    }

    /// This thread as the taker of a lock: its serial and `hold_site`.
    pub fn hold(&mut self) -> crate::observe::wait::Hold {
        crate::observe::wait::Hold { serial: self.thread.record.serial, site: self.hold_site() }
    }

    /// What the timeline notes when this thread blocks in `what`.
    fn blocking_end(&self, what: &'static str) -> SpanEnd {
        if self.shared.observe.settings.timeline.is_none() {
            return SpanEnd::NONE;
        }
        let (site, call) = self.program_site();
        self.blocked_span_end(site, call.as_ref(), what)
    }

    /// What the timeline notes when this thread starts the wait `info`.
    pub(crate) fn wait_end(&self, info: &WaitInfo) -> SpanEnd {
        if self.shared.observe.settings.timeline.is_none() {
            return SpanEnd::NONE;
        }
        self.blocked_span_end(info.site.clone(), info.call.as_ref(), info.label())
    }

    /// A running span that ends in a blocking call: labelled with the
    /// library call the program made (`Queue.get`), else with `what`, and
    /// placed at the program's line (else the innermost frame's).
    fn blocked_span_end(&self, site: Option<Site>, call: Option<&PyArc<PyStr>>, what: &'static str) -> SpanEnd {
        let label = call.map_or_else(|| what.into(), |c| c.as_str().to_string().into());
        SpanEnd { forced: false, blocked_in: Some(label), site: site.or_else(|| self.current_site()) }
    }

    /// `wait_released_for` a wait that may end by itself.
    pub fn wait_released<R>(
        &mut self,
        deadline: Option<Instant>,
        attempt: impl FnMut(Option<Instant>) -> Option<R>,
    ) -> PyResult<Option<R>> {
        self.wait_released_for(Waiting::Other("a blocking call"), deadline, attempt)
    }

    /// Blocks with the interpreter lock released until `attempt` succeeds
    /// or `deadline` passes. `attempt(until)` waits at most until `until`
    /// (forever if None) and returns Some when done. Returns None at the
    /// deadline; in the main thread a Ctrl-C raises KeyboardInterrupt.
    /// `what` is what the thread waits for, for the instruments.
    pub fn wait_released_for<R>(
        &mut self,
        what: Waiting,
        deadline: Option<Instant>,
        mut attempt: impl FnMut(Option<Instant>) -> Option<R>,
    ) -> PyResult<Option<R>> {
        let main = self.thread.is_main;
        let shared = self.shared.clone();
        let gil = &shared.gil;
        let rec = self.thread.record.clone();
        let info = self.wait_info(what, deadline.is_some());
        if info.certain() && shared.observe.settings.deadlock_check {
            crate::observe::deadlock::watch(&shared);
        }
        if gil.scheduler().is_some() && info.target().is_some() {
            return self.sched_wait(info, deadline, attempt);
        }
        loop {
            // The record's copy of `info` is made and dropped with the lock
            // held: it holds Python objects (`runtime/pyarc.rs`).
            rec.begin_wait(info.clone());
            gil.release(&rec, self.wait_end(&info));
            let result = loop {
                let until = if main {
                    let poll = Instant::now() + SIGNAL_POLL;
                    Some(deadline.map_or(poll, |d| d.min(poll)))
                } else {
                    deadline
                };
                if let Some(r) = attempt(until) {
                    break Some(Some(r));
                }
                if main && gil.signal_pending() {
                    break None;
                }
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    break Some(None);
                }
            };
            let ended = rec.end_wait();
            gil.acquire(&rec);
            drop(ended);
            match result {
                Some(r) => return Ok(r),
                // A signal: run its handler (which may raise), then go
                // on waiting, as CPython does (PEP 475).
                None => {
                    if gil.take_signal() {
                        self.run_signal_handlers()?;
                    }
                }
            }
        }
    }

    /// The record of a wait about to start.
    fn wait_info(&self, what: Waiting, timeout: bool) -> WaitInfo {
        let observed = self.shared.observe.settings.deadlock_check || self.shared.observe.settings.timeline.is_some();
        let (site, call) = if observed { self.program_site() } else { (None, None) };
        let mut info = WaitInfo { what, timeout, ticket: 0, site, call };
        info.ticket = info.target().map_or(0, |t| t.ticket());
        info
    }

    /// Sleeps with the lock released (`time.sleep`).
    pub fn sleep(&mut self, secs: f64) -> PyResult<()> {
        if self.shared.gil.scheduler().is_some() {
            return self.sched_sleep(secs);
        }
        // None: longer than the clock can hold, so forever, an hour at a time.
        let deadline = super::timeout::deadline_secs(secs);
        self.wait_released_for(Waiting::Other("time.sleep"), deadline, |until| {
            std::thread::sleep(
                until.map_or(Duration::from_secs(3600), |u| u.saturating_duration_since(Instant::now())),
            );
            None::<()>
        })?;
        Ok(())
    }
}
