//! Coarsening: merge a lane's spans so that no stretch of time is cut into
//! pieces shorter than a resolution, while longer spans stay exactly as
//! they were.
//!
//! Contract of [`coarsen`], for spans sorted by start and not overlapping
//! (anything else is first sorted and clamped so that it is):
//!
//! - a span longer than the resolution is kept intact (its start, end,
//!   state, `forced` and note), unless it touches a neighbour of the same
//!   state, in which case the two become one span;
//! - runs of shorter spans are gathered into buckets of at least the
//!   resolution; a bucket becomes one span whose state is the one that took
//!   the most time inside it (ties: running, then waiting, then blocked),
//!   which is `forced` if anything inside it was, and whose note is the note
//!   of its longest span of that state, followed by how many spans it stands
//!   for (`demo.pyl:12 (37 spans merged)`);
//! - a bucket left shorter than the resolution (because a long span, a
//!   long gap or the end came) joins the bucket before it when there is one
//!   close by, so short leftovers are rare;
//! - touching neighbours of the same state are merged;
//! - the output is sorted and non-overlapping, starts where the input
//!   starts and ends where it ends. When the input has no gaps the time
//!   covered is exactly the same; a gap shorter than the resolution inside
//!   a bucket is absorbed by it, a longer gap is kept;
//! - there are at most `extent / resolution + long + 1` output spans, where
//!   `extent` is the last end minus the first start and `long` the number
//!   of input spans longer than the resolution.
//!
//! Coarsening an already coarsened log again gives the same spans, apart
//! from the short tail, which is why it can be run on a growing log to keep
//! memory bounded: the "N spans merged" suffix of a note is read back so the
//! counts add up instead of piling suffixes onto each other.

use super::model::{Span, State};

/// Coarsens one lane's spans at `resolution_ns` (a resolution of 0 counts
/// as 1 ns). See the module documentation for the exact contract.
pub fn coarsen(spans: &[Span], resolution_ns: u64) -> Vec<Span> {
    let res = resolution_ns.max(1);
    let mut ordered: Vec<&Span> = spans.iter().collect();
    // The recorder gives sorted spans; sorting is only a safety net, and a
    // stable sort keeps equal starts in their recorded order.
    if !spans.is_sorted_by_key(|s| s.start_ns) {
        ordered.sort_by_key(|s| s.start_ns);
    }
    let mut c = Coarsener { res, out: Vec::new(), prev: None, cur: None };
    let mut cursor: Option<u64> = None;
    for s in ordered {
        // Clamp overlaps away so every later step can rely on order.
        let start = cursor.map_or(s.start_ns, |c| s.start_ns.max(c));
        let end = s.end_ns.max(start);
        cursor = Some(end);
        let (note, count) = split_note(&s.note);
        c.push(Piece { start, end, state: s.state, forced: s.forced, note, count });
    }
    c.finish().into_iter().map(Piece::into_span).collect()
}

/// A span being built, borrowing its note from the input so that notes are
/// only copied once, for the output.
#[derive(Clone, Copy, Debug)]
struct Piece<'a> {
    start: u64,
    end: u64,
    state: State,
    forced: bool,
    /// The note without any "N spans merged" suffix.
    note: &'a str,
    /// How many recorded spans this piece stands for.
    count: usize,
}

impl Piece<'_> {
    fn len(&self) -> u64 {
        self.end - self.start
    }

    fn into_span(self) -> Span {
        let note = match (self.count, self.note.is_empty()) {
            (0 | 1, _) => self.note.to_string(),
            (n, true) => format!("{n} spans merged"),
            (n, false) => format!("{} ({n} spans merged)", self.note),
        };
        Span { start_ns: self.start, end_ns: self.end, state: self.state, forced: self.forced, note }
    }
}

/// Splits a note written by [`Piece::into_span`] back into its text and
/// count; any other note stands for one span.
fn split_note(note: &str) -> (&str, usize) {
    let parse = |digits: &str| digits.parse::<usize>().ok().filter(|&n| n >= 2 && !digits.starts_with('+'));
    if let Some(rest) = note.strip_suffix(" spans merged)")
        && let Some(open) = rest.rfind(" (")
        && let Some(n) = parse(&rest[open + 2..])
    {
        return (&rest[..open], n);
    }
    if let Some(digits) = note.strip_suffix(" spans merged")
        && let Some(n) = parse(digits)
    {
        return ("", n);
    }
    (note, 1)
}

fn state_index(state: State) -> usize {
    match state {
        State::Running => 0,
        State::Waiting => 1,
        State::Blocked => 2,
    }
}

/// The order of this array is the tie-break order of a bucket's state.
const STATES: [State; 3] = [State::Running, State::Waiting, State::Blocked];

/// Short pieces gathered into one span.
#[derive(Debug)]
struct Bucket<'a> {
    start: u64,
    end: u64,
    /// Time spent in each state (indexed like [`STATES`]); gaps count for none.
    time: [u64; 3],
    forced: bool,
    count: usize,
    /// The longest piece of each state: (length, note).
    longest: [Option<(u64, &'a str)>; 3],
}

impl<'a> Bucket<'a> {
    fn new(p: &Piece<'a>) -> Self {
        Bucket { start: p.start, end: p.start, time: [0; 3], forced: false, count: 0, longest: [None; 3] }
    }

    fn len(&self) -> u64 {
        self.end - self.start
    }

    fn add(&mut self, p: &Piece<'a>) {
        let i = state_index(p.state);
        self.end = p.end;
        self.time[i] += p.len();
        self.forced |= p.forced;
        self.count += p.count;
        if self.longest[i].is_none_or(|(len, _)| p.len() > len) {
            self.longest[i] = Some((p.len(), p.note));
        }
    }

    fn absorb(&mut self, other: Bucket<'a>) {
        self.end = other.end;
        self.forced |= other.forced;
        self.count += other.count;
        for i in 0..3 {
            self.time[i] += other.time[i];
            if let Some((len, note)) = other.longest[i]
                && self.longest[i].is_none_or(|(mine, _)| len > mine)
            {
                self.longest[i] = Some((len, note));
            }
        }
    }

    fn into_piece(self) -> Piece<'a> {
        // First index with the most time: the tie-break is the array order.
        let mut best = 0;
        for i in 1..3 {
            if self.time[i] > self.time[best] {
                best = i;
            }
        }
        let note = self.longest[best].map_or("", |(_, note)| note);
        Piece { start: self.start, end: self.end, state: STATES[best], forced: self.forced, note, count: self.count }
    }
}

/// The walk over a lane. Output order is kept by always emitting `prev`
/// before `cur` and `cur` before whatever comes next.
struct Coarsener<'a> {
    res: u64,
    out: Vec<Piece<'a>>,
    /// The last full bucket, held back so that a short leftover bucket
    /// right after it can still join it instead of becoming its own span.
    prev: Option<Bucket<'a>>,
    /// The bucket being filled, shorter than the resolution.
    cur: Option<Bucket<'a>>,
}

impl<'a> Coarsener<'a> {
    fn push(&mut self, p: Piece<'a>) {
        // A long gap ends the bucket: bridging it would invent time.
        if self.cur.as_ref().is_some_and(|cur| p.start - cur.end >= self.res) {
            self.flush_leftover();
        }
        if p.len() > self.res {
            self.flush_leftover();
            self.emit_prev();
            self.emit(p);
            return;
        }
        let cur = self.cur.get_or_insert_with(|| Bucket::new(&p));
        cur.add(&p);
        if cur.len() >= self.res {
            let full = self.cur.take();
            self.emit_prev();
            self.prev = full;
        }
    }

    /// Ends the bucket being filled although it is short.
    fn flush_leftover(&mut self) {
        let Some(b) = self.cur.take() else { return };
        match &mut self.prev {
            Some(prev) if b.start - prev.end < self.res => prev.absorb(b),
            _ => {
                self.emit_prev();
                self.emit(b.into_piece());
            }
        }
    }

    fn emit_prev(&mut self) {
        if let Some(prev) = self.prev.take() {
            self.emit(prev.into_piece());
        }
    }

    /// Appends a finished piece, merging it into the last one when they
    /// touch and share a state: the note kept is the later one, because a
    /// note says where a span ended.
    fn emit(&mut self, p: Piece<'a>) {
        if let Some(last) = self.out.last_mut()
            && last.state == p.state
            && p.start <= last.end
        {
            last.end = p.end;
            last.forced |= p.forced;
            last.count += p.count;
            if !p.note.is_empty() {
                last.note = p.note;
            }
            return;
        }
        self.out.push(p);
    }

    fn finish(mut self) -> Vec<Piece<'a>> {
        self.flush_leftover();
        self.emit_prev();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: u64 = 1_000_000;

    fn span(start: u64, end: u64, state: State) -> Span {
        Span { start_ns: start, end_ns: end, state, forced: false, note: String::new() }
    }

    fn covered(spans: &[Span]) -> u64 {
        spans.iter().map(|s| s.end_ns - s.start_ns).sum()
    }

    /// Checks the properties promised for a gap-free input.
    fn check(input: &[Span], res: u64) -> Vec<Span> {
        let out = coarsen(input, res);
        let res = res.max(1);
        if input.is_empty() {
            assert!(out.is_empty());
            return out;
        }
        assert_eq!(out[0].start_ns, input[0].start_ns);
        assert_eq!(out.last().unwrap().end_ns, input.last().unwrap().end_ns);
        for s in &out {
            assert!(s.end_ns >= s.start_ns);
        }
        for w in out.windows(2) {
            assert!(w[0].end_ns <= w[1].start_ns, "overlap or unsorted: {w:?}");
        }
        assert_eq!(covered(&out), covered(input));
        let extent = input.last().unwrap().end_ns - input[0].start_ns;
        let long = input.iter().filter(|s| s.end_ns - s.start_ns > res).count() as u64;
        assert!(out.len() as u64 <= extent / res + long + 1, "{} spans, bound {}", out.len(), extent / res + long + 1);
        out
    }

    /// A small deterministic generator, so the tests need no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.0 >> 33
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn random_lane(rng: &mut Rng, n: usize, max_len: u64) -> Vec<Span> {
        let mut t = rng.below(1000);
        (0..n)
            .map(|i| {
                let len = rng.below(max_len);
                let state = STATES[rng.below(3) as usize];
                let mut s = span(t, t + len, state);
                s.forced = state == State::Running && rng.below(4) == 0;
                s.note = format!("demo.pyl:{i}");
                t += len;
                s
            })
            .collect()
    }

    #[test]
    fn empty_and_single() {
        assert!(coarsen(&[], 10).is_empty());
        let one = [span(5, 7, State::Blocked)];
        assert_eq!(check(&one, 100), one.to_vec());
    }

    #[test]
    fn long_span_survives_intact() {
        let mut long = span(10 * MS, 40 * MS, State::Blocked);
        long.note = "time.sleep at demo.pyl:7".into();
        let mut input = vec![];
        for i in 0..10 {
            let state = if i % 2 == 0 { State::Running } else { State::Waiting };
            input.push(span(i * MS, (i + 1) * MS, state));
        }
        input.push(long.clone());
        input.push(span(40 * MS, 41 * MS, State::Running));
        let out = check(&input, 5 * MS);
        assert!(out.contains(&long), "{out:?}");
    }

    #[test]
    fn same_state_neighbours_merge() {
        let mut a = span(0, 10 * MS, State::Running);
        a.note = "a.pyl:1".into();
        a.forced = true;
        let mut b = span(10 * MS, 30 * MS, State::Running);
        b.note = "a.pyl:2".into();
        let c = span(30 * MS, 50 * MS, State::Waiting);
        let out = check(&[a, b, c.clone()], MS);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].state, State::Running);
        assert_eq!((out[0].start_ns, out[0].end_ns), (0, 30 * MS));
        assert!(out[0].forced);
        assert_eq!(out[0].note, "a.pyl:2 (2 spans merged)");
        assert_eq!(out[1], c);
    }

    #[test]
    fn bucket_takes_majority_state_forced_and_longest_note() {
        let mut input = vec![];
        let mut t = 0;
        for (len, state, forced, note) in [
            (2, State::Running, false, "r.pyl:1"),
            (3, State::Waiting, false, "w"),
            (4, State::Running, true, "r.pyl:3"),
            (2, State::Blocked, false, "b"),
        ] {
            let mut s = span(t, t + len, state);
            s.forced = forced;
            s.note = note.into();
            input.push(s);
            t += len;
        }
        let out = check(&input, 10);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].state, State::Running);
        assert!(out[0].forced);
        assert_eq!(out[0].note, "r.pyl:3 (4 spans merged)");
    }

    #[test]
    fn ties_prefer_running_then_waiting() {
        let input = [span(0, 5, State::Blocked), span(5, 10, State::Waiting)];
        assert_eq!(check(&input, 10)[0].state, State::Waiting);
        let input = [span(0, 5, State::Waiting), span(5, 10, State::Running)];
        assert_eq!(check(&input, 10)[0].state, State::Running);
    }

    #[test]
    fn random_lanes_keep_every_promise() {
        let mut rng = Rng(7);
        for round in 0..200 {
            let n = rng.below(300) as usize;
            let max_len = [1, 10, 100, 1000][round % 4];
            let input = random_lane(&mut rng, n, max_len);
            for res in [0, 1, 7, 50, 500, 10_000] {
                check(&input, res);
            }
        }
    }

    #[test]
    fn gaps_are_kept_or_absorbed_and_bound_holds() {
        let mut rng = Rng(11);
        for _ in 0..200 {
            let mut input = random_lane(&mut rng, 200, 100);
            // Open gaps by shifting the tail of the lane right.
            let mut shift = 0;
            for s in &mut input {
                shift += rng.below(3) * rng.below(80);
                s.start_ns += shift;
                s.end_ns += shift;
            }
            let res = 1 + rng.below(200);
            let out = coarsen(&input, res);
            assert_eq!(out[0].start_ns, input[0].start_ns);
            assert_eq!(out.last().unwrap().end_ns, input.last().unwrap().end_ns);
            for w in out.windows(2) {
                assert!(w[0].end_ns <= w[1].start_ns);
            }
            assert!(covered(&out) >= covered(&input));
            let extent = input.last().unwrap().end_ns - input[0].start_ns;
            assert!(covered(&out) <= extent);
            let long = input.iter().filter(|s| s.end_ns - s.start_ns > res).count() as u64;
            assert!(out.len() as u64 <= extent / res + long + 1);
        }
    }

    #[test]
    fn unsorted_and_overlapping_input_is_repaired() {
        let input = [span(20, 30, State::Running), span(0, 12, State::Waiting), span(10, 20, State::Blocked)];
        let out = coarsen(&input, 1);
        assert_eq!(out.len(), 3);
        assert_eq!((out[1].start_ns, out[1].end_ns), (12, 20));
    }

    #[test]
    fn recoarsening_is_stable_and_counts_add_up() {
        let mut rng = Rng(3);
        let input = random_lane(&mut rng, 5000, 20);
        let once = coarsen(&input, 100);
        let twice = coarsen(&once, 100);
        assert_eq!(once, twice);
        // Coarsening a growing log piece by piece keeps every span counted.
        let mut log: Vec<Span> = vec![];
        for chunk in input.chunks(700) {
            log.extend_from_slice(chunk);
            log = coarsen(&log, 100);
        }
        let counted: usize = log.iter().map(|s| split_note(&s.note).1).sum();
        assert_eq!(counted, input.len());
        assert_eq!(covered(&log), covered(&input));
    }

    #[test]
    fn note_suffix_round_trips() {
        assert_eq!(split_note("demo.pyl:3 (12 spans merged)"), ("demo.pyl:3", 12));
        assert_eq!(split_note("12 spans merged"), ("", 12));
        assert_eq!(split_note("demo.pyl:3"), ("demo.pyl:3", 1));
        assert_eq!(split_note("x (+3 spans merged)"), ("x (+3 spans merged)", 1));
    }

    #[test]
    fn round_robin_keeps_long_waits_and_strict_alternation_collapses() {
        let res = 10_000 * MS / 1100;
        for thread in 0..10 {
            // Ten threads taking 5 ms turns: each runs 5 ms, then waits 45 ms.
            let mut input = vec![];
            if thread > 0 {
                input.push(span(0, thread * 5 * MS, State::Waiting));
            }
            let mut t = thread * 5 * MS;
            while t < 10_000 * MS {
                input.push(span(t, t + 5 * MS, State::Running));
                let end = (t + 50 * MS).min(10_000 * MS);
                if end > t + 5 * MS {
                    input.push(span(t + 5 * MS, end, State::Waiting));
                }
                t = end;
            }
            let out = check(&input, res);
            assert!(out.len() <= 1200);
            // The 45 ms waits are longer than the resolution and all survive.
            let waits = input.iter().filter(|s| s.end_ns - s.start_ns > res).count();
            assert_eq!(out.iter().filter(|s| s.state == State::Waiting).count(), waits);
        }
        // Strict 5 ms / 5 ms alternation is a tie in every bucket; running
        // wins each, and the touching running buckets become one span.
        let input: Vec<Span> = (0..2000)
            .map(|i| span(i * 5 * MS, (i + 1) * 5 * MS, if i % 2 == 0 { State::Running } else { State::Waiting }))
            .collect();
        let out = check(&input, res);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].note, "2000 spans merged");
    }

    #[test]
    fn ten_threads_ten_seconds_stay_readable() {
        let mut rng = Rng(42);
        let res = 10_000 * MS / 1100;
        for _ in 0..10 {
            // Alternating running and waiting spans of 0.5 to 9.5 ms.
            let mut input = vec![];
            let mut t = 0;
            let mut running = true;
            while t < 10_000 * MS {
                let len = (MS / 2 + rng.below(9 * MS)).min(10_000 * MS - t);
                input.push(span(t, t + len, if running { State::Running } else { State::Waiting }));
                running = !running;
                t += len;
            }
            assert!(input.len() > 1500);
            let out = check(&input, res);
            assert!(out.len() <= 1200, "{} spans", out.len());
        }
    }
}
