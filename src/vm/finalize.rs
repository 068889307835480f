//! Calling `__del__`: when the last reference to an instance of a class
//! defining it goes, when the cycle collector finds it unreachable, and
//! for what `__main__`'s globals still hold at exit. Closing a generator
//! freed while suspended inside a `try` or `with` goes the same way.
//!
//! A `Drop` cannot run Python code (it may run under a lock, on a path
//! with no VM at hand), so an instance that wants finalizing moves its
//! contents to a new allocation and [`defer`]s it: it is queued on the
//! thread that freed it (which calls `__del__`, as in CPython: another
//! thread might hold a lock the method takes) and the eval breaker's
//! `FINALIZE` bit of that thread's interpreter is set. The eval loop looks at that bit after every
//! instruction that can free a value (stores, deletes, pops, calls,
//! returns) and at every other eval-breaker point, and then calls the
//! queued `__del__` methods ([`Vm::run_finalizers`]) with the interpreter
//! lock held — so `del x` prints what `x.__del__` prints before the next
//! statement runs, as in CPython. The collector and the exit sequence
//! drain the queue too.
//!
//! The contract, CPython's (PEP 442): `__del__` is called at most once per
//! object (a resurrected object is freed later without a second call); an
//! exception it raises is reported on stderr as `Exception ignored in:
//! <function C.__del__ ...>` with its traceback, and the program goes on.
//! What differs: the object `__del__` sees after a reference-count drop
//! is a new allocation, so its `id()` is not the one it had.

use crate::runtime::pyarc::PyArc;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::{PyErr, Vm};
use crate::runtime::dict::PyDict;
use crate::runtime::generator::Generator;
use crate::runtime::instance::Instance;
use crate::runtime::value::Value;

/// Whether any class defining `__del__` was ever made in this process:
/// programs without one (nearly all) skip the exit sequence's work. Only
/// a hint (never reset), so it may be process-wide.
static ANY: AtomicBool = AtomicBool::new(false);

/// A class defining `__del__` exists (called when its flags are computed).
pub fn note_finalizers() {
    ANY.store(true, Ordering::Relaxed);
}

/// How many threads of one interpreter have instances waiting for their
/// `__del__`; the eval breaker's `FINALIZE` bit is set while any has.
#[derive(Default)]
pub struct Finalizers {
    pending: AtomicUsize,
}

impl Finalizers {
    /// In a child made by fork: only this thread's queue is left.
    pub fn after_fork_child(&self, gil: &super::gil::Gil) {
        let here = queued_here();
        self.pending.store(usize::from(here), Ordering::Release);
        if here {
            gil.request_finalizers();
        }
    }
}

thread_local! {
    /// This thread's instances waiting for their `__del__`: the thread that
    /// frees an object calls its `__del__`, as in CPython (another thread
    /// might hold a lock the method takes).
    static QUEUE: RefCell<Vec<Finalizable>> = const { RefCell::new(Vec::new()) };
}

/// What waits in a thread's queue: an instance for its `__del__`, or a
/// generator freed while suspended in a `try`/`with`, to be closed (so
/// its `finally` blocks and `__exit__`s run, as CPython's generator
/// finalizer does).
pub(crate) enum Finalizable {
    Instance(PyArc<Instance>),
    Generator(PyArc<Generator>),
    /// A weak reference's callback and the reference it is called with
    /// (the referent was freed: `modules::weakref_native`).
    Callback(Value, Value),
    /// The qualname of a coroutine freed before it started: CPython's
    /// "coroutine ... was never awaited" RuntimeWarning is due.
    Unawaited(PyArc<crate::runtime::str::PyStr>),
}

/// Queues `inst` (already marked finalized) for its `__del__` on this
/// thread. On a thread attached to no interpreter (one being torn down, a
/// host's own thread) there is nothing to run it: it is freed without the
/// call.
pub(crate) fn defer(inst: PyArc<Instance>) {
    queue(Finalizable::Instance(inst));
}

/// Queues `callback(reference)` on this thread, for a weak reference whose
/// object was freed.
pub(crate) fn defer_call(callback: Value, reference: Value) {
    queue(Finalizable::Callback(callback, reference));
}

/// Whether this thread can run finalizers (it is attached to an
/// interpreter): a generator is only revived for closing if so.
pub(crate) fn can_defer() -> bool {
    super::gc::attached().is_some()
}

/// Queues a generator (already marked finalized) to be closed on this
/// thread.
pub(crate) fn defer_generator(g: PyArc<Generator>) {
    queue(Finalizable::Generator(g));
}

/// Queues the never-awaited warning of a coroutine freed unstarted.
pub(crate) fn defer_unawaited(qualname: PyArc<crate::runtime::str::PyStr>) {
    queue(Finalizable::Unawaited(qualname));
}

fn queue(inst: Finalizable) {
    let Some(shared) = super::gc::attached() else {
        drop(inst);
        return;
    };
    // No value is dropped while the queue is borrowed, so the borrow
    // cannot fail; if it did (or on a thread being torn down) `inst` would
    // be freed without the call rather than panic in a `Drop`.
    let first = QUEUE.try_with(|q| match q.try_borrow_mut() {
        Ok(mut q) => {
            q.push(inst);
            q.len() == 1
        }
        Err(_) => false,
    });
    if first == Ok(true) {
        shared.finalizers.pending.fetch_add(1, Ordering::AcqRel);
        shared.gil.request_finalizers();
    }
}

/// Whether this thread has instances waiting.
fn queued_here() -> bool {
    QUEUE.try_with(|q| !q.borrow().is_empty()).unwrap_or(false)
}

/// Takes this thread's waiting instances, and clears the eval breaker's
/// bit if no thread has any left.
fn take_here(shared: &super::Shared) -> Vec<Finalizable> {
    let batch = QUEUE.try_with(|q| std::mem::take(&mut *q.borrow_mut())).unwrap_or_default();
    if !batch.is_empty() && shared.finalizers.pending.fetch_sub(1, Ordering::AcqRel) == 1 {
        shared.gil.clear_finalizers_request();
        // A thread that queued meanwhile set the bit before it was cleared.
        if shared.finalizers.pending.load(Ordering::Acquire) > 0 {
            shared.gil.request_finalizers();
        }
    }
    batch
}

impl Vm {
    /// Calls the `__del__` methods queued on this thread, if any (a safe
    /// point: the value stack is in `self.stack`).
    #[inline]
    pub(crate) fn finalize_point(&mut self) {
        if self.shared.gil.finalizers_requested() && queued_here() {
            self.run_finalizers();
        }
    }

    /// Calls every `__del__` queued on this thread, and those of the
    /// objects that freeing them frees, depth first: an object whose
    /// `__del__` ran is freed, and what that queues runs before the next
    /// object already queued, the order CPython's immediate calls have.
    #[cold]
    pub(crate) fn run_finalizers(&mut self) {
        let shared = self.shared.clone();
        let mut work: VecDeque<Finalizable> = take_here(&shared).into();
        while let Some(item) = work.pop_front() {
            match item {
                Finalizable::Instance(inst) => self.call_del(inst),
                Finalizable::Generator(g) => self.close_freed_generator(g),
                Finalizable::Callback(f, r) => self.call_weakref_callback(f, r),
                Finalizable::Unawaited(name) => self.warn_unawaited(name),
            }
            for next in take_here(&shared).into_iter().rev() {
                work.push_front(next);
            }
        }
    }

    /// Calls `inst.__del__()`, reporting an exception it raises; then
    /// drops `inst` (which frees it unless `__del__` kept a reference).
    pub(crate) fn call_del(&mut self, inst: PyArc<Instance>) {
        let Some(del) = inst.class_ref().lookup_str("__del__") else {
            return;
        };
        // A resurrected object may form a cycle again.
        super::gc::track_instance(&inst);
        let handled = self.exc_info.clone();
        let result = self.call(&del, &[Value::Instance(inst)]);
        self.exc_info = handled;
        if let Err(e) = result {
            let what = self.repr(&del).unwrap_or_else(|_| "<function>".into());
            self.report_ignored(&what, &e);
        }
    }

    /// Calls a weak reference's callback, reporting an exception it raises
    /// as CPython does ("Exception ignored in: <function ...>").
    fn call_weakref_callback(&mut self, callback: Value, reference: Value) {
        let handled = self.exc_info.clone();
        let result = self.call(&callback, &[reference]);
        self.exc_info = handled;
        if let Err(e) = result {
            let what = self.repr(&callback).unwrap_or_else(|_| "<function>".into());
            self.report_ignored(&what, &e);
        }
    }

    /// CPython's report of an exception nothing can catch (raised by a
    /// finalizer): "Exception ignored in: what" and the traceback, with no
    /// chain.
    fn report_ignored(&mut self, what: &str, e: &PyErr) {
        if let Value::Instance(exc) = e.value()
            && let Some(data) = exc.exc()
        {
            let mut data = data.lock();
            data.context = Value::None;
            data.cause = Value::None;
        }
        self.flush_std();
        let _ = self.shared.stderr.write(&format!("Exception ignored in: {what}\n"));
        self.print_exception(e);
    }

    /// Closes a generator freed while suspended in a `try` or `with`; an
    /// exception that escapes (a `finally` that raises, a generator that
    /// yields again) is reported as CPython reports it, and the program
    /// goes on.
    fn close_freed_generator(&mut self, g: PyArc<Generator>) {
        let handled = self.exc_info.clone();
        let result = self.close_generator(&g);
        self.exc_info = handled;
        if let Err(e) = result {
            let what = self.repr(&Value::Generator(g)).unwrap_or_else(|_| "<generator>".into());
            self.report_ignored(&what, &e);
        }
    }

    /// `warnings._warn_unawaited_coroutine(qualname)`, as CPython's
    /// coroutine finalizer calls it; an error from it (a filter turning
    /// the warning into an exception) is reported and ignored.
    fn warn_unawaited(&mut self, qualname: PyArc<crate::runtime::str::PyStr>) {
        let handled = self.exc_info.clone();
        let result = self.import_module("warnings").and_then(|m| {
            let f = self.get_attr_str(&Value::Module(m), "_warn_unawaited_coroutine")?;
            self.call(&f, &[Value::Str(qualname.clone())])
        });
        self.exc_info = handled;
        if let Err(e) = result {
            let what = format!("<coroutine object {}>", qualname.as_str());
            self.report_ignored(&what, &e);
        }
    }

    /// CPython's finalization of `__main__` at exit, after the threads were
    /// joined and the `atexit` handlers ran: the `__del__` of the objects
    /// its globals hold, in the globals' order, with every global still
    /// there (as the collector's finalizers run before it clears
    /// anything); then the globals are dropped, which frees what they
    /// alone held, and a last collection frees the cycles.
    pub fn finalize_main(&mut self, globals: &PyArc<PyDict>) {
        if !ANY.load(Ordering::Relaxed) {
            return;
        }
        self.run_finalizers();
        for (_, v) in globals.items() {
            if let Value::Instance(inst) = &v
                && inst.needs_finalizer()
                && inst.claim_finalizer()
            {
                self.call_del(inst.clone());
            }
        }
        // `__builtins__` stays, as in CPython: later `__del__` calls may
        // still print.
        let builtins = globals.get_item_str("__builtins__");
        let items = globals.items();
        globals.clear();
        if let Some(b) = builtins {
            globals.set_item_str("__builtins__", b);
        }
        for item in items {
            drop(item);
            self.run_finalizers();
        }
        super::gc::collect(self);
        self.run_finalizers();
    }
}
