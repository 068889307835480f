//! The spans one thread records while `--timeline` is on.
//!
//! The interpreter lock closes a span at every phase change of a thread
//! (`ThreadRecord::enter`); the log keeps them in arrival order, cheaply
//! (a site is an `Arc` and an instruction index, turned into text only when
//! the picture is drawn).

use super::model::{Span, State};
use crate::observe::site::Site;

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
    /// The call the thread blocks in, when it goes on to block.
    pub blocked_in: Option<&'static str>,
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
    blocked_in: Option<&'static str>,
}

#[derive(Default)]
pub struct SpanLog {
    spans: Vec<RawSpan>,
    /// Set when a running span ends in a blocking call: the blocked span
    /// that follows is labelled with it.
    next_blocked: Option<(Option<&'static str>, Option<Site>)>,
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
    }

    /// The spans as the picture shows them.
    pub fn resolve(&self) -> Vec<Span> {
        self.spans
            .iter()
            .map(|s| {
                let at = s.site.as_ref().map(Site::short);
                let note = match (s.blocked_in, at) {
                    (Some(what), Some(at)) => format!("{what} at {at}"),
                    (Some(what), None) => what.to_string(),
                    (None, Some(at)) => at,
                    (None, None) => String::new(),
                };
                Span { start_ns: s.start, end_ns: s.end, state: s.state, forced: s.forced, note }
            })
            .collect()
    }
}
