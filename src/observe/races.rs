//! Lost-update detection for `--explain-races`.
//!
//! The interpreter calls [`Races::read`] and [`Races::write`] for every access to a module global, a class
//! attribute or an instance attribute, in one global order (calls are serialised by the caller's Mutex). At exit,
//! [`Races::report`] explains the first *lost update* seen:
//!
//! 1. thread T reads X (read R),
//! 2. another thread U writes X after R,
//! 3. T writes X, in the same function activation as R and at most 3 lines below it, without having written X or
//!    read it again in between. T's write is computed from a value that no longer holds, so U's update is gone.
//!
//! What is *not* detected, on purpose: a read and a write in different frames or far apart (we cannot tell
//! whether the write depends on the read), races on local variables, list/dict items or anything else the
//! interpreter does not report, check-then-act races that never write, and interleavings that did not happen in
//! this run. The rule needs the interleaving to have actually occurred, so correctly locked code can never show it
//! and nothing about locks is tracked: no false positives from missing lock knowledge. The remaining imprecision
//! is a write within 3 lines that does not really use the read (`print(x)` then `x = 0`); it is still a write
//! that silently discards another thread's update, so reporting it is defensible.
//!
//! Cost: O(1) amortised per access (one hash lookup plus a scan of the per-variable list of pending reads, at most
//! one per thread). Memory: at most [`MAX_VARS`] variables with pending reads; a variable whose pending reads are
//! all consumed by writes is dropped from the table at once, and reads older than [`MAX_AGE`] accesses are swept
//! when the table is full. Beyond that, new variables are not tracked (silent, never wrong).
//!
//! Limitation: objects are identified by address, and a freed object's address may be reused by a new one. That
//! can only matter if a read of the old object, a write by another thread and a write of the new object at the same
//! address line up in the same frame within 3 lines, which we accept.

use std::collections::HashMap;
use std::sync::Arc;

/// Most variables tracked at once; keeps `--explain-races` bounded on programs with millions of objects.
pub const MAX_VARS: usize = 100_000;
/// A pending read older than this many accesses may be forgotten when the table is full. A real lost update spans
/// one or a few thread switches, far fewer accesses than this.
pub const MAX_AGE: u64 = 1_000_000;

/// What variable: a module global, an instance's attribute or a class attribute.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Var {
    /// `name` in the module whose globals dict has this address.
    Global { module: usize, name: Arc<str> },
    /// `name` in the `__dict__` of the object at this address; `class` is the object's class name (for the
    /// report: "the attribute 'balance' of an Account object").
    Attr { object: usize, class: Arc<str>, name: Arc<str> },
    /// `name` of the class at this address (a class attribute, `Counter.count`).
    ClassAttr { class_id: usize, class: Arc<str>, name: Arc<str> },
}

impl Var {
    /// The attribute or global name as it appears after the opcode (`LOAD_ATTR count`).
    fn name(&self) -> &str {
        match self {
            Var::Global { name, .. } | Var::Attr { name, .. } | Var::ClassAttr { name, .. } => name,
        }
    }

    /// The name the explanation quotes: `balance`, or `Counter.count` for a class attribute.
    fn quoted(&self) -> String {
        match self {
            Var::ClassAttr { class, name, .. } => format!("{class}.{name}"),
            _ => self.name().to_string(),
        }
    }

    fn phrase(&self) -> String {
        match self {
            Var::Global { name, .. } => format!("the global '{name}'"),
            Var::Attr { class, name, .. } => {
                let vowel = class.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c));
                format!("the attribute '{name}' of {} {class} object", if vowel { "an" } else { "a" })
            }
            Var::ClassAttr { .. } => format!("the class attribute '{}'", self.quoted()),
        }
    }
}

/// One access, as the interpreter saw it. `P` is where it happened (an opaque place the caller renders at report
/// time), `V` the value read or written (rendered at report time too, so recording stays cheap).
#[derive(Clone, Debug)]
pub struct Access<P, V> {
    /// The thread's serial number (1 = main thread, 2.. in start order).
    pub thread: u64,
    /// Identity of the function activation the access is in (unique per call).
    pub frame: u64,
    /// Source line of the access.
    pub line: u32,
    /// Bytecode name for the table: "LOAD_GLOBAL", "STORE_GLOBAL", "LOAD_ATTR", "STORE_ATTR".
    pub op: &'static str,
    pub place: P,
    pub value: V,
}

/// An access with its position in the global order, so the report can number steps chronologically.
#[derive(Clone, Debug)]
struct Stamped<P, V> {
    seq: u64,
    access: Access<P, V>,
}

/// The first write by another thread after a pending read, with that writer's own read if it had one.
#[derive(Debug)]
struct Interrupt<P, V> {
    read: Option<Stamped<P, V>>,
    write: Stamped<P, V>,
}

/// A thread's last read of a variable, not yet consumed by a write of that thread.
#[derive(Debug)]
struct Pending<P, V> {
    read: Stamped<P, V>,
    /// Boxed: usually `None`, and the pending list should stay small.
    interrupt: Option<Box<Interrupt<P, V>>>,
}

/// The first lost update, kept for the report.
#[derive(Debug)]
struct Lost<P, V> {
    var: Var,
    read: Stamped<P, V>,
    other: Interrupt<P, V>,
    write: Stamped<P, V>,
}

/// The lost-update detector. Not thread-safe by itself: the interpreter wraps it in a Mutex.
#[derive(Debug)]
pub struct Races<P, V> {
    /// Global order of accesses.
    seq: u64,
    /// Per variable, the pending reads (at most one per thread). Only variables with a pending read are present.
    vars: HashMap<Var, Vec<Pending<P, V>>>,
    max_vars: usize,
    max_age: u64,
    /// `seq` at the last sweep, so sweeps happen at most once per `max_age` accesses (amortised O(1)).
    swept_at: u64,
    lost: u64,
    first: Option<Box<Lost<P, V>>>,
}

impl<P: Clone, V: Clone> Default for Races<P, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// Does this write consume this read as one read-modify-write? Same activation, at most 3 lines below.
fn paired<P, V>(read: &Access<P, V>, write: &Access<P, V>) -> bool {
    read.frame == write.frame && write.line >= read.line && write.line - read.line <= 3
}

impl<P: Clone, V: Clone> Races<P, V> {
    pub fn new() -> Self {
        Races { seq: 0, vars: HashMap::new(), max_vars: MAX_VARS, max_age: MAX_AGE, swept_at: 0, lost: 0, first: None }
    }

    pub fn read(&mut self, var: &Var, access: Access<P, V>) {
        self.seq += 1;
        let read = Stamped { seq: self.seq, access };
        if let Some(pending) = self.vars.get_mut(var) {
            // A newer read replaces the older one: it saw any write made in between, so that write is not lost.
            match pending.iter_mut().find(|p| p.read.access.thread == read.access.thread) {
                Some(p) => {
                    p.read = read;
                    p.interrupt = None;
                }
                None => pending.push(Pending { read, interrupt: None }),
            }
            return;
        }
        if self.vars.len() >= self.max_vars {
            self.sweep();
            if self.vars.len() >= self.max_vars {
                return; // Untracked: a later write finds no read and stays silent.
            }
        }
        self.vars.insert(var.clone(), vec![Pending { read, interrupt: None }]);
    }

    pub fn write(&mut self, var: &Var, access: Access<P, V>) {
        self.seq += 1;
        // No pending read by anyone: this write can neither lose an update nor be lost later, nothing to do.
        let Some(pending) = self.vars.get_mut(var) else { return };
        let write = Stamped { seq: self.seq, access };
        let thread = write.access.thread;
        // The writer's own read is consumed: the next write needs a new read.
        let mine = pending.iter().position(|p| p.read.access.thread == thread).map(|i| pending.swap_remove(i));
        // Every other pending reader is now stale; remember the first write that made it so.
        for p in pending.iter_mut().filter(|p| p.interrupt.is_none()) {
            let read = mine.as_ref().filter(|m| m.read.access.frame == write.access.frame).map(|m| m.read.clone());
            p.interrupt = Some(Box::new(Interrupt { read, write: write.clone() }));
        }
        if pending.is_empty() {
            self.vars.remove(var);
        }
        let Some(Pending { read, interrupt: Some(other) }) = mine else { return };
        if !paired(&read.access, &write.access) {
            return;
        }
        self.lost += 1;
        if self.first.is_none() {
            self.first = Some(Box::new(Lost { var: var.clone(), read, other: *other, write }));
        }
    }

    /// Forget pending reads older than `max_age` accesses, at most once per `max_age` accesses.
    fn sweep(&mut self) {
        if self.seq - self.swept_at < self.max_age {
            return;
        }
        let cutoff = self.seq - self.max_age;
        self.vars.retain(|_, pending| {
            pending.retain(|p| p.read.seq > cutoff);
            !pending.is_empty()
        });
        self.swept_at = self.seq;
    }

    /// Number of lost updates detected so far (all of them, not only the first).
    pub fn lost(&self) -> u64 {
        self.lost
    }

    /// The report for stderr, or None when no lost update was seen. `thread_name(serial)` gives a thread's name,
    /// `place(&P)` gives (file:line, source line text), `value(&V)` the short repr of a value.
    pub fn report(
        &self,
        thread_name: impl Fn(u64) -> String,
        place: impl Fn(&P) -> (String, String),
        value: impl Fn(&V) -> String,
    ) -> Option<String> {
        let lost = self.first.as_deref()?;
        let var = &lost.var;
        // Chronological steps; the other thread's read may come before or after ours.
        let mut steps: Vec<&Stamped<P, V>> = vec![&lost.read, &lost.other.write, &lost.write];
        steps.extend(lost.other.read.as_ref());
        steps.sort_by_key(|s| s.seq);
        let step_of = |s: &Stamped<P, V>| steps.iter().position(|t| t.seq == s.seq).map_or(0, |i| i + 1);

        let mut rows = vec![["step", "thread", "where", "bytecode", "source"].map(String::from)];
        for (i, s) in steps.iter().enumerate() {
            let a = &s.access;
            let (at, source) = place(&a.place);
            let code = format!("{} {} (={})", a.op, var.name(), value(&a.value));
            rows.push([(i + 1).to_string(), thread_name(a.thread), at, code, source.trim().to_string()]);
        }
        let mut widths = [0; 5];
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }

        let mut out = format!("Race detected: an update of {} was lost.\n\n", var.phrase());
        for row in &rows {
            let mut line = String::from(" ");
            for (w, cell) in widths.iter().zip(row) {
                line.push_str(&format!(" {cell:<w$} "));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }

        let (t, u) = (thread_name(lost.write.access.thread), thread_name(lost.other.write.access.thread));
        let name = var.quoted();
        out.push_str(&format!(
            "\n{u}'s update was lost: {t} read '{name}' at step {}, {u} wrote it at step {}, and {t} wrote back a value \
             computed from what it read before (step {}).\n",
            step_of(&lost.read),
            step_of(&lost.other.write),
            step_of(&lost.write),
        ));
        out.push_str(&format!("Hold one lock around the read and the write in every thread that changes '{name}':\n"));
        out.push_str("    with lock:\n");
        // The locked region must span the read too when the read-modify-write takes several lines.
        let (read_line, write_line) = (lost.read.access.line, lost.write.access.line);
        if read_line < write_line {
            out.push_str(&format!("        {}\n", place(&lost.read.access.place).1.trim()));
            if write_line - read_line > 1 {
                out.push_str("        ...\n");
            }
        }
        out.push_str(&format!("        {}\n", place(&lost.write.access.place).1.trim()));
        if self.lost > 1 {
            out.push_str(&format!("In all, {} updates of shared variables were lost this way.\n", self.lost));
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type P = (u32, &'static str);
    type R = Races<P, i64>;

    const SRC: &str = "balance = balance + n";

    fn global(name: &str) -> Var {
        Var::Global { module: 1, name: name.into() }
    }

    fn acc(thread: u64, frame: u64, line: u32, op: &'static str, source: &'static str, value: i64) -> Access<P, i64> {
        Access { thread, frame, line, op, place: (line, source), value }
    }

    fn render(r: &R) -> Option<String> {
        r.report(
            |t| format!("Thread-{} (change)", t - 1),
            |p| (format!("bank.pyl:{}", p.0), format!("    {}", p.1)),
            |v| v.to_string(),
        )
    }

    /// T1 read, T2 read, T2 write, T1 write of `var`, in frames 10 + thread.
    fn classic(r: &mut R, var: &Var, load: &'static str, store: &'static str) {
        r.read(var, acc(2, 12, 12, load, SRC, 100));
        r.read(var, acc(3, 13, 12, load, SRC, 100));
        r.write(var, acc(3, 13, 12, store, SRC, 108));
        r.write(var, acc(2, 12, 12, store, SRC, 95));
    }

    #[test]
    fn classic_interleaving_reported_exactly() {
        let mut r = R::new();
        classic(&mut r, &global("balance"), "LOAD_GLOBAL", "STORE_GLOBAL");
        assert_eq!(r.lost(), 1);
        let expected = "\
Race detected: an update of the global 'balance' was lost.

  step  thread             where        bytecode                     source
  1     Thread-1 (change)  bank.pyl:12  LOAD_GLOBAL balance (=100)   balance = balance + n
  2     Thread-2 (change)  bank.pyl:12  LOAD_GLOBAL balance (=100)   balance = balance + n
  3     Thread-2 (change)  bank.pyl:12  STORE_GLOBAL balance (=108)  balance = balance + n
  4     Thread-1 (change)  bank.pyl:12  STORE_GLOBAL balance (=95)   balance = balance + n

Thread-2 (change)'s update was lost: Thread-1 (change) read 'balance' at step 1, Thread-2 (change) wrote it at \
step 3, and Thread-1 (change) wrote back a value computed from what it read before (step 4).
Hold one lock around the read and the write in every thread that changes 'balance':
    with lock:
        balance = balance + n
";
        assert_eq!(render(&r).unwrap(), expected);
    }

    #[test]
    fn detector_can_live_in_a_mutex_shared_by_threads() {
        fn send<T: Send>() {}
        send::<Races<Arc<str>, Arc<str>>>();
    }

    #[test]
    fn no_interleaving_is_silent() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(2, 12, 12, "LOAD_GLOBAL", SRC, 100));
        r.write(&v, acc(2, 12, 12, "STORE_GLOBAL", SRC, 95));
        r.read(&v, acc(3, 13, 12, "LOAD_GLOBAL", SRC, 95));
        r.write(&v, acc(3, 13, 12, "STORE_GLOBAL", SRC, 103));
        assert_eq!(r.lost(), 0);
        assert!(render(&r).is_none());
        assert!(r.vars.is_empty(), "consumed reads leave no state behind");
    }

    #[test]
    fn single_thread_never_reports() {
        let mut r = R::new();
        let v = global("x");
        for i in 0..100 {
            r.read(&v, acc(1, i % 3, 5, "LOAD_GLOBAL", "x += 1", 0));
            r.write(&v, acc(1, i % 2, 5, "STORE_GLOBAL", "x += 1", 1));
        }
        assert_eq!(r.lost(), 0);
    }

    #[test]
    fn read_and_write_in_different_frames_not_paired() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(2, 12, 12, "LOAD_GLOBAL", SRC, 100));
        r.write(&v, acc(3, 13, 12, "STORE_GLOBAL", SRC, 108));
        r.write(&v, acc(2, 99, 12, "STORE_GLOBAL", SRC, 95));
        assert_eq!(r.lost(), 0);
        // That write consumed thread 2's read, so a later write in the right frame has nothing to pair with.
        r.write(&v, acc(2, 12, 13, "STORE_GLOBAL", SRC, 95));
        assert_eq!(r.lost(), 0);
    }

    #[test]
    fn write_far_below_read_not_paired() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(2, 12, 12, "LOAD_GLOBAL", SRC, 100));
        r.write(&v, acc(3, 13, 12, "STORE_GLOBAL", SRC, 108));
        r.write(&v, acc(2, 12, 22, "STORE_GLOBAL", "balance = 0", 0));
        assert_eq!(r.lost(), 0);
        assert!(render(&r).is_none());
    }

    #[test]
    fn reader_that_only_reads_again_is_silent() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(2, 12, 12, "LOAD_GLOBAL", SRC, 100));
        r.write(&v, acc(3, 13, 12, "STORE_GLOBAL", SRC, 108));
        r.read(&v, acc(2, 12, 13, "LOAD_GLOBAL", "print(balance)", 108));
        assert_eq!(r.lost(), 0);
        // The fresh read saw thread 3's write, so writing now loses nothing.
        r.write(&v, acc(2, 12, 14, "STORE_GLOBAL", "balance = balance + 1", 109));
        assert_eq!(r.lost(), 0);
    }

    #[test]
    fn multi_line_read_modify_write_locks_both_lines() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(2, 12, 10, "LOAD_GLOBAL", "tmp = balance", 100));
        r.write(&v, acc(3, 13, 12, "STORE_GLOBAL", SRC, 108));
        r.write(&v, acc(2, 12, 12, "STORE_GLOBAL", "balance = tmp", 95));
        assert_eq!(r.lost(), 1);
        let text = render(&r).unwrap();
        assert!(text.contains("    with lock:\n        tmp = balance\n        ...\n        balance = tmp\n"), "{text}");
    }

    #[test]
    fn lost_counts_every_occurrence() {
        let mut r = R::new();
        let v = global("balance");
        for round in 0..5 {
            r.read(&v, acc(2, 100 + round, 12, "LOAD_GLOBAL", SRC, 1));
            r.read(&v, acc(3, 200 + round, 12, "LOAD_GLOBAL", SRC, 1));
            r.write(&v, acc(3, 200 + round, 12, "STORE_GLOBAL", SRC, 2));
            r.write(&v, acc(2, 100 + round, 12, "STORE_GLOBAL", SRC, 3));
        }
        classic(&mut r, &global("other"), "LOAD_GLOBAL", "STORE_GLOBAL");
        assert_eq!(r.lost(), 6);
        let text = render(&r).unwrap();
        assert!(text.starts_with("Race detected: an update of the global 'balance' was lost.\n"), "{text}");
        assert!(text.ends_with("\nIn all, 6 updates of shared variables were lost this way.\n"), "{text}");
    }

    #[test]
    fn attribute_phrasing() {
        let mut r = R::new();
        let v = Var::Attr { object: 0x1000, class: "Account".into(), name: "balance".into() };
        classic(&mut r, &v, "LOAD_ATTR", "STORE_ATTR");
        let text = render(&r).unwrap();
        assert!(text.starts_with("Race detected: an update of the attribute 'balance' of an Account object was lost."));
        assert!(text.contains("STORE_ATTR balance (=108)"), "{text}");
        assert_eq!(
            Var::Attr { object: 1, class: "Bank".into(), name: "x".into() }.phrase(),
            "the attribute 'x' of a Bank object"
        );
        // Same attribute name on another object is another variable.
        let mut r = R::new();
        let other = Var::Attr { object: 0x2000, class: "Account".into(), name: "balance".into() };
        r.read(&v, acc(2, 12, 12, "LOAD_ATTR", SRC, 100));
        r.write(&other, acc(3, 13, 12, "STORE_ATTR", SRC, 108));
        r.write(&v, acc(2, 12, 12, "STORE_ATTR", SRC, 95));
        assert_eq!(r.lost(), 0);
    }

    #[test]
    fn class_attribute_phrasing() {
        let mut r = R::new();
        let v = Var::ClassAttr { class_id: 0x3000, class: "Counter".into(), name: "count".into() };
        classic(&mut r, &v, "LOAD_ATTR", "STORE_ATTR");
        let text = render(&r).unwrap();
        assert!(text.starts_with("Race detected: an update of the class attribute 'Counter.count' was lost.\n"));
        assert!(text.contains("LOAD_ATTR count (=100)"), "{text}");
        assert!(text.contains("every thread that changes 'Counter.count':"), "{text}");
    }

    #[test]
    fn step_two_omitted_when_other_thread_did_not_read() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(2, 12, 12, "LOAD_GLOBAL", SRC, 100));
        r.write(&v, acc(3, 13, 20, "STORE_GLOBAL", "balance = 0", 0));
        r.write(&v, acc(2, 12, 12, "STORE_GLOBAL", SRC, 95));
        let text = render(&r).unwrap();
        let rows: Vec<&str> = text.lines().skip(3).take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 3, "{text}");
        assert!(rows[1].starts_with("  2     Thread-2 (change)  bank.pyl:20  STORE_GLOBAL balance (=0)"), "{text}");
        assert!(text.contains("Thread-2 (change) wrote it at step 2, and Thread-1 (change) wrote back"), "{text}");
        assert!(text.contains("(step 3).\n"), "{text}");
    }

    #[test]
    fn other_read_before_ours_is_numbered_chronologically() {
        let mut r = R::new();
        let v = global("balance");
        r.read(&v, acc(3, 13, 12, "LOAD_GLOBAL", SRC, 100));
        r.read(&v, acc(2, 12, 12, "LOAD_GLOBAL", SRC, 100));
        r.write(&v, acc(3, 13, 12, "STORE_GLOBAL", SRC, 108));
        r.write(&v, acc(2, 12, 12, "STORE_GLOBAL", SRC, 95));
        let text = render(&r).unwrap();
        assert!(text.contains("  1     Thread-2 (change)"), "{text}");
        assert!(text.contains("Thread-1 (change) read 'balance' at step 2, Thread-2 (change) wrote it at step 3"));
    }

    #[test]
    fn variables_beyond_the_cap_are_silent() {
        let mut r = R::new();
        r.max_vars = 2;
        r.read(&global("a"), acc(2, 1, 1, "LOAD_GLOBAL", "a", 0));
        r.read(&global("b"), acc(2, 1, 1, "LOAD_GLOBAL", "b", 0));
        classic(&mut r, &global("c"), "LOAD_GLOBAL", "STORE_GLOBAL");
        assert_eq!(r.lost(), 0);
        assert_eq!(r.vars.len(), 2);
        // Tracked variables still work at the cap.
        classic(&mut r, &global("a"), "LOAD_GLOBAL", "STORE_GLOBAL");
        assert_eq!(r.lost(), 1);
    }

    #[test]
    fn sweep_forgets_old_reads_when_full() {
        let mut r = R::new();
        r.max_vars = 2;
        r.max_age = 10;
        r.read(&global("a"), acc(2, 1, 1, "LOAD_GLOBAL", "a", 0));
        r.read(&global("b"), acc(2, 1, 1, "LOAD_GLOBAL", "b", 0));
        for _ in 0..10 {
            r.read(&global("b"), acc(3, 1, 1, "LOAD_GLOBAL", "b", 0));
        }
        classic(&mut r, &global("c"), "LOAD_GLOBAL", "STORE_GLOBAL");
        assert_eq!(r.lost(), 1, "the stale read of 'a' made room for 'c'");
        assert!(!r.vars.contains_key(&global("a")));
    }

    #[test]
    fn many_interleaved_increments_are_fast() {
        let mut r = R::new();
        let v = Var::ClassAttr { class_id: 7, class: "Counter".into(), name: "count".into() };
        let start = std::time::Instant::now();
        for i in 0..100_000u64 {
            let value = i as i64;
            r.read(&v, acc(2, 2 * i, 4, "LOAD_ATTR", "Counter.count += 1", value));
            r.read(&v, acc(3, 2 * i + 1, 4, "LOAD_ATTR", "Counter.count += 1", value));
            r.write(&v, acc(2, 2 * i, 4, "STORE_ATTR", "Counter.count += 1", value + 1));
            r.write(&v, acc(3, 2 * i + 1, 4, "STORE_ATTR", "Counter.count += 1", value + 1));
        }
        // Each round, thread 3's write discards thread 2's increment.
        assert_eq!(r.lost(), 100_000);
        assert!(r.vars.is_empty());
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }
}
