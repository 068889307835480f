//! Interactive HTML writer: [`html`] turns a [`Picture`] into one
//! self-contained HTML5 page (no external resources) for exploring a run.
//!
//! Contract:
//! - the header shows `pyl timeline — {mode}, {switch}` and the whole
//!   command; every piece of text from the picture is escaped;
//! - the static drawing of [`svg`] is inlined as the
//!   initial content, so the page shows the timeline and names the lanes
//!   without JavaScript; the script hides it and draws on a canvas instead,
//!   with a hover tooltip (thread, state, start, end, duration, note), zoom
//!   by dragging a range or by the mouse wheel, a reset button and a
//!   checkbox per state;
//! - the picture, coarsened to a 20 000th of the run so zooming in still
//!   shows detail, is embedded as JSON in
//!   `<script type="application/json" id="timeline-data">`, with `</`
//!   written `<\/` and `<!--` written `\u003c!--`, so that no text from the
//!   picture can end the script element early. The JSON is
//!   `{"mode","switch","command","duration_ns","states":[labels],
//!   "colors":[fills],"forced_color","notes":[texts],"lanes":[{"pid",
//!   "process","thread","ident" (a string: idents can exceed 2^53),
//!   "label","spans":[[start_ns,end_ns,state,forced 0|1,note index]]}]}`,
//!   with notes listed once and referred to by index to keep it small.

use std::collections::HashMap;
use std::fmt::Write;

use super::chrome::json_str;
use super::coarsen::coarsen;
use super::model::{Picture, State};
use super::svg::{FORCED_FILL, effective_duration, escape, fill, lane_label, multi_pid, svg};

/// How finely the embedded data is kept: a 20 000th of the run.
const DATA_STEPS: u64 = 20_000;

/// Writes the picture as an interactive HTML page.
pub fn html(p: &Picture) -> String {
    let title = escape(&format!("pyl timeline — {}, {}", p.mode, p.switch));
    let data = script_safe(&data_json(p));
    let drawing = svg(p);
    let mut o = String::with_capacity(drawing.len() + data.len() + SCRIPT.len() + 4096);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"cmd\">{}</p>\n",
        escape(&p.command)
    );
    o.push_str("<div id=\"controls\" hidden>\n");
    for (i, state) in [State::Running, State::Waiting, State::Blocked].into_iter().enumerate() {
        let _ = writeln!(
            o,
            "<label><input type=\"checkbox\" data-state=\"{i}\" checked><span class=\"sw\" \
             style=\"background:{}\"></span>{}</label>",
            fill(state),
            state.label()
        );
    }
    let _ = writeln!(
        o,
        "<span><span class=\"mark\" style=\"border-top-color:{FORCED_FILL}\"></span>forced switch</span>\n\
         <button type=\"button\" id=\"reset\">reset zoom</button>\n<span id=\"range\"></span>\n\
         <span class=\"hint\">drag across the chart to zoom in, or use the mouse wheel</span>\n</div>"
    );
    let _ = writeln!(o, "<div id=\"static\">\n{drawing}</div>");
    o.push_str("<div id=\"wrap\" hidden><canvas id=\"chart\"></canvas><div id=\"tip\"></div></div>\n");
    let _ = writeln!(o, "<script type=\"application/json\" id=\"timeline-data\">{data}</script>");
    let _ = writeln!(o, "<script>{SCRIPT}</script>\n</body>\n</html>");
    o
}

/// The picture as the JSON described in the module documentation.
fn data_json(p: &Picture) -> String {
    let dur = effective_duration(p);
    let res = dur / DATA_STEPS;
    let multi = multi_pid(p);
    let mut notes: Vec<String> = vec![String::new()];
    let mut note_index: HashMap<String, usize> = HashMap::from([(String::new(), 0)]);
    let mut lanes = String::new();
    for (i, lane) in p.lanes.iter().enumerate() {
        if i > 0 {
            lanes.push(',');
        }
        let _ = write!(
            lanes,
            "\n{{\"pid\":{},\"process\":{},\"thread\":{},\"ident\":\"{}\",\"label\":{},\"spans\":[",
            lane.pid,
            json_str(&lane.process),
            json_str(&lane.thread),
            lane.ident,
            json_str(&lane_label(lane, multi))
        );
        for (j, s) in coarsen(&lane.spans, res).into_iter().enumerate() {
            let next = notes.len();
            let note = *note_index.entry(s.note.clone()).or_insert(next);
            if note == next {
                notes.push(s.note);
            }
            let state = match s.state {
                State::Running => 0,
                State::Waiting => 1,
                State::Blocked => 2,
            };
            let sep = if j > 0 { "," } else { "" };
            let _ = write!(lanes, "{sep}[{},{},{state},{},{note}]", s.start_ns, s.end_ns, u8::from(s.forced));
        }
        lanes.push_str("]}");
    }
    let list = |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join(",");
    let states = [State::Running, State::Waiting, State::Blocked];
    format!(
        "{{\"mode\":{},\"switch\":{},\"command\":{},\"duration_ns\":{dur},\"states\":[{}],\"colors\":[{}],\
         \"forced_color\":\"{FORCED_FILL}\",\"notes\":[{}],\"lanes\":[{lanes}]}}",
        json_str(&p.mode),
        json_str(&p.switch),
        json_str(&p.command),
        list(&mut states.iter().map(|s| json_str(s.label()))),
        list(&mut states.iter().map(|s| json_str(fill(*s)))),
        list(&mut notes.iter().map(|n| json_str(n))),
    )
}

/// Makes JSON safe inside a `<script>` element. `<` only ever appears
/// inside JSON strings, where `\/` and `\u003c` are valid escapes, so the
/// text still parses to the same value.
fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

const STYLE: &str = "body{font:13px/1.4 system-ui,sans-serif;margin:16px;color:#222}\
h1{font-size:18px;margin:0 0 4px}\
.cmd{font-family:monospace;color:#555;margin:0 0 8px;word-break:break-all}\
#controls{display:flex;gap:14px;align-items:center;flex-wrap:wrap;margin-bottom:8px}\
#controls[hidden],#wrap[hidden]{display:none}\
.sw{display:inline-block;width:12px;height:12px;vertical-align:-2px;margin:0 4px}\
.mark{display:inline-block;width:0;height:0;border:5px solid transparent;border-top-width:8px;\
border-bottom:0;vertical-align:0;margin-right:4px}\
.hint,#range{color:#666}\
#wrap{position:relative}\
canvas{display:block;cursor:crosshair}\
#tip{position:absolute;pointer-events:none;background:#fff;border:1px solid #888;border-radius:3px;\
padding:4px 7px;font-size:12px;box-shadow:0 1px 4px rgba(0,0,0,.25);display:none;white-space:pre;z-index:1}";

/// The viewer. It only reads the data element and writes through
/// `textContent`, so text from the picture is never parsed as markup.
const SCRIPT: &str = r##"
(function () {
"use strict";
var D = JSON.parse(document.getElementById("timeline-data").textContent);
var LABEL_W = 230, RIGHT = 36, AXIS_H = 26, LANE_H = 18, PITCH = 22;
var DUR = Math.max(D.duration_ns, 1), MIN_VIEW = 1000;
var show = [true, true, true], view = [0, DUR], drag = null, W = 0, H = 0;
var wrap = document.getElementById("wrap"), canvas = document.getElementById("chart");
var ctx = canvas.getContext("2d"), tip = document.getElementById("tip");
var range = document.getElementById("range");
document.getElementById("static").style.display = "none";
document.getElementById("controls").hidden = false;
wrap.hidden = false;

function plotW() { return Math.max(W - LABEL_W - RIGHT, 10); }
function xOf(t) { return LABEL_W + (t - view[0]) / (view[1] - view[0]) * plotW(); }
function tOf(x) { return view[0] + (x - LABEL_W) / plotW() * (view[1] - view[0]); }
function ms(ns, d) { return (ns / 1e6).toFixed(d); }
// Decimals enough to tell one pixel from the next at the current zoom.
function digits() {
  var px = (view[1] - view[0]) / plotW() / 1e6;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(px))));
}
function niceStep(span) {
  var best = null, top = Math.floor(Math.log10(span));
  for (var k = top - 3; k <= top + 1; k++) {
    [1, 2, 5].forEach(function (m) {
      var step = m * Math.pow(10, k), miss = Math.abs(Math.floor(span / step + 1e-9) + 1 - 10);
      if (best === null || miss < best[0]) best = [miss, step];
    });
  }
  return best[1];
}
function fit(text, width) {
  if (ctx.measureText(text).width <= width) return text;
  var lo = 0, hi = text.length;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + "\u2026").width <= width) lo = mid; else hi = mid - 1;
  }
  return text.slice(0, lo) + "\u2026";
}
// First span of a lane whose end is after t (spans are sorted).
function firstAfter(spans, t) {
  var lo = 0, hi = spans.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (spans[mid][1] <= t) lo = mid + 1; else hi = mid; }
  return lo;
}

function resize() {
  var dpr = window.devicePixelRatio || 1;
  W = Math.max(wrap.clientWidth, 600);
  H = AXIS_H + Math.max(D.lanes.length, 1) * PITCH + 8;
  canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
  canvas.style.width = W + "px"; canvas.style.height = H + "px";
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  draw();
}

function draw() {
  var pw = plotW(), x0 = LABEL_W, x1 = LABEL_W + pw;
  ctx.clearRect(0, 0, W, H);
  ctx.font = "11px sans-serif";
  ctx.textBaseline = "middle";
  var spanMs = (view[1] - view[0]) / 1e6, step = niceStep(spanMs);
  var dec = step >= 1 ? 0 : Math.ceil(-Math.log10(step) - 1e-9);
  ctx.fillStyle = "#555"; ctx.textAlign = "center";
  ctx.strokeStyle = "rgba(0,0,0,0.15)"; ctx.lineWidth = 1;
  var ticks = [];
  for (var v = Math.ceil(view[0] / 1e6 / step) * step; v <= view[1] / 1e6 + 1e-9; v += step) {
    var x = Math.round(xOf(v * 1e6)) + 0.5;
    ticks.push(x);
    ctx.fillText(v.toFixed(dec) + " ms", x, 10);
  }
  D.lanes.forEach(function (lane, i) {
    var y = AXIS_H + i * PITCH, spans = lane.spans;
    ctx.fillStyle = "#f4f4f4"; ctx.fillRect(x0, y, pw, LANE_H);
    ctx.fillStyle = "#222"; ctx.textAlign = "right";
    ctx.fillText(fit(lane.label, LABEL_W - 16), LABEL_W - 6, y + LANE_H / 2);
    if (i > 0 && D.lanes[i - 1].pid !== lane.pid) {
      ctx.fillStyle = "#777"; ctx.fillRect(10, y - 2.5, x1 - 10, 1);
    }
    // Spans a pixel wide or more are drawn as they are; narrower ones are
    // pooled per pixel column, which takes the colour of the state that
    // filled most of it. Edges are whole pixels so neighbours do not blend.
    var marks = [], col = -1, acc = [0, 0, 0];
    function flush() {
      var best = acc[0] >= acc[1] ? (acc[0] >= acc[2] ? 0 : 2) : (acc[1] >= acc[2] ? 1 : 2);
      if (col >= 0 && acc[best] > 0) { ctx.fillStyle = D.colors[best]; ctx.fillRect(col, y, 1, LANE_H); }
      col = -1; acc = [0, 0, 0];
    }
    for (var j = firstAfter(spans, view[0]); j < spans.length && spans[j][0] < view[1]; j++) {
      var s = spans[j];
      if (!show[s[2]]) continue;
      var a = Math.max(xOf(s[0]), x0), b = Math.min(xOf(s[1]), x1);
      if (b - a >= 1) {
        flush();
        var ra = Math.round(a), rb = Math.round(b);
        ctx.fillStyle = D.colors[s[2]];
        ctx.fillRect(ra, y, rb - ra, LANE_H);
      } else {
        var c = Math.floor(a);
        if (c !== col) { flush(); col = c; }
        acc[s[2]] += b - a;
      }
      var m = xOf(s[1]);
      if (s[3] && s[1] <= view[1] && (!marks.length || m - marks[marks.length - 1] >= 4)) marks.push(m);
    }
    flush();
    ctx.fillStyle = D.forced_color;
    ctx.beginPath();
    marks.forEach(function (m) { ctx.moveTo(m - 3, y); ctx.lineTo(m + 3, y); ctx.lineTo(m, y + 6); ctx.closePath(); });
    ctx.fill();
  });
  if (!D.lanes.length) {
    ctx.fillStyle = "#222"; ctx.textAlign = "center";
    ctx.fillText("no threads ran", x0 + pw / 2, AXIS_H + LANE_H / 2);
  }
  ctx.beginPath();
  ticks.forEach(function (x) { ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, H - 4); });
  ctx.stroke();
  if (drag && Math.abs(drag.b - drag.a) > 2) {
    ctx.fillStyle = "rgba(43,140,190,0.2)";
    ctx.fillRect(Math.min(drag.a, drag.b), AXIS_H - 6, Math.abs(drag.b - drag.a), H - AXIS_H);
  }
  var d = digits();
  range.textContent = "showing " + ms(view[0], d) + "\u2013" + ms(view[1], d) + " ms of " + ms(DUR, 3) + " ms";
}

function setView(a, b) {
  var w = Math.min(Math.max(b - a, MIN_VIEW), DUR);
  a = Math.min(Math.max(a, 0), DUR - w);
  view = [a, a + w];
  draw();
}
function pos(e) { var r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
function clampX(x) { return Math.min(Math.max(x, LABEL_W), LABEL_W + plotW()); }

// The span under the pointer, or within 3 px of it when none is exactly there.
function hit(x, y) {
  var i = Math.floor((y - AXIS_H) / PITCH);
  if (i < 0 || i >= D.lanes.length || y - AXIS_H - i * PITCH > LANE_H) return null;
  if (x < LABEL_W || x > LABEL_W + plotW()) return null;
  var spans = D.lanes[i].spans, t = tOf(x), slack = 3 * (view[1] - view[0]) / plotW(), best = null;
  for (var j = firstAfter(spans, t - slack); j < spans.length && spans[j][0] <= t + slack; j++) {
    var s = spans[j];
    if (!show[s[2]]) continue;
    var miss = t < s[0] ? s[0] - t : (t >= s[1] ? t - s[1] : 0);
    if (best === null || miss < best[0]) best = [miss, s];
  }
  return best && { lane: D.lanes[i], span: best[1] };
}

function showTip(h, x, y) {
  var s = h.span, lane = h.lane, d = Math.max(digits(), 3);
  var lines = [
    lane.label + "  (pid " + lane.pid + ", ident " + lane.ident + ")",
    D.states[s[2]] + (s[3] ? " \u00b7 forced switch" : ""),
    ms(s[0], d) + "\u2013" + ms(s[1], d) + " ms  (" + ms(s[1] - s[0], d) + " ms)"
  ];
  if (D.notes[s[4]]) lines.push(D.notes[s[4]]);
  tip.textContent = lines.join("\n");
  tip.style.display = "block";
  var left = x + 14, top = y + 14;
  if (left + tip.offsetWidth > wrap.clientWidth) left = Math.max(0, x - tip.offsetWidth - 14);
  tip.style.left = left + "px"; tip.style.top = top + "px";
}

canvas.addEventListener("mousedown", function (e) {
  var p = pos(e);
  if (p[0] < LABEL_W) return;
  drag = { a: clampX(p[0]), b: clampX(p[0]) };
  e.preventDefault();
});
window.addEventListener("mousemove", function (e) {
  var p = pos(e);
  if (drag) { drag.b = clampX(p[0]); tip.style.display = "none"; draw(); return; }
  if (e.target !== canvas) { tip.style.display = "none"; return; }
  var h = hit(p[0], p[1]);
  if (h) showTip(h, p[0], p[1]); else tip.style.display = "none";
});
window.addEventListener("mouseup", function () {
  if (!drag) return;
  var a = Math.min(drag.a, drag.b), b = Math.max(drag.a, drag.b);
  drag = null;
  if (b - a > 2) setView(tOf(a), tOf(b)); else draw();
});
canvas.addEventListener("mouseleave", function () { tip.style.display = "none"; });
canvas.addEventListener("wheel", function (e) {
  var p = pos(e);
  if (p[0] < LABEL_W) return;
  e.preventDefault();
  var t = tOf(clampX(p[0])), k = Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.002)));
  setView(t - (t - view[0]) * k, t + (view[1] - t) * k);
}, { passive: false });
document.getElementById("reset").addEventListener("click", function () { setView(0, DUR); });
document.querySelectorAll("#controls input[data-state]").forEach(function (box) {
  box.addEventListener("change", function () { show[+box.dataset.state] = box.checked; draw(); });
});
window.addEventListener("resize", resize);
resize();
})();
"##;

#[cfg(test)]
mod tests {
    use super::super::svg::tests::{WEIRD, big_picture, small_picture};
    use super::*;
    use serde_json::Value;

    const OPEN: &str = "<script type=\"application/json\" id=\"timeline-data\">";

    /// The raw text of the data element, as a browser would cut it out.
    fn data_text(page: &str) -> &str {
        let start = page.find(OPEN).expect("data element") + OPEN.len();
        let len = page[start..].to_ascii_lowercase().find("</script").expect("closed");
        &page[start..start + len]
    }

    fn weird_picture() -> Picture {
        let mut p = small_picture();
        p.command = "pyl run </script><script>alert(1)</script> <!-- x".into();
        p.lanes[0].spans[0].note = "</SCRIPT> at demo.pyl:1".into();
        p
    }

    #[test]
    fn data_parses_and_round_trips() {
        let p = weird_picture();
        let page = html(&p);
        let text = data_text(&page);
        let v: Value = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(v["command"], p.command.as_str());
        assert_eq!(v["mode"], "GIL on");
        assert_eq!(v["switch"], "switch interval 5 ms");
        assert_eq!(v["duration_ns"], 40_000_000);
        let lanes = v["lanes"].as_array().unwrap();
        assert_eq!(lanes.len(), p.lanes.len());
        for (l, lane) in lanes.iter().zip(&p.lanes) {
            assert_eq!(l["thread"], lane.thread.as_str());
            assert_eq!(l["process"], lane.process.as_str());
            assert_eq!(l["ident"], lane.ident.to_string().as_str());
            let spans = l["spans"].as_array().unwrap();
            assert_eq!(spans.len(), lane.spans.len());
            for (s, span) in spans.iter().zip(&lane.spans) {
                assert_eq!(s[0], span.start_ns);
                assert_eq!(s[1], span.end_ns);
                assert_eq!(v["states"][s[2].as_u64().unwrap() as usize], span.state.label());
                assert_eq!(s[3] == 1, span.forced);
                assert_eq!(v["notes"][s[4].as_u64().unwrap() as usize], span.note.as_str());
            }
        }
        assert_eq!(lanes[1]["thread"], WEIRD);
        // Undoing the `<\/` escape gives valid JSON too.
        let undone: Value = serde_json::from_str(&text.replace("<\\/", "</")).unwrap();
        assert_eq!(undone, v);
    }

    #[test]
    fn user_text_cannot_leave_the_data_element() {
        let page = html(&weird_picture());
        let text = data_text(&page);
        // The element ends exactly where the data ends: at the JSON's close.
        assert!(text.ends_with("]}"), "{}", &text[text.len().saturating_sub(80)..]);
        assert!(!text.contains("<!--"));
        assert!(!text.to_ascii_lowercase().contains("</script"));
        // Outside the data, the names and command appear only escaped.
        let outside = page.replace(text, "");
        assert!(!outside.contains("<script>alert(1)"));
        assert!(!outside.contains("</SCRIPT>"));
        assert!(page.contains("pyl run &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn page_names_lanes_without_script() {
        let p = small_picture();
        let page = html(&p);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>pyl timeline — GIL on, switch interval 5 ms</title>"));
        for lane in &p.lanes {
            assert!(page.contains(&escape(&lane.thread)));
        }
        // The static drawing is inside and is the one `svg` makes.
        assert!(page.contains(&svg(&p)));
        assert!(page.contains("reset zoom"));
        assert!(page.matches("data-state=").count() == 3);
        // Nothing is fetched from elsewhere.
        assert!(!page.contains("src=") && !page.contains("href="));
    }

    #[test]
    fn empty_picture() {
        let mut p = small_picture();
        p.lanes.clear();
        p.duration_ns = 0;
        let page = html(&p);
        let v: Value = serde_json::from_str(data_text(&page)).unwrap();
        assert_eq!(v["lanes"].as_array().unwrap().len(), 0);
        assert_eq!(v["duration_ns"], 1_000_000);
        assert!(page.contains("no threads ran"));
    }

    #[test]
    fn big_picture_stays_small_and_keeps_detail() {
        let p = big_picture();
        let page = html(&p);
        assert!(page.len() < 3_000_000, "{} bytes", page.len());
        let v: Value = serde_json::from_str(data_text(&page)).unwrap();
        for (l, lane) in v["lanes"].as_array().unwrap().iter().zip(&p.lanes) {
            let n = l["spans"].as_array().unwrap().len();
            // A 20 000th of 10 s is 0.5 ms, shorter than any span here.
            assert!(n * 10 >= lane.spans.len() * 9, "{n} of {}", lane.spans.len());
        }
    }
}
