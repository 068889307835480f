//! The sandbox's refusals and each resource limit, and interrupt(): all
//! typed errors; the host process and the interpreter go on afterwards.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use pyl::{CountingAllocator, Error, Interpreter, Limit};

/// The memory limit counts every allocation only with the counting
/// allocator installed, as a host that wants it does.
#[global_allocator]
static ALLOC: CountingAllocator = CountingAllocator::new(std::alloc::System);

fn python_error(r: Result<(), Error>) -> (String, String) {
    match r {
        Err(Error::Python(e)) => (e.type_name, e.message),
        other => panic!("expected a Python exception, got {other:?}"),
    }
}

#[test]
fn sandbox_refuses_host_access() {
    let interp = Interpreter::builder().sandboxed().build();
    for module in ["os", "subprocess", "multiprocessing", "signal", "os.path"] {
        let (t, m) = python_error(interp.exec(&format!("import {module}")));
        assert_eq!(t, "ModuleNotFoundError");
        // `import os.path` fails on its parent first, as in CPython.
        let top = module.split('.').next().unwrap();
        assert_eq!(m, format!("No module named '{top}'"));
    }
    let (t, m) = python_error(interp.exec("open('/etc/passwd')"));
    assert_eq!((t.as_str(), m.as_str()), ("NameError", "name 'open' is not defined"));
    assert!(matches!(interp.exec("import sys\nsys.exit(9)"), Err(Error::SystemExit(9))));
    assert_eq!(interp.eval::<Vec<String>>("sys.path").unwrap(), Vec::<String>::new());
    // What is left works.
    interp.exec("import math, threading, queue, time, random\nx = math.isqrt(99)").unwrap();
    assert_eq!(interp.global::<i64>("x").unwrap(), 9);
}

#[test]
fn max_instructions_stops_an_infinite_loop_even_when_caught() {
    let interp = Interpreter::builder().max_instructions(100_000).build();
    assert!(matches!(interp.exec("while True:\n    pass"), Err(Error::Limit(Limit::Instructions(100_000)))));
    let stubborn =
        "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass";
    assert!(matches!(interp.exec(stubborn), Err(Error::Limit(Limit::Instructions(_)))));
    // A thread's loop counts too.
    let threaded =
        "import threading\nt = threading.Thread(target=lambda: [0 for _ in iter(int, 1)])\nt.start()\nt.join()";
    assert!(matches!(interp.exec(threaded), Err(Error::Limit(Limit::Instructions(_)))));
    // Each call gets a fresh budget.
    interp.exec("s = sum(range(1000))").unwrap();
    assert_eq!(interp.global::<i64>("s").unwrap(), 499500);
}

#[test]
fn max_duration_stops_a_busy_loop_and_a_sleep() {
    for gil in [true, false] {
        let interp = Interpreter::builder().gil(gil).max_duration(Duration::from_millis(100)).build();
        let limit = Limit::Time(Duration::from_millis(100));
        assert!(matches!(interp.exec("while True:\n    pass"), Err(Error::Limit(l)) if l == limit));
        assert!(matches!(interp.exec("import time\ntime.sleep(1000)"), Err(Error::Limit(l)) if l == limit));
        assert_eq!(interp.eval::<i64>("2 + 2").unwrap(), 4);
    }
}

#[test]
fn max_recursion_depth_is_a_limit() {
    let interp = Interpreter::builder().max_recursion_depth(50).build();
    interp.exec("def down(n):\n    return down(n + 1)").unwrap();
    assert!(matches!(interp.exec("down(0)"), Err(Error::Limit(Limit::Recursion(50)))));
    interp.exec("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nd = depth(40)").unwrap();
    assert_eq!(interp.global::<i64>("d").unwrap(), 40);
    // Without the limit it is the script's RecursionError.
    let plain = Interpreter::builder().recursion_limit(50).build();
    plain.exec("def down(n):\n    return down(n + 1)").unwrap();
    assert_eq!(python_error(plain.exec("down(0)")).0, "RecursionError");
}

#[test]
fn interrupt_stops_a_busy_script_from_another_thread() {
    for gil in [true, false] {
        let interp = Arc::new(Interpreter::builder().gil(gil).build());
        let started = Arc::new(AtomicBool::new(false));
        let s = started.clone();
        interp
            .register_builtin("started", move || {
                s.store(true, Ordering::SeqCst);
                Ok(())
            })
            .unwrap();
        let other = interp.clone();
        let stopper = std::thread::spawn(move || {
            while !started.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
            other.interrupt();
        });
        let (t, _) = python_error(interp.exec("started()\nn = 0\nwhile True:\n    n += 1"));
        assert_eq!(t, "KeyboardInterrupt");
        stopper.join().unwrap();
        assert!(interp.global::<i64>("n").unwrap() >= 0);
    }
}

#[test]
fn max_memory_stops_a_memory_bomb_and_a_growing_list() {
    for gil in [true, false] {
        let interp = Interpreter::builder().gil(gil).max_memory(64 << 20).build();
        let limit = Limit::Memory(64 << 20);
        // One request past the limit is refused before it is made.
        assert!(matches!(interp.exec("x = [0] * 10**9"), Err(Error::Limit(l)) if l == limit));
        assert!(matches!(interp.exec("x = 'ab' * 10**9"), Err(Error::Limit(l)) if l == limit));
        // Many small objects are counted as they are made, in threads too.
        let grow = "xs = []\nwhile True:\n    xs.append(str(len(xs)) * 3)";
        assert!(matches!(interp.exec(grow), Err(Error::Limit(l)) if l == limit));
        let threaded = "import threading\nys = []\ndef f():\n    while True:\n        ys.append([len(ys)])\n\
                        t = threading.Thread(target=f)\nt.start()\nt.join()";
        assert!(matches!(interp.exec(threaded), Err(Error::Limit(l)) if l == limit));
        // What the script frees is given back: once the big lists are
        // gone the interpreter runs on under the same limit.
        interp.exec("xs = ys = None\nimport gc\ngc.collect()").unwrap();
        interp.exec("zs = [str(i) for i in range(100000)]").unwrap();
        assert_eq!(interp.eval::<usize>("len(zs)").unwrap(), 100000);
    }
}

#[test]
fn deadlock_ends_the_call_with_a_report_not_the_process() {
    for gil in [true, false] {
        let interp = Interpreter::builder().gil(gil).deadlock_check(true).stderr(std::io::sink()).build();
        let script = "import threading, time\na = threading.Lock()\nb = threading.Lock()\n\
                      def f():\n    with b:\n        time.sleep(0.1)\n        with a:\n            pass\n\
                      t = threading.Thread(target=f, daemon=True)\nt.start()\n\
                      with a:\n    time.sleep(0.1)\n    with b:\n        pass";
        match interp.exec(script) {
            Err(Error::Deadlock(report)) => assert!(report.contains("deadlock"), "{report}"),
            other => panic!("expected a deadlock, got {other:?}"),
        }
        // The host process, and the interpreter, go on.
        assert_eq!(interp.eval::<i64>("6 * 7").unwrap(), 42);
    }
}
