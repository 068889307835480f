//! The interpreter's main thread as a host drives it: one persistent
//! thread per [`Interpreter`](crate::Interpreter) that runs the host's
//! calls one at a time in the interpreter's `__main__`.
//!
//! Contract: Python code only runs on threads that hold the interpreter
//! lock and have a `Vm` of their own, and the main thread is the one
//! KeyboardInterrupt and signal handlers reach. So a host's call never
//! runs Python code on the host's thread: it is a job sent over a
//! channel to this worker, which takes the lock, runs it, flushes the
//! standard streams and releases the lock again (script threads run on
//! between calls, as at the REPL's prompt). Calls may come from any Rust
//! thread; they queue. A call made from the worker itself (a native
//! function calling back into its own interpreter) is refused instead of
//! waiting for itself forever. A panic inside a job is caught and becomes
//! an error: the host never sees it.

use crate::runtime::pyarc::PyArc;
use std::sync::Arc;
use std::thread::{JoinHandle, ThreadId};

use super::error::Error;
use crate::runtime::module::Module;
use crate::vm::{Shared, Vm};

/// Stack size of the worker, as the `pyl` command's main thread.
const WORKER_STACK: usize = crate::MAIN_STACK;

/// One host call, run on the worker with the lock held.
type Job = Box<dyn FnOnce(&mut Vm, &PyArc<Module>) + Send>;

pub(crate) struct Worker {
    jobs: Option<crossbeam_channel::Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    id: ThreadId,
}

impl Worker {
    pub(crate) fn start(shared: &Arc<Shared>) -> Result<Worker, Error> {
        let (tx, rx) = crossbeam_channel::unbounded::<Job>();
        let shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("MainThread".into())
            .stack_size(WORKER_STACK)
            .spawn(move || serve(shared, rx))
            .map_err(|e| Error::Unavailable(format!("cannot start the interpreter thread: {e}")))?;
        let id = thread.thread().id();
        Ok(Worker { jobs: Some(tx), thread: Some(thread), id })
    }

    /// Runs `f` on the worker and waits for its result.
    pub(crate) fn run<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Vm, &PyArc<Module>) -> Result<R, Error> + Send + 'static,
    ) -> Result<R, Error> {
        if std::thread::current().id() == self.id {
            return Err(Error::Unavailable("called from inside the interpreter's own native function".into()));
        }
        let (tx, rx) = crossbeam_channel::bounded::<Result<R, Error>>(1);
        let job: Job = Box::new(move |vm, main| {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(vm, main)));
            let r =
                r.unwrap_or_else(|panic| Err(Error::Unavailable(format!("internal error: {}", panic_text(&*panic)))));
            // The output is the host's before the call returns: a host
            // reading its capture right after `exec` sees all of it.
            vm.flush_std();
            let _ = tx.send(r);
        });
        let jobs = self.jobs.as_ref().ok_or_else(|| Error::Unavailable("the interpreter is closing".into()))?;
        jobs.send(job).map_err(|_| Error::Unavailable("the interpreter thread has ended".into()))?;
        rx.recv().unwrap_or_else(|_| Err(Error::Unavailable("the interpreter thread has ended".into())))
    }

    /// Ends the worker: threads the scripts left running stop at their
    /// next check, the main thread's values are dropped under the lock.
    pub(crate) fn stop(mut self, shared: &Shared) {
        shared.host.trip(shared, super::host::Trip::Closing);
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// The worker's life: a `Vm` and a `__main__`, then jobs until the
/// channel closes.
fn serve(shared: Arc<Shared>, jobs: crossbeam_channel::Receiver<Job>) {
    let record = shared.observe.register(true);
    record.set_ids(crate::vm::threads::current_ident(), crate::vm::threads::native_id());
    shared.gil.acquire(&record);
    let mut vm = Vm::new(shared.clone(), WORKER_STACK, record.clone());
    let main = crate::main_module(&shared, None);
    shared.gil.release(&record, Default::default());
    for job in jobs {
        shared.gil.acquire(&record);
        job(&mut vm, &main);
        shared.gil.release(&record, Default::default());
    }
    shared.gil.acquire(&record);
    vm.flush_std();
    drop(main);
    drop(vm);
    shared.gil.release_at_end(&record);
}
