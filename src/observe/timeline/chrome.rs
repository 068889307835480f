//! Chrome Trace Event Format writer: [`chrome_trace`] turns a [`Picture`]
//! into the JSON object form that Perfetto and `chrome://tracing` load.
//!
//! Contract:
//! - `{"traceEvents":[...],"displayTimeUnit":"ms","otherData":{"mode",
//!   "switch","command"}}`, hand-written (no serde at run time);
//! - per process (each distinct pid, in order of first appearance) a
//!   `process_name` and a `process_sort_index` metadata event; per lane a
//!   `thread_name` (with the thread's ident as a string, since idents can
//!   exceed what a JSON number holds exactly) and a `thread_sort_index`;
//! - a lane's `tid` is its index in the picture plus one: small, stable and
//!   unique even when two processes reuse an ident;
//! - one complete (`"ph":"X"`) event per span, not coarsened, named by the
//!   state's label, with `ts`/`dur` in microseconds written exactly from
//!   the nanoseconds, and the note in `args`;
//! - one thread-scoped instant (`"ph":"i"`) event named `forced switch` at
//!   the end of every forced span.

use std::fmt::Write;

use super::model::Picture;

/// Writes the picture as a Chrome trace (JSON object form).
pub fn chrome_trace(p: &Picture) -> String {
    let spans: usize = p.lanes.iter().map(|l| l.spans.len()).sum();
    let mut o = String::with_capacity(256 + spans * 140);
    o.push_str("{\"traceEvents\":[\n");
    let mut first = true;
    // Every event but the first is preceded by a comma, so that none trails.
    let mut event = |o: &mut String, body: String| {
        if !first {
            o.push_str(",\n");
        }
        first = false;
        o.push_str(&body);
    };

    let mut seen: Vec<u32> = Vec::new();
    for lane in &p.lanes {
        if !seen.contains(&lane.pid) {
            seen.push(lane.pid);
            let pid = lane.pid;
            let name = json_str(&lane.process);
            event(
                &mut o,
                format!("{{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":{pid},\"args\":{{\"name\":{name}}}}}"),
            );
            let index = seen.len() - 1;
            event(
                &mut o,
                format!(
                    "{{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":{pid},\"args\":{{\"sort_index\":{index}}}}}"
                ),
            );
        }
    }
    for (i, lane) in p.lanes.iter().enumerate() {
        let (pid, tid) = (lane.pid, i + 1);
        let name = json_str(&lane.thread);
        event(
            &mut o,
            format!(
                "{{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":{pid},\"tid\":{tid},\
                 \"args\":{{\"name\":{name},\"ident\":\"{}\"}}}}",
                lane.ident
            ),
        );
        event(
            &mut o,
            format!(
                "{{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":{pid},\"tid\":{tid},\"args\":{{\"sort_index\":{i}}}}}"
            ),
        );
    }
    for (i, lane) in p.lanes.iter().enumerate() {
        let (pid, tid) = (lane.pid, i + 1);
        for s in &lane.spans {
            let dur = s.end_ns.saturating_sub(s.start_ns);
            let mut e = format!(
                "{{\"ph\":\"X\",\"name\":\"{}\",\"cat\":\"gil\",\"pid\":{pid},\"tid\":{tid},\"ts\":{},\"dur\":{}",
                s.state.label(),
                micros(s.start_ns),
                micros(dur)
            );
            let _ = write!(e, ",\"args\":{{\"note\":{}", json_str(&s.note));
            if s.forced {
                e.push_str(",\"forced\":true");
            }
            e.push_str("}}");
            event(&mut o, e);
            if s.forced {
                event(
                    &mut o,
                    format!(
                        "{{\"ph\":\"i\",\"s\":\"t\",\"name\":\"forced switch\",\"cat\":\"gil\",\"pid\":{pid},\
                         \"tid\":{tid},\"ts\":{},\"args\":{{\"note\":{}}}}}",
                        micros(s.end_ns),
                        json_str(&s.note)
                    ),
                );
            }
        }
    }
    let _ = write!(
        o,
        "\n],\"displayTimeUnit\":\"ms\",\"otherData\":{{\"mode\":{},\"switch\":{},\"command\":{}}}}}\n",
        json_str(&p.mode),
        json_str(&p.switch),
        json_str(&p.command)
    );
    o
}

/// Nanoseconds as microseconds, exactly: integer arithmetic, no float
/// rounding, trailing zeros of the fraction dropped (`1234.5`, `17`).
fn micros(ns: u64) -> String {
    let (whole, frac) = (ns / 1000, ns % 1000);
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:03}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// A JSON string literal: quotes, backslashes and control characters are
/// escaped, everything else (non-ASCII included) passes through as UTF-8.
pub(crate) fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            '\u{8}' => o.push_str("\\b"),
            '\u{c}' => o.push_str("\\f"),
            '\0'..='\u{1f}' | '\u{7f}' => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            _ => o.push(c),
        }
    }
    o.push('"');
    o
}

#[cfg(test)]
mod tests {
    use super::super::model::{Lane, Span, State};
    use super::super::svg::tests::{WEIRD, big_picture, small_picture};
    use super::*;
    use serde_json::Value;

    fn events(p: &Picture) -> (Value, Vec<Value>) {
        let doc: Value = serde_json::from_str(&chrome_trace(p)).expect("valid JSON");
        let events = doc["traceEvents"].as_array().unwrap().clone();
        (doc, events)
    }

    fn with_ph<'a>(events: &'a [Value], ph: &str) -> Vec<&'a Value> {
        events.iter().filter(|e| e["ph"] == ph).collect()
    }

    #[test]
    fn parses_with_header() {
        let p = small_picture();
        let (doc, _) = events(&p);
        assert_eq!(doc["displayTimeUnit"], "ms");
        assert_eq!(doc["otherData"]["mode"], "GIL on");
        assert_eq!(doc["otherData"]["switch"], "switch interval 5 ms");
        assert_eq!(doc["otherData"]["command"], p.command.as_str());
    }

    #[test]
    fn one_complete_event_per_span_in_microseconds() {
        let p = small_picture();
        let (_, ev) = events(&p);
        let x = with_ph(&ev, "X");
        assert_eq!(x.len(), p.lanes.iter().map(|l| l.spans.len()).sum::<usize>());
        let mut x = x.into_iter();
        for (i, lane) in p.lanes.iter().enumerate() {
            for s in &lane.spans {
                let e = x.next().unwrap();
                assert_eq!(e["name"], s.state.label());
                assert_eq!(e["cat"], "gil");
                assert_eq!(e["pid"], lane.pid);
                assert_eq!(e["tid"], i + 1);
                assert_eq!(e["ts"].as_f64().unwrap() * 1000.0, s.start_ns as f64);
                assert_eq!(e["dur"].as_f64().unwrap() * 1000.0, (s.end_ns - s.start_ns) as f64);
                assert_eq!(e["args"]["note"], s.note.as_str());
                assert_eq!(e["args"]["forced"].as_bool().unwrap_or(false), s.forced);
            }
        }
    }

    #[test]
    fn metadata_names_every_lane_and_process() {
        let p = small_picture();
        let (_, ev) = events(&p);
        let m = with_ph(&ev, "M");
        for (i, lane) in p.lanes.iter().enumerate() {
            let t = m
                .iter()
                .find(|e| e["name"] == "thread_name" && e["tid"] == i + 1)
                .unwrap_or_else(|| panic!("no thread_name for lane {i}"));
            assert_eq!(t["pid"], lane.pid);
            assert_eq!(t["args"]["name"], lane.thread.as_str());
            assert_eq!(t["args"]["ident"], lane.ident.to_string().as_str());
            assert!(m.iter().any(|e| e["name"] == "thread_sort_index" && e["tid"] == i + 1));
        }
        assert!(m.iter().any(|e| e["args"]["name"] == WEIRD));
        let procs: Vec<_> = m.iter().filter(|e| e["name"] == "process_name").collect();
        assert_eq!(procs.len(), 2);
        assert_eq!(procs[1]["pid"], 4242);
        assert_eq!(procs[1]["args"]["name"], "Process-1");
    }

    #[test]
    fn forced_span_gets_an_instant_at_its_end() {
        let p = small_picture();
        let (_, ev) = events(&p);
        let i = with_ph(&ev, "i");
        assert_eq!(i.len(), 1);
        assert_eq!(i[0]["s"], "t");
        assert_eq!(i[0]["name"], "forced switch");
        assert_eq!(i[0]["tid"], 1);
        assert_eq!(i[0]["ts"].as_f64().unwrap(), 5000.0);
    }

    #[test]
    fn awkward_text_round_trips() {
        let nasty = "q\"b\\s/\n\r\t\u{1}\u{7f} é 日本 🧵 </script>";
        let mut p = small_picture();
        p.command = nasty.into();
        p.lanes[0].process = nasty.into();
        p.lanes[0].spans[0].note = nasty.into();
        let (doc, ev) = events(&p);
        assert_eq!(doc["otherData"]["command"], nasty);
        assert!(ev.iter().any(|e| e["name"] == "process_name" && e["args"]["name"] == nasty));
        assert_eq!(with_ph(&ev, "X")[0]["args"]["note"], nasty);
        // Non-ASCII is written as is, not as \u escapes.
        assert!(chrome_trace(&p).contains("é 日本 🧵"));
    }

    #[test]
    fn sub_microsecond_times_and_empty_pictures() {
        assert_eq!(micros(0), "0");
        assert_eq!(micros(1), "0.001");
        assert_eq!(micros(1_234_500), "1234.5");
        assert_eq!(micros(u64::MAX), "18446744073709551.615");
        let mut p = small_picture();
        p.lanes = vec![Lane {
            pid: 1,
            process: "MainProcess".into(),
            thread: "MainThread".into(),
            ident: 7,
            spans: vec![Span { start_ns: 1, end_ns: 1, state: State::Blocked, forced: false, note: String::new() }],
        }];
        let (_, ev) = events(&p);
        assert_eq!(with_ph(&ev, "X")[0]["dur"], 0);
        p.lanes.clear();
        let (_, ev) = events(&p);
        assert!(ev.is_empty());
    }

    #[test]
    fn ten_threads_ten_seconds() {
        let p = big_picture();
        let out = chrome_trace(&p);
        let (_, ev) = events(&p);
        let spans: usize = p.lanes.iter().map(|l| l.spans.len()).sum();
        assert_eq!(with_ph(&ev, "X").len(), spans);
        let forced = p.lanes.iter().flat_map(|l| &l.spans).filter(|s| s.forced).count();
        assert_eq!(with_ph(&ev, "i").len(), forced);
        assert!(out.len() < 6_000_000, "{} bytes", out.len());
    }
}
