//! The deadlock detector: a program whose threads can never go on again
//! is reported and ended (exit status 1) instead of hanging. In an
//! interpreter a host embeds, the host call ends instead, with the report
//! as `Error::Deadlock`: a host's process is never ended.
//!
//! A watcher thread starts the first time a thread enters a *certain* wait
//! (see `wait`): a lock, an RLock or a condition's notify, without a
//! timeout. Every `TICK` it looks at every live thread's record. It finds a
//! deadlock only when it is sure: every live thread (daemon threads too)
//! is in a certain wait, none of the awaited objects would let its waiter
//! go on now (`WaitTarget::ready`, asked under the object's own lock), and
//! no thread started, ended, began or ended a wait while it looked (each
//! record's wait counter is read before and after). Only a running thread
//! can release a lock or notify a condition, and none is running, so no
//! wait can ever end. The same finding must hold on two looks in a row
//! before it is reported. A thread in `time.sleep`, I/O, a subprocess, a
//! multiprocessing wait or any wait with a timeout may wake by itself, so
//! while one exists nothing is reported.
//!
//! At the interactive prompt the user can still act, so only a *cycle* of
//! threads each waiting for a lock the next one holds is reported there,
//! once, and the prompt stays usable (those threads stay blocked).

use std::fmt::Write as _;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};
use std::time::Duration;

use super::record::ThreadRecord;
use super::site::Site;
use super::wait::{HoldSite, WaitInfo, Waiting};
use crate::runtime::value::Value;
use crate::vm::Shared;

/// How often the watcher looks.
const TICK: Duration = Duration::from_millis(150);

/// Starts the watcher of this process, once.
pub fn watch(shared: &Arc<Shared>) {
    if shared.observe.watching.swap(true, Ordering::SeqCst) {
        return;
    }
    let weak = Arc::downgrade(shared);
    // Started as Python threads are, so that a fork beside it is safe.
    let started =
        crate::vm::os_thread::spawn(Some("pyl deadlock watcher"), crate::vm::os_thread::SERVICE_STACK, move || {
            watcher(weak)
        });
    if started.is_err() {
        // Without a watcher a deadlock hangs, as in CPython; try again later.
        shared.observe.watching.store(false, Ordering::SeqCst);
    }
}

/// One stuck thread and the wait it is in.
struct Stuck {
    rec: Arc<ThreadRecord>,
    info: WaitInfo,
}

/// What the watcher found on one look.
struct Finding {
    stuck: Vec<Stuck>,
    /// Every live thread's (serial, wait counter): equal on two looks
    /// means nothing moved in between.
    signature: Vec<(u64, u64)>,
    /// The main thread sits at the interactive prompt.
    at_prompt: bool,
}

fn watcher(shared: Weak<Shared>) {
    let mut previous: Option<Vec<(u64, u64)>> = None;
    let mut reported: Option<Vec<(u64, u64)>> = None;
    loop {
        std::thread::sleep(TICK);
        let Some(shared) = shared.upgrade() else {
            return;
        };
        // What the threads wait for holds Python objects: they are only
        // touched with the interpreter lock held (`runtime/pyarc.rs`). A
        // thread running bytecode means no deadlock now.
        let Some(_idle) = shared.gil.hold_if_idle() else {
            previous = None;
            continue;
        };
        let Some(found) = look(&shared) else {
            previous = None;
            continue;
        };
        if previous.as_ref() != Some(&found.signature) {
            previous = Some(found.signature);
            continue;
        }
        if reported.as_ref() == Some(&found.signature) {
            continue;
        }
        let cycle = find_cycle(&shared, &found.stuck);
        if found.at_prompt && cycle.is_none() {
            continue;
        }
        let text = report(&shared, &found, cycle.as_deref());
        if shared.host.embedded {
            // A host's process must go on: the report goes to the host,
            // whose call ends with it (the stuck threads stay blocked).
            *shared.host.deadlock_report.lock() = Some(text);
            shared.host.trip(&shared, crate::embed::host::Trip::Deadlock);
            reported = Some(found.signature);
            continue;
        }
        shared.stdout.flush_if_free();
        let _ = shared.stderr.write(&text);
        let _ = shared.stderr.flush();
        if found.at_prompt {
            reported = Some(found.signature);
            continue;
        }
        super::at_exit(&shared);
        shared.stdout.flush_if_free();
        let _ = shared.stderr.flush();
        std::process::exit(1);
    }
}

/// One look at every thread; Some when every live thread is stuck for sure.
fn look(shared: &Shared) -> Option<Finding> {
    let observer = &shared.observe;
    let before = observer.generation();
    let live: Vec<Arc<ThreadRecord>> = observer.threads().into_iter().filter(|t| t.alive()).collect();
    let first: Vec<u64> = live.iter().map(|t| t.wait_seq()).collect();
    // A Python signal handler runs in the main thread while it waits, and
    // may release anything.
    let handlers = !shared.signal_handlers.lock().is_empty();
    let mut stuck = Vec::with_capacity(live.len());
    let mut at_prompt = false;
    for t in &live {
        let info = t.wait_info()?;
        if !info.certain() {
            return None;
        }
        if matches!(info.what, Waiting::Prompt) {
            at_prompt = true;
            continue;
        }
        if t.is_main && handlers {
            return None;
        }
        if info.target().is_none_or(|target| target.ready(t, info.ticket)) {
            return None;
        }
        stuck.push(Stuck { rec: t.clone(), info });
    }
    let second: Vec<u64> = live.iter().map(|t| t.wait_seq()).collect();
    if first != second || observer.generation() != before || live.iter().any(|t| !t.alive()) || stuck.is_empty() {
        return None;
    }
    let signature = live.iter().map(|t| t.serial).zip(first).collect();
    Some(Finding { stuck, signature, at_prompt })
}

/// The record of the thread holding what `s` waits for, if it is a lock.
fn holder_of(shared: &Shared, s: &Stuck) -> Option<(Arc<ThreadRecord>, HoldSite)> {
    let hold = s.info.target()?.holder()?;
    let rec = shared.observe.threads().into_iter().find(|t| t.serial == hold.serial)?;
    Some((rec, hold.site))
}

/// A cycle of stuck threads, each waiting for a lock the next one holds
/// (indices into `stuck`, in order).
fn find_cycle(shared: &Shared, stuck: &[Stuck]) -> Option<Vec<usize>> {
    let next: Vec<Option<usize>> = stuck
        .iter()
        .map(|s| {
            let (holder, _) = holder_of(shared, s)?;
            stuck.iter().position(|o| o.rec.serial == holder.serial)
        })
        .collect();
    for start in 0..stuck.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(n) = next[at] {
            if let Some(pos) = path.iter().position(|&p| p == n) {
                return Some(path[pos..].to_vec());
            }
            path.push(n);
            at = n;
        }
    }
    None
}

/// `'name'`
fn quoted(rec: &ThreadRecord) -> String {
    format!("'{}'", rec.name())
}

/// A hold site as a `Site`, if the holder's record kept its code.
fn hold_site(holder: &ThreadRecord, site: HoldSite) -> Option<Site> {
    (site.code != 0).then(|| holder.code(site.code)).flatten().map(|code| Site { code, pc: site.pc })
}

/// ` at demo.pyl:9` and the source line under it.
fn place(out: &mut String, site: Option<&Site>) {
    if let Some(s) = site {
        let _ = write!(out, " at {}", s.short());
    }
}

fn source_line(out: &mut String, site: Option<&Site>, indent: &str) {
    if let Some(s) = site {
        let line = s.source_line();
        if !line.is_empty() {
            let _ = writeln!(out, "{indent}{:>4} | {line}", s.line());
        }
    }
}

/// The name a global of `__main__` gives the object waited for, if any.
fn global_name(shared: &Shared, v: &Value) -> Option<String> {
    let Some(Value::Module(main)) = shared.modules.get_item_str("__main__") else {
        return None;
    };
    // Every thread is blocked, so nothing changes the dict while it is read.
    main.dict.items().into_iter().find(|(_, val)| val.is(v)).and_then(|(k, _)| match k {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    })
}

/// What the thread waits for, in words: `for <locked lock ...> (lock_b)`.
fn object(shared: &Shared, info: &WaitInfo) -> String {
    match &info.what {
        Waiting::Object(v) => {
            let what = info.target().map(|t| t.describe()).unwrap_or_default();
            match global_name(shared, v) {
                Some(name) => format!("{what} ({name})"),
                None => what,
            }
        }
        Waiting::Notify(_, cond) => {
            let name = global_name(shared, cond).map(|n| format!(" ({n})")).unwrap_or_default();
            format!("a notify of a Condition{name}")
        }
        Waiting::Prompt | Waiting::Other(_) => String::new(),
    }
}

fn report(shared: &Shared, found: &Finding, cycle: Option<&[usize]>) -> String {
    let mut out = String::new();
    if found.at_prompt {
        out.push_str("\nDeadlock detected among the threads started at the prompt:\n");
    } else {
        out.push_str(
            "Deadlock detected: every thread is waiting for something only another waiting thread could \
             give it, so none of them can ever go on.\n",
        );
    }
    // The cycle first, in its order; then whoever waits on it.
    let mut shown: Vec<usize> = cycle.map(<[usize]>::to_vec).unwrap_or_default();
    if !found.at_prompt {
        let rest: Vec<usize> = (0..found.stuck.len()).filter(|i| !shown.contains(i)).collect();
        shown.extend(rest);
    }
    for &i in &shown {
        describe_wait(&mut out, shared, &found.stuck[i]);
    }
    if let Some(&[only]) = cycle {
        let _ = writeln!(
            out,
            "\n{} waits for a lock it holds itself: a plain Lock cannot be taken twice by one thread \
             (an RLock can).",
            quoted(&found.stuck[only].rec)
        );
    } else if let Some(c) = cycle {
        out.push_str("\nA cycle: ");
        let parts: Vec<String> = c.iter().map(|&i| cycle_step(shared, &found.stuck[i])).collect();
        out.push_str(&parts.join("; "));
        let joins = c.iter().filter(|&&i| is_join(&found.stuck[i].info)).count();
        out.push_str(if joins == c.len() {
            ".\nEach thread waits for the next one to end, so none of them ever ends.\n"
        } else if joins == 0 {
            ".\nEach thread holds a lock the next one waits for. Take locks in the same order in every thread.\n"
        } else {
            ".\nEach thread waits for the next one, so none of them can go on.\n"
        });
    }
    if found.at_prompt {
        out.push_str("These threads stay blocked; the prompt still works.\n");
    } else {
        out.push_str("pyl stops the program (exit status 1); --no-deadlock-check lets it hang, as CPython does.\n");
    }
    out
}

/// `'Left' waits at line 9 for the lock that 'Right' took at line 12`
fn cycle_step(shared: &Shared, s: &Stuck) -> String {
    let mut step = quoted(&s.rec);
    step.push_str(" waits");
    if let Some(site) = &s.info.site {
        let _ = write!(step, " at line {}", site.line());
    }
    let noun = s.info.target().map_or("lock", |t| t.noun());
    if is_join(&s.info)
        && let Some((holder, _)) = holder_of(shared, s)
    {
        let _ = write!(step, " for {} to end", quoted(&holder));
    } else if let Some((holder, at)) = holder_of(shared, s) {
        let _ = write!(step, " for the {noun} that {} took", quoted(&holder));
        if let Some(site) = hold_site(&holder, at) {
            let _ = write!(step, " at line {}", site.line());
        }
    }
    step
}

/// The wait is `Thread.join` (a wait for the thread's end-of-run lock),
/// called by the program or by the interpreter at exit (`_shutdown`).
fn is_join(info: &WaitInfo) -> bool {
    info.call.as_ref().is_some_and(|c| matches!(c.as_str(), "Thread.join" | "_shutdown"))
}

/// The main thread has run the whole script and waits for the threads
/// that are not daemons, as every Python does at exit.
fn at_exit_join(info: &WaitInfo) -> bool {
    info.call.as_ref().is_some_and(|c| c.as_str() == "_shutdown")
}

/// Why a wait for a notify can never end, in the words of the API the
/// program called.
fn nobody_left(call: Option<&str>) -> &'static str {
    let method = call.and_then(|c| c.rsplit('.').next()).unwrap_or("");
    let class = call.and_then(|c| c.split('.').next()).unwrap_or("");
    match (class, method) {
        (_, "get") if class.ends_with("Queue") => {
            "the queue is empty, and no thread is left that could put an item in it"
        }
        (_, "put") if class.ends_with("Queue") => "the queue is full, and no thread is left that could take an item",
        (_, "join") if class.ends_with("Queue") => {
            "tasks are unfinished, and no thread is left that could call task_done()"
        }
        ("Event", _) => "no thread is left that could set the event",
        ("Barrier", _) => "no thread is left that could arrive at the barrier",
        (_, "acquire") if class.ends_with("Semaphore") => "no thread is left that could release the semaphore",
        _ => "no thread is left that could notify it",
    }
}

fn describe_wait(out: &mut String, shared: &Shared, s: &Stuck) {
    let info = &s.info;
    let holder = holder_of(shared, s);
    let call = info.call.as_ref().map(|c| c.as_str().to_string());
    let _ = write!(out, "\n  {} waits", quoted(&s.rec));
    place(out, info.site.as_ref());
    match (call.as_deref(), &holder) {
        (Some(_), Some((h, _))) if at_exit_join(info) => {
            let _ = writeln!(
                out,
                " for {} to end: the script is done, and at exit Python waits for every thread that is not a daemon",
                quoted(h)
            );
            return;
        }
        (Some(_), Some((h, _))) if is_join(info) => {
            let _ = writeln!(out, " in Thread.join() for {} to end:", quoted(h));
            source_line(out, info.site.as_ref(), "    ");
            return;
        }
        (Some(call), _) if matches!(info.what, Waiting::Notify(..)) => {
            let _ = writeln!(out, " in {call}():");
        }
        (Some(call), _) => {
            let _ = writeln!(out, " in {call}() for {}:", object(shared, info));
        }
        (None, _) => {
            let _ = writeln!(out, " for {}:", object(shared, info));
        }
    }
    source_line(out, info.site.as_ref(), "    ");
    match holder {
        Some((h, _)) if !h.alive() => {
            let _ = writeln!(out, "    held by {}, which has ended: nobody can release it now", quoted(&h));
        }
        Some((h, at)) => {
            let site = hold_site(&h, at);
            let whose = if Arc::ptr_eq(&h, &s.rec) { "this thread itself".to_string() } else { quoted(&h) };
            let _ = write!(out, "    held by {whose}, which took it");
            place(out, site.as_ref());
            out.push_str(if site.is_some() { ":\n" } else { "\n" });
            source_line(out, site.as_ref(), "    ");
        }
        None if matches!(info.what, Waiting::Notify(..)) => {
            let _ = writeln!(out, "    {}", nobody_left(call.as_deref()));
        }
        None => {}
    }
}
