//! The spans one thread records while `--timeline` is on.
//!
//! The interpreter lock closes a span at every phase change of a thread
//! (`ThreadRecord::enter`); the log keeps them in arrival order, cheaply
//! (a site is an `Arc` and an instruction index, turned into text only when
//! the picture is drawn).
//!
//! Memory stays bounded however long the run: every `RAW_CAP` spans the raw
//! ones are resolved into picture spans, and when those pass `KEPT_CAP`
//! they are coarsened (`coarsen`) at a resolution that doubles each time,
//! so an hour-long run keeps about as many spans as the drawing can show.

use std::borrow::Cow;

use super::coarsen::coarsen;
use super::model::{Span, State};
use crate::observe::site::Site;

/// Raw spans kept before they are resolved.
const RAW_CAP: usize = 8192;
/// Resolved spans kept before they are coarsened.
const KEPT_CAP: usize = 65536;
/// The first coarsening merges spans shorter than this.
const FIRST_RESOLUTION_NS: u64 = 10_000;

/// Waits for the interpreter lock shorter than this are not drawn: an
/// uncontended acquisition is not a wait.
const MIN_WAIT_NS: u64 = 1_000;

/// What a phase change tells about the span it closes.
#[derive(Default)]
pub struct SpanEnd {
    /// The running span ends with a forced switch.
    pub forced: bool,
    /// Where the thread is (the running span ends there).
    pub site: Option<Site>,
    /// The call the thread blocks in, when it goes on to block
    /// (`time.sleep`, `Thread.join`, `lock acquire`).
    pub blocked_in: Option<Cow<'static, str>>,
}

impl SpanEnd {
    pub const NONE: SpanEnd = SpanEnd { forced: false, site: None, blocked_in: None };
}

struct RawSpan {
    start: u64,
    end: u64,
    state: State,
    forced: bool,
    site: Option<Site>,
    blocked_in: Option<Cow<'static, str>>,
}

#[derive(Default)]
pub struct SpanLog {
    /// Older spans, resolved (and coarsened once there were many).
    kept: Vec<Span>,
    /// The resolution `kept` was last coarsened at (0: never).
    resolution_ns: u64,
    spans: Vec<RawSpan>,
    /// Set when a running span ends in a blocking call: the blocked span
    /// that follows is labelled with it.
    next_blocked: Option<(Option<Cow<'static, str>>, Option<Site>)>,
}

impl SpanLog {
    pub fn push(&mut self, state: State, start: u64, end: u64, info: SpanEnd) {
        let (site, blocked_in) = match state {
            State::Running => {
                self.next_blocked = info.blocked_in.map(|w| (Some(w), info.site.clone()));
                (info.site, None)
            }
            State::Blocked => match self.next_blocked.take() {
                Some((what, site)) => (site, what),
                None => (None, None),
            },
            State::Waiting => {
                if end - start < MIN_WAIT_NS {
                    return;
                }
                (None, None)
            }
        };
        self.spans.push(RawSpan { start, end, state, forced: info.forced, site, blocked_in });
        if self.spans.len() >= RAW_CAP {
            self.compact();
        }
    }

    /// Resolves the raw spans into `kept`, coarsening it when it is full.
    fn compact(&mut self) {
        let raw = std::mem::take(&mut self.spans);
        self.kept.extend(raw.iter().map(RawSpan::resolve));
        while self.kept.len() >= KEPT_CAP {
            self.resolution_ns = (self.resolution_ns * 2).max(FIRST_RESOLUTION_NS);
            self.kept = coarsen(&self.kept, self.resolution_ns);
        }
    }

    /// The spans as the picture shows them.
    pub fn resolve(&self) -> Vec<Span> {
        let mut all = self.kept.clone();
        all.extend(self.spans.iter().map(RawSpan::resolve));
        all
    }

    /// How many spans the log holds (for tests of the bound).
    pub fn len(&self) -> usize {
        self.kept.len() + self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl RawSpan {
    fn resolve(&self) -> Span {
        let at = self.site.as_ref().map(Site::short);
        let note = match (self.blocked_in.as_deref(), at) {
            (Some(what), Some(at)) => format!("{what} at {at}"),
            (Some(what), None) => what.to_string(),
            (None, Some(at)) => at,
            (None, None) => String::new(),
        };
        Span { start_ns: self.start, end_ns: self.end, state: self.state, forced: self.forced, note }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_keeps_a_bounded_number_of_spans_covering_all_of_it() {
        let mut log = SpanLog::default();
        // Ten minutes of 5 ms turns: 120,000 running/waiting spans.
        let mut t = 0;
        for i in 0..240_000u64 {
            let state = if i % 2 == 0 { State::Running } else { State::Waiting };
            log.push(state, t, t + 2_500_000, SpanEnd { forced: state == State::Running, ..SpanEnd::NONE });
            t += 2_500_000;
        }
        assert!(log.len() < KEPT_CAP + RAW_CAP, "{} spans kept", log.len());
        let spans = log.resolve();
        assert_eq!(spans.first().map(|s| s.start_ns), Some(0));
        assert_eq!(spans.last().map(|s| s.end_ns), Some(t));
        assert!(spans.windows(2).all(|w| w[0].end_ns <= w[1].start_ns));
        assert_eq!(spans.iter().map(|s| s.end_ns - s.start_ns).sum::<u64>(), t);
    }

    #[test]
    fn short_waits_for_the_lock_are_not_spans() {
        let mut log = SpanLog::default();
        log.push(State::Waiting, 0, MIN_WAIT_NS - 1, SpanEnd::NONE);
        log.push(State::Running, 10, 20, SpanEnd::NONE);
        assert_eq!(log.resolve().len(), 1);
    }
}
