//! Hosting pyl from Rust: a sandboxed interpreter with its output
//! captured, a native module whose function blocks with the interpreter
//! lock released (called from four script threads, which overlap), a
//! global read back as a Rust type, a Python function called with
//! arguments, a caught exception with its traceback, a limit being hit,
//! and the GIL instrument's figures.
//!
//! Run with `cargo run --release --example embed`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pyl::{Capture, Error, Interpreter, NativeModule, Object};

const SCRIPT: &str = "\
import threading, host
results = {}
def work(i):
    results[i] = host.fetch(i)
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('fetched', sorted(results.items()))

def describe(name, *scores, unit='points'):
    return f'{name}: {sum(scores)} {unit}'
";

fn main() {
    for gil in [true, false] {
        println!("== GIL {} ==", if gil { "on" } else { "off" });
        let out = Capture::new();
        let interp = Interpreter::builder()
            .gil(gil)
            .sandboxed()
            .stdout(out.clone())
            .max_duration(Duration::from_millis(500))
            .build();

        // A native function that blocks (I/O, a database...) inside
        // allow_threads: the other script threads run meanwhile. It
        // counts how many calls are in flight at once.
        let in_flight = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let (now, most) = (in_flight.clone(), peak.clone());
        let host = NativeModule::new("host").function("fetch", move |i: i64| {
            let n = now.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(n, Ordering::SeqCst);
            pyl::allow_threads(|| std::thread::sleep(Duration::from_millis(50)));
            now.fetch_sub(1, Ordering::SeqCst);
            Ok(i * i)
        });
        interp.register_module(host).expect("register host");

        let started = Instant::now();
        interp.exec(SCRIPT).expect("the script runs");
        let took = started.elapsed();
        print!("script printed: {}", out.take());
        println!(
            "4 calls of 50 ms took {} ms: {} of them were blocked at the same time",
            took.as_millis(),
            peak.load(Ordering::SeqCst)
        );

        // A global back as a Rust type; a Python function called with
        // positional and keyword arguments.
        let total: i64 = interp.eval("sum(results.values())").expect("a number");
        println!("sum of results, read back: {total}");
        let describe: Object = interp.global("describe").expect("describe is defined");
        let args = pyl::Args::new().arg("ann").arg(3).arg(4).kwarg("unit", "goals");
        println!("describe(...) returned {:?}", interp.call::<String>(&describe, args).expect("a string"));

        // A script's exception, with CPython's traceback.
        match interp.exec("def ratio(a, b):\n    return a / b\nratio(1, 0)") {
            Err(Error::Python(e)) => print!("caught {}:\n{}", e.type_name, e.traceback),
            other => println!("unexpected: {other:?}"),
        }
        // The sandbox: no host access.
        if let Err(e) = interp.exec("import subprocess") {
            println!("sandbox: {e}");
        }
        // A limit: an endless loop is stopped after 500 ms.
        match interp.exec("while True:\n    pass") {
            Err(Error::Limit(limit)) => println!("limit: {limit}"),
            other => println!("unexpected: {other:?}"),
        }
        let stats = interp.gil_stats();
        let acquisitions: u64 = stats.threads.iter().map(|t| t.times.acquisitions).sum();
        println!("gil_stats: {} threads, {acquisitions} acquisitions of the lock\n", stats.threads.len());
    }
}
