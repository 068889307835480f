//! Static SVG writer: [`svg`] turns a [`Picture`] into one self-contained
//! SVG 1.1 document (no scripts, no external references) that any browser
//! or image viewer shows.
//!
//! Contract:
//! - the output is well-formed XML with the SVG namespace and no XML
//!   declaration, so it can also be pasted into an HTML page as is; every
//!   piece of text from the picture is escaped, and characters XML cannot
//!   carry at all (most control characters) become U+FFFD;
//! - a title line (`pyl timeline — {mode}, {switch}`), the command line
//!   (cut to about 150 characters), a legend, a time axis in milliseconds
//!   with `text.tick` labels and grid lines, then one
//!   `<g class="lane" data-thread data-pid data-ident>` per lane, in the
//!   picture's order, holding the lane's label and one `<rect>` per drawn
//!   span (filled by state, with a `<title>` tooltip) and, when the lane
//!   has forced switches, one `path.forced` marking them;
//! - lanes are first coarsened to one pixel's worth of time, so the size
//!   grows with the width of the drawing, not with the length of the run.

use std::fmt::Write;

use super::coarsen::coarsen;
use super::model::{Lane, Picture, Span, State};

/// Fill colours by state: a blue / orange / light grey set that stays
/// distinguishable with the common kinds of colour blindness.
pub(crate) const RUNNING_FILL: &str = "#2b8cbe";
pub(crate) const WAITING_FILL: &str = "#f28e2b";
pub(crate) const BLOCKED_FILL: &str = "#cccccc";
/// The forced-switch mark: dark red, readable on all three fills.
pub(crate) const FORCED_FILL: &str = "#a50f15";

/// The fill used for a state, in the SVG and in the HTML page.
pub(crate) fn fill(state: State) -> &'static str {
    match state {
        State::Running => RUNNING_FILL,
        State::Waiting => WAITING_FILL,
        State::Blocked => BLOCKED_FILL,
    }
}

const WIDTH: f64 = 1200.0;
const LABEL_W: f64 = 210.0;
// Room for the last tick label, which is centred on the plot's right edge.
const RIGHT_W: f64 = 36.0;
/// Width of the plot area, the unit of the coarsening resolution.
const PLOT_W: f64 = WIDTH - LABEL_W - RIGHT_W;
const LANE_H: f64 = 18.0;
const PITCH: f64 = 22.0;
const AXIS_Y: f64 = 88.0;
const LANES_Y: f64 = 98.0;
// "pid 12345 Process-1 · Thread-10" fits whole; wider labels would crowd the plot.
const LABEL_CHARS: usize = 32;
const COMMAND_CHARS: usize = 150;

/// Draws the picture as an SVG document.
pub fn svg(p: &Picture) -> String {
    let dur = effective_duration(p);
    let res = (dur as f64 / PLOT_W) as u64;
    let multi = multi_pid(p);
    let rows = p.lanes.len().max(1) as f64;
    let height = LANES_Y + rows * PITCH + 12.0;
    let x_of = |t: u64| LABEL_W + t as f64 / dur as f64 * PLOT_W;
    // Tooltip times get as many decimals as a pixel can tell apart.
    let decimals = if res >= 100_000 {
        1
    } else if res >= 10_000 {
        2
    } else {
        3
    };

    let mut o = String::with_capacity(64 * 1024);
    let title = format!("pyl timeline — {}, {}", p.mode, p.switch);
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"pyl-timeline\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n<title>{t}</title>\n",
        w = num(WIDTH),
        h = num(height),
        t = escape(&title),
    );
    // Class names are prefixed because the HTML page inlines this SVG and
    // its style sheet then applies to the whole page.
    o.push_str(
        "<style>.pyl-timeline text{font-family:sans-serif;font-size:11px;fill:#222}\
         .pyl-timeline .tl-head{font-size:16px;font-weight:bold}\
         .pyl-timeline .tl-cmd{font-family:monospace;fill:#555}\
         .pyl-timeline .tick{fill:#555;text-anchor:middle}\
         .pyl-timeline .tl-label{text-anchor:end}\
         .pyl-timeline .lane rect{shape-rendering:crispEdges}\
         .pyl-timeline .tl-grid{stroke:#000;stroke-opacity:.15;pointer-events:none}</style>\n",
    );
    o.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    let _ = writeln!(o, "<text class=\"tl-head\" x=\"10\" y=\"22\">{}</text>", escape(&title));
    let _ = writeln!(
        o,
        "<text class=\"tl-cmd\" x=\"10\" y=\"40\">{}<title>{}</title></text>",
        escape(&truncate(&p.command, COMMAND_CHARS)),
        escape(&p.command)
    );
    legend(&mut o);

    // Lane backgrounds go first, outside the lane groups, so a lane group
    // holds only the rects of its spans.
    for i in 0..p.lanes.len() {
        let y = LANES_Y + i as f64 * PITCH;
        let _ = writeln!(
            o,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f4f4\"/>",
            num(LABEL_W),
            num(y),
            num(PLOT_W),
            num(LANE_H)
        );
    }

    for (i, lane) in p.lanes.iter().enumerate() {
        let y = LANES_Y + i as f64 * PITCH;
        if multi && i > 0 && p.lanes[i - 1].pid != lane.pid {
            // A line between processes, since lanes of one process are adjacent.
            let _ = writeln!(
                o,
                "<path d=\"M10 {}H{}\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>",
                num(y - (PITCH - LANE_H) / 2.0),
                num(WIDTH - RIGHT_W)
            );
        }
        lane_group(&mut o, lane, multi, y, res, decimals, &x_of);
    }
    if p.lanes.is_empty() {
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">no threads ran</text>",
            num(LABEL_W + PLOT_W / 2.0),
            num(LANES_Y + 13.0)
        );
    }
    axis(&mut o, dur, height - 12.0);
    o.push_str("</svg>\n");
    o
}

/// The run's length as drawn: never zero (a zero-length run is shown as
/// 1 ms) and never shorter than its last span, so nothing falls off.
pub(crate) fn effective_duration(p: &Picture) -> u64 {
    let last = p.lanes.iter().flat_map(|l| l.spans.iter()).map(|s| s.end_ns).max().unwrap_or(0);
    match p.duration_ns.max(last) {
        0 => 1_000_000,
        d => d,
    }
}

/// Whether lanes need their process named: only when several pids appear.
pub(crate) fn multi_pid(p: &Picture) -> bool {
    p.lanes.windows(2).any(|w| w[0].pid != w[1].pid)
}

/// A lane's full label, before any truncation.
pub(crate) fn lane_label(lane: &Lane, multi: bool) -> String {
    if multi { format!("pid {} {} · {}", lane.pid, lane.process, lane.thread) } else { lane.thread.clone() }
}

fn lane_group(o: &mut String, lane: &Lane, multi: bool, y: f64, res: u64, decimals: usize, x_of: &dyn Fn(u64) -> f64) {
    let label = lane_label(lane, multi);
    let _ = writeln!(
        o,
        "<g class=\"lane\" data-thread=\"{}\" data-pid=\"{}\" data-ident=\"{}\" transform=\"translate(0 {})\">",
        escape(&lane.thread),
        lane.pid,
        lane.ident,
        num(y)
    );
    let _ = writeln!(
        o,
        "<text class=\"tl-label\" x=\"{}\" y=\"13\">{}<title>{} (ident {})</title></text>",
        num(LABEL_W - 6.0),
        escape(&truncate(&label, LABEL_CHARS)),
        escape(&label),
        lane.ident
    );
    let spans = coarsen(&lane.spans, res);
    let mut marks = String::new();
    let mut last_mark: Option<f64> = None;
    for s in &spans {
        // Rounding both ends (not the width) keeps neighbours seamless.
        let x0 = round1(x_of(s.start_ns));
        let x1 = round1(x_of(s.end_ns));
        let _ = writeln!(
            o,
            "<rect x=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>",
            num(x0),
            num((x1 - x0).max(0.1)),
            num(LANE_H),
            fill(s.state),
            escape(&tooltip(s, decimals))
        );
        // A small downward triangle whose tip sits on the span's end; one
        // closer than 4 px to the last would only thicken a red smear.
        if s.forced && last_mark.is_none_or(|m| x1 - m >= 4.0) {
            let _ = write!(marks, "M{} 0h6l-3 6z", num(x1 - 3.0));
            last_mark = Some(x1);
        }
    }
    if !marks.is_empty() {
        let _ = writeln!(
            o,
            "<path class=\"forced\" d=\"{marks}\" fill=\"{FORCED_FILL}\"><title>forced switch</title></path>"
        );
    }
    o.push_str("</g>\n");
}

fn tooltip(s: &Span, decimals: usize) -> String {
    let mut t = format!("{} {}–{} ms", s.state.label(), ms(s.start_ns, decimals), ms(s.end_ns, decimals));
    if s.forced {
        t.push_str(" · forced switch");
    }
    if !s.note.is_empty() {
        t.push_str(" · ");
        t.push_str(&s.note);
    }
    t
}

fn legend(o: &mut String) {
    let mut x = 10.0;
    for state in [State::Running, State::Waiting, State::Blocked] {
        let _ = writeln!(
            o,
            "<rect x=\"{}\" y=\"52\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"62\">{}</text>",
            num(x),
            fill(state),
            num(x + 16.0),
            state.label()
        );
        // About 6 px per character at 11 px, plus room to breathe.
        x += 16.0 + state.label().len() as f64 * 6.0 + 18.0;
    }
    let _ = writeln!(
        o,
        "<path d=\"M{} 52h10l-5 10z\" fill=\"{FORCED_FILL}\"/><text x=\"{}\" y=\"62\">forced switch</text>",
        num(x + 1.0),
        num(x + 16.0)
    );
}

fn axis(o: &mut String, dur: u64, bottom: f64) {
    let dur_ms = dur as f64 / 1e6;
    let step = nice_step(dur_ms);
    let decimals = if step >= 1.0 { 0 } else { (-step.log10() - 1e-9).ceil() as usize };
    let count = (dur_ms / step + 1e-9).floor() as usize;
    let mut grid = String::new();
    for k in 0..=count {
        let v = k as f64 * step;
        let x = round1(LABEL_W + v / dur_ms * PLOT_W);
        let _ = writeln!(o, "<text class=\"tick\" x=\"{}\" y=\"{}\">{:.*} ms</text>", num(x), num(AXIS_Y), decimals, v);
        let _ = write!(grid, "M{} {}V{}", num(x), num(AXIS_Y + 4.0), num(bottom));
    }
    let _ = writeln!(o, "<path class=\"tl-grid\" d=\"{grid}\"/>");
}

/// A tick step of 1, 2 or 5 × 10^k ms giving closest to ten ticks.
fn nice_step(dur_ms: f64) -> f64 {
    let mut best = (f64::INFINITY, 1.0);
    let top = dur_ms.log10().floor() as i32;
    for k in top - 3..=top + 1 {
        for m in [1.0, 2.0, 5.0] {
            let step = m * 10f64.powi(k);
            let ticks = (dur_ms / step + 1e-9).floor() + 1.0;
            let miss = (ticks - 10.0).abs();
            // Strictly better only, so among equals the smaller step stays.
            if miss < best.0 {
                best = (miss, step);
            }
        }
    }
    best.1
}

/// Milliseconds with at most `decimals` decimals, trailing zeros dropped.
fn ms(ns: u64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, ns as f64 / 1e6);
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// A coordinate with one decimal at most, for a small file.
fn num(v: f64) -> String {
    let r = round1(v);
    if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") }
}

/// Cuts `s` to at most `max` characters, ending with an ellipsis if cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Escapes text for XML and HTML, in element content and in attributes.
pub(crate) fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            // Not allowed anywhere in an XML document, even escaped.
            '\0'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => o.push('\u{fffd}'),
            _ => o.push(c),
        }
    }
    o
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const MS: u64 = 1_000_000;

    fn span(start_ms: u64, end_ms: u64, state: State, forced: bool, note: &str) -> Span {
        Span { start_ns: start_ms * MS, end_ns: end_ms * MS, state, forced, note: note.into() }
    }

    pub(crate) const WEIRD: &str = "Thread-2 <&\"'> </script>";

    /// Three lanes, one of them in a child process, with a forced switch
    /// and names that need escaping.
    pub(crate) fn small_picture() -> Picture {
        Picture {
            mode: "GIL on".into(),
            switch: "switch interval 5 ms".into(),
            command: "pyl --timeline out.svg demo.pyl \"a<b\" & 'c'".into(),
            duration_ns: 40 * MS,
            lanes: vec![
                Lane {
                    pid: 100,
                    process: "MainProcess".into(),
                    thread: "MainThread".into(),
                    ident: 1,
                    spans: vec![
                        span(0, 5, State::Running, true, "demo.pyl:12"),
                        span(5, 10, State::Waiting, false, ""),
                        span(10, 30, State::Blocked, false, "thread.join at demo.pyl:20"),
                    ],
                },
                Lane {
                    pid: 100,
                    process: "MainProcess".into(),
                    thread: WEIRD.into(),
                    ident: u64::MAX,
                    spans: vec![
                        span(0, 5, State::Waiting, false, ""),
                        span(5, 10, State::Running, false, "demo.pyl:<3>"),
                    ],
                },
                Lane {
                    pid: 4242,
                    process: "Process-1".into(),
                    thread: "MainThread".into(),
                    ident: 139_872_000_000_123,
                    spans: vec![span(12, 40, State::Running, false, "child.pyl:1")],
                },
            ],
        }
    }

    /// Ten threads over ten seconds, each alternating running and waiting
    /// spans of 0.5–9.5 ms (about 2000 spans a thread), some forced.
    pub(crate) fn big_picture() -> Picture {
        let mut seed = 42u64;
        let mut rand = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let total = 10_000 * MS;
        let lanes = (0..10)
            .map(|i| {
                let mut spans = vec![];
                let mut t = 0;
                let mut running = i % 2 == 0;
                while t < total {
                    let len = (MS / 2 + rand(9 * MS)).min(total - t);
                    let state = if running { State::Running } else { State::Waiting };
                    let forced = running && rand(2) == 0;
                    spans.push(Span {
                        start_ns: t,
                        end_ns: t + len,
                        state,
                        forced,
                        note: format!("demo.pyl:{}", 10 + rand(40)),
                    });
                    running = !running;
                    t += len;
                }
                Lane {
                    pid: 1,
                    process: "MainProcess".into(),
                    thread: format!("Thread-{i} (worker)"),
                    ident: 1000 + i,
                    spans,
                }
            })
            .collect();
        Picture {
            mode: "GIL on".into(),
            switch: "switch interval 5 ms".into(),
            command: "pyl --timeline t.svg bench.pyl".into(),
            duration_ns: total,
            lanes,
        }
    }

    fn lanes<'a>(doc: &'a roxmltree::Document) -> Vec<roxmltree::Node<'a, 'a>> {
        doc.descendants().filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("lane")).collect()
    }

    #[test]
    fn parses_with_one_group_per_lane() {
        let p = small_picture();
        let out = svg(&p);
        let doc = roxmltree::Document::parse(&out).expect("valid XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        let groups = lanes(&doc);
        assert_eq!(groups.len(), 3);
        for (g, lane) in groups.iter().zip(&p.lanes) {
            assert_eq!(g.attribute("data-thread"), Some(lane.thread.as_str()));
            assert_eq!(g.attribute("data-pid"), Some(lane.pid.to_string().as_str()));
            assert_eq!(g.attribute("data-ident"), Some(lane.ident.to_string().as_str()));
        }
    }

    #[test]
    fn rect_fills_and_tooltips_match_spans() {
        let p = small_picture();
        let out = svg(&p);
        let doc = roxmltree::Document::parse(&out).unwrap();
        for (g, lane) in lanes(&doc).iter().zip(&p.lanes) {
            let rects: Vec<_> = g.children().filter(|n| n.has_tag_name("rect")).collect();
            assert_eq!(rects.len(), lane.spans.len());
            for (r, s) in rects.iter().zip(&lane.spans) {
                assert_eq!(r.attribute("fill"), Some(fill(s.state)));
                let tip = r.first_element_child().unwrap().text().unwrap();
                assert!(tip.starts_with(s.state.label()), "{tip}");
                assert!(tip.contains(&s.note), "{tip}");
                assert_eq!(tip.contains("forced switch"), s.forced);
            }
        }
        // The forced span of the first lane gets a mark, the others none.
        let marks: Vec<_> = doc.descendants().filter(|n| n.attribute("class") == Some("forced")).collect();
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].parent().unwrap().attribute("data-thread"), Some("MainThread"));
        // The weird name comes back whole from the label's tooltip.
        let label = lanes(&doc)[1].children().find(|n| n.has_tag_name("text")).unwrap();
        let full = label.children().find(|n| n.has_tag_name("title")).unwrap().text().unwrap();
        assert!(full.contains(WEIRD), "{full}");
    }

    #[test]
    fn header_and_labels() {
        let p = small_picture();
        let out = svg(&p);
        let doc = roxmltree::Document::parse(&out).unwrap();
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.children().filter(|c| c.is_text()).filter_map(|c| c.text()).collect())
            .collect();
        assert!(texts.iter().any(|t| t == "pyl timeline — GIL on, switch interval 5 ms"));
        assert!(texts.iter().any(|t| t == &p.command));
        // Two pids, so every label names its process.
        assert!(texts.iter().any(|t| t == "pid 4242 Process-1 · MainThread"));
        assert!(texts.iter().any(|t| t == "pid 100 MainProcess · MainThread"));
        // The weird label is cut to 28 characters but its title is whole.
        let weird = lane_label(&p.lanes[1], true);
        assert!(texts.iter().any(|t| t == &truncate(&weird, LABEL_CHARS)));
        assert!(out.contains(&escape(&weird)));
        assert!(out.contains("<title>pyl timeline — GIL on, switch interval 5 ms</title>"));
    }

    #[test]
    fn axis_ticks_in_ms() {
        let out = svg(&small_picture());
        let doc = roxmltree::Document::parse(&out).unwrap();
        let ticks: Vec<&str> =
            doc.descendants().filter(|n| n.attribute("class") == Some("tick")).filter_map(|n| n.text()).collect();
        assert!((8..=12).contains(&ticks.len()), "{ticks:?}");
        assert_eq!(ticks[0], "0 ms");
        assert_eq!(ticks[1], "5 ms");
        assert!(ticks.iter().all(|t| t.ends_with(" ms")));
        assert!(doc.descendants().any(|n| n.attribute("class") == Some("tl-grid")));
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(10_000.0), 1000.0);
        assert_eq!(nice_step(40.0), 5.0);
        assert_eq!(nice_step(1.0), 0.1);
        assert_eq!(nice_step(0.37), 0.05);
        for d in [0.001, 0.3, 7.0, 13.0, 99.0, 1234.0, 86_400_000.0] {
            let s = nice_step(d);
            let ticks = (d / s + 1e-9).floor() + 1.0;
            assert!((6.0..=14.0).contains(&ticks), "{d}: {s} {ticks}");
        }
    }

    #[test]
    fn edge_cases() {
        let mut p = small_picture();
        p.lanes.clear();
        p.duration_ns = 0;
        let out = svg(&p);
        roxmltree::Document::parse(&out).unwrap();
        assert!(out.contains("no threads ran"));
        assert!(out.contains(">1.0 ms<"), "zero duration drawn as 1 ms");

        let mut p = small_picture();
        p.lanes[0].spans.clear();
        p.lanes[1].thread = "x".repeat(500) + "\u{1}\u{0}";
        p.command = "c".repeat(1000);
        p.duration_ns = 0; // shorter than the spans: the spans win
        let out = svg(&p);
        let doc = roxmltree::Document::parse(&out).unwrap();
        assert_eq!(lanes(&doc)[0].children().filter(|n| n.has_tag_name("rect")).count(), 0);
        assert!(out.contains(&format!("{}…", "c".repeat(COMMAND_CHARS - 1))));
        assert!(out.contains(">40 ms<"));
    }

    #[test]
    fn big_picture_stays_small() {
        let p = big_picture();
        let out = svg(&p);
        assert!(out.len() < 2_000_000, "{} bytes", out.len());
        let doc = roxmltree::Document::parse(&out).unwrap();
        for g in lanes(&doc) {
            let rects = g.children().filter(|n| n.has_tag_name("rect")).count();
            assert!(rects > 100 && rects as f64 <= PLOT_W + 1.0, "{rects}");
        }
    }
}
