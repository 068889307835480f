//! The interpreter lock: one lock, two modes (see `../shared/design.md`).
//!
//! With the GIL a thread holds it exclusively while it runs bytecode;
//! without it threads hold it shared and run in parallel. This file is the
//! one place that decides who runs. The threading issue fills in the
//! hand-off; a single-threaded interpreter holds it for its whole run.

use std::sync::atomic::{AtomicBool, Ordering};

pub struct Gil {
    enabled: AtomicBool,
}

impl Gil {
    pub fn new(enabled: bool) -> Gil {
        Gil { enabled: AtomicBool::new(enabled) }
    }

    /// Whether the global interpreter lock is on (`sys._is_gil_enabled()`).
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }
}
