//! Traceback objects: `exc.__traceback__`, `sys.exc_info()[2]`, the third
//! argument of `__exit__`.
//!
//! An exception keeps its traceback as a list of entries, innermost first
//! (the order frames were unwound). A `traceback` object is a view of that
//! list at one level, CPython's linked list turned around: level 0 is the
//! outermost frame and `tb_next` goes one frame inwards. The exception
//! caches the object it handed out, so `e.__traceback__ is e.__traceback__`
//! holds until the exception travels through another frame.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::Arc;

use super::class::Class;
use super::exception::{ExcData, TraceEntry};
use super::types::types;
use super::value::{NativeObject, Value};

pub struct Traceback {
    /// Innermost first.
    entries: Arc<[TraceEntry]>,
    /// How many frames lie outside this one.
    level: usize,
}

impl NativeObject for Traceback {
    fn class(&self) -> PyArc<Class> {
        types().traceback_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Traceback {
    /// The frames from this one inwards, innermost first.
    fn visible(&self) -> &[TraceEntry] {
        &self.entries[..self.entries.len() - self.level]
    }

    fn entry(&self) -> &TraceEntry {
        &self.entries[self.entries.len() - 1 - self.level]
    }
}

/// A frame as a traceback shows it: its code and current line.
pub struct FrameView {
    entry: TraceEntry,
}

impl NativeObject for FrameView {
    fn class(&self) -> PyArc<Class> {
        types().frame_type.clone()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `exc.__traceback__`: `None` before the exception was raised.
pub fn traceback_of(d: &mut ExcData) -> Value {
    if d.traceback.is_empty() {
        return Value::None;
    }
    if let Some(tb) = d.tb_object.as_native::<Traceback>()
        && tb.visible().len() == d.traceback.len()
    {
        return d.tb_object.clone();
    }
    let tb = Value::native(Arc::new(Traceback { entries: d.traceback.clone().into(), level: 0 }));
    d.tb_object = tb.clone();
    tb
}

/// `exc.with_traceback(tb)` / `exc.__traceback__ = tb`; false if `tb` is
/// neither a traceback nor None.
pub fn set_traceback(d: &mut ExcData, tb: &Value) -> bool {
    match tb {
        Value::None => {
            d.traceback.clear();
            d.tb_object = Value::None;
            true
        }
        _ => match tb.as_native::<Traceback>() {
            Some(t) => {
                d.traceback = t.visible().to_vec();
                d.tb_object = tb.clone();
                true
            }
            None => false,
        },
    }
}

/// The attributes of traceback and frame objects.
pub fn traceback_attr(obj: &Value, name: &str) -> Option<Value> {
    if let Some(tb) = obj.as_native::<Traceback>() {
        let e = tb.entry();
        return Some(match name {
            "tb_lineno" => Value::Int(e.code.line_at(e.pc) as i64),
            "tb_lasti" => Value::Int(e.pc as i64 * 2),
            "tb_next" => {
                if tb.level + 1 < tb.entries.len() {
                    Value::native(Arc::new(Traceback { entries: tb.entries.clone(), level: tb.level + 1 }))
                } else {
                    Value::None
                }
            }
            "tb_frame" => Value::native(Arc::new(FrameView { entry: e.clone() })),
            _ => return None,
        });
    }
    let f = obj.as_native::<FrameView>()?;
    Some(match name {
        "f_code" => Value::Code(f.entry.code.clone()),
        "f_lineno" => Value::Int(f.entry.code.line_at(f.entry.pc) as i64),
        "f_lasti" => Value::Int(f.entry.pc as i64 * 2),
        _ => return None,
    })
}
