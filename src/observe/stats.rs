//! `--gil-stats` and `sys._gil_stats()`: the records as figures.
//!
//! A `Snapshot` is taken from the records (live threads are read as they
//! are at that moment); the table printed at exit and the dict the
//! program gets are two renderings of the same snapshot.

use super::Observer;
use super::record::Totals;
use crate::vm::gil::{Gil, SwitchPolicy};
use crate::vm::schedule::Rule;

/// Figures of ended threads whose records were let go.
#[derive(Clone, Copy, Debug, Default)]
pub struct Folded {
    pub threads: u64,
    pub totals: Totals,
}

impl Folded {
    pub fn add(&mut self, t: &Totals) {
        self.threads += 1;
        let s = &mut self.totals;
        s.running += t.running;
        s.waiting += t.waiting;
        s.blocked += t.blocked;
        s.cpu += t.cpu;
        s.acquisitions += t.acquisitions;
        s.forced += t.forced;
        s.voluntary += t.voluntary;
    }
}

/// One thread's row.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub ident: u64,
    pub alive: bool,
    pub daemon: bool,
    pub totals: Totals,
}

/// Everything the table shows.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub pid: u32,
    pub process: String,
    /// The GIL is on.
    pub gil: bool,
    pub policy: SwitchPolicy,
    pub switch_interval: f64,
    pub wall_ns: u64,
    pub cpu_ns: u64,
    /// Acquisitions of the GIL by another thread than the one before
    /// (None without the GIL, where the lock is shared).
    pub handoffs: Option<u64>,
    pub threads: Vec<Row>,
    /// Ended threads folded into one row (count, figures).
    pub folded: Folded,
}

impl Snapshot {
    pub fn take(observer: &Observer, gil: &Gil) -> Snapshot {
        let now = observer.clock.now();
        let threads = observer
            .threads()
            .iter()
            .map(|t| {
                let alive = t.alive();
                let cpu_now = if alive { super::cpu::thread_ns(t.native_id()) } else { None };
                Row {
                    name: t.name().to_string(),
                    ident: t.ident(),
                    alive,
                    daemon: t.daemon(),
                    totals: t.totals(now, cpu_now),
                }
            })
            .collect();
        let start = observer.stats_start.load(std::sync::atomic::Ordering::Relaxed);
        let cpu_base = observer.cpu_base.load(std::sync::atomic::Ordering::Relaxed);
        let handoffs_base = observer.handoffs_base.load(std::sync::atomic::Ordering::Relaxed);
        Snapshot {
            pid: std::process::id(),
            process: observer.process_name(),
            gil: gil.is_enabled(),
            policy: gil.policy(),
            switch_interval: gil.switch_interval(),
            wall_ns: now.saturating_sub(start),
            cpu_ns: super::cpu::process_ns().saturating_sub(cpu_base),
            handoffs: gil.is_enabled().then(|| gil.handoffs().saturating_sub(handoffs_base)),
            threads,
            folded: *observer.folded.lock(),
        }
    }

    /// CPU time over wall time: 1.0 for one core kept busy.
    pub fn parallelism(&self) -> f64 {
        if self.wall_ns == 0 { 0.0 } else { self.cpu_ns as f64 / self.wall_ns as f64 }
    }

    /// `GIL on` / `GIL off`.
    pub fn mode(&self) -> &'static str {
        if self.gil { "GIL on" } else { "GIL off" }
    }

    /// The hand-off rule, as the header says it.
    pub fn rule(&self) -> String {
        if !self.gil {
            return "threads run in parallel".to_string();
        }
        match self.policy {
            SwitchPolicy::Time => format!("switch interval {}", millis(self.switch_interval)),
            SwitchPolicy::Checks(n) => format!("switch every {n} eval-breaker checks"),
            SwitchPolicy::Scheduled(Rule::Seeded(seed)) => {
                format!("deterministic schedule, seed {seed} (--schedule {seed} replays it)")
            }
            SwitchPolicy::Scheduled(Rule::Every(n)) => {
                format!("deterministic schedule, a switch every {n} instructions")
            }
        }
    }

    /// The table printed at exit.
    pub fn table(&self) -> String {
        let mut rows: Vec<[String; 10]> = Vec::new();
        let header =
            ["thread", "ident", "alive", "running", "waiting", "blocked", "cpu", "acquired", "forced", "voluntary"]
                .map(str::to_string);
        let line = |name: String, ident: String, alive: String, t: &Totals| {
            [
                name,
                ident,
                alive,
                secs(t.running),
                secs(t.waiting),
                secs(t.blocked),
                secs(t.cpu),
                t.acquisitions.to_string(),
                t.forced.to_string(),
                t.voluntary.to_string(),
            ]
        };
        for r in &self.threads {
            let alive = match (r.alive, r.daemon) {
                (true, true) => "yes (daemon)",
                (true, false) => "yes",
                (false, _) => "no",
            };
            rows.push(line(r.name.clone(), r.ident.to_string(), alive.to_string(), &r.totals));
        }
        if self.folded.threads > 0 {
            let name = format!("({} more ended threads)", self.folded.threads);
            rows.push(line(name, String::new(), "no".to_string(), &self.folded.totals));
        }
        let mut widths = header.clone().map(|h| h.len());
        for r in &rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = format!(
            "GIL statistics for pid {} ({}): {}, {}; times in seconds\n",
            self.pid,
            self.process,
            self.mode(),
            self.rule()
        );
        for r in std::iter::once(&header).chain(rows.iter()) {
            let mut l = String::new();
            for (i, (c, w)) in r.iter().zip(widths).enumerate() {
                // Names and words to the left, figures to the right.
                if i <= 2 {
                    l.push_str(&format!("{c:<w$}  "));
                } else {
                    l.push_str(&format!("{c:>w$}  "));
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        }
        let handoffs = match self.handoffs {
            Some(1) => "1 hand-off between threads".to_string(),
            Some(n) => format!("{n} hand-offs between threads"),
            None => "no hand-offs (the lock is shared)".to_string(),
        };
        out.push_str(&format!(
            "total: wall {} s, cpu {} s, parallelism {:.2}, {}\n",
            secs(self.wall_ns),
            secs(self.cpu_ns),
            self.parallelism(),
            handoffs
        ));
        out
    }
}

/// Nanoseconds as seconds with three decimals.
fn secs(ns: u64) -> String {
    format!("{:.3}", ns as f64 / 1e9)
}

/// Seconds as milliseconds, without needless decimals (`5 ms`, `0.1 ms`).
pub fn millis(secs: f64) -> String {
    let ms = secs * 1e3;
    let text = format!("{ms:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} ms")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, running: u64) -> Row {
        Row {
            name: name.to_string(),
            ident: 42,
            alive: false,
            daemon: false,
            totals: Totals { running, acquisitions: 3, ..Totals::default() },
        }
    }

    #[test]
    fn the_table_has_a_header_a_row_per_thread_and_totals() {
        let s = Snapshot {
            pid: 7,
            process: "MainProcess".into(),
            gil: true,
            policy: SwitchPolicy::Time,
            switch_interval: 0.005,
            wall_ns: 2_000_000_000,
            cpu_ns: 1_000_000_000,
            handoffs: Some(12),
            threads: vec![row("MainThread", 1_500_000), row("Thread-1 (work)", 900_000_000)],
            folded: Folded::default(),
        };
        let t = s.table();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 5, "{t}");
        assert!(lines[0].starts_with("GIL statistics for pid 7 (MainProcess): GIL on, switch interval 5 ms"));
        assert!(lines[1].starts_with("thread"));
        assert!(lines[3].starts_with("Thread-1 (work)"));
        assert!(lines[3].contains("0.900"));
        assert_eq!(lines[4], "total: wall 2.000 s, cpu 1.000 s, parallelism 0.50, 12 hand-offs between threads");
    }

    #[test]
    fn millis_drops_needless_decimals() {
        assert_eq!(millis(0.005), "5 ms");
        assert_eq!(millis(0.0001), "0.1 ms");
        assert_eq!(millis(1.5), "1500 ms");
    }
}
