//! The embedding API's calls that run code: exec/eval/run_file/compile,
//! captured output, and the typed errors (syntax, exception, exit).

use pyl::{Capture, Error, Interpreter, Object};

fn captured() -> (Interpreter, Capture, Capture) {
    let (out, err) = (Capture::new(), Capture::new());
    let interp = Interpreter::builder().stdout(out.clone()).stderr(err.clone()).build();
    (interp, out, err)
}

#[test]
fn exec_keeps_main_between_calls_and_captures_output() {
    let (interp, out, _) = captured();
    interp.exec("x = 40").unwrap();
    interp.exec("x += 2\nprint('x is', x)").unwrap();
    assert_eq!(out.text(), "x is 42\n");
    assert_eq!(interp.eval::<i64>("x").unwrap(), 42);
    assert_eq!(interp.eval::<String>("  __name__").unwrap(), "__main__");
}

#[test]
fn syntax_error_has_position_and_cpython_report() {
    let (interp, _, _) = captured();
    let Err(Error::Syntax(e)) = interp.exec("x = (1,\ny = 2\n") else { panic!("expected a syntax error") };
    assert_eq!(e.type_name, "SyntaxError");
    assert_eq!(e.message, "'(' was never closed");
    assert_eq!((e.line, e.column), (1, 5));
    assert!(e.report.contains("File \"<string>\", line 1"), "{}", e.report);
    assert!(e.report.ends_with("SyntaxError: '(' was never closed\n"), "{}", e.report);
    let Err(Error::Syntax(e)) = interp.eval::<i64>("1 +") else { panic!("expected a syntax error") };
    assert_eq!(e.message, "invalid syntax");
}

#[test]
fn exception_carries_type_message_traceback_and_value() {
    let (interp, _, err) = captured();
    interp.exec("def f(n):\n    return 10 // n\n").unwrap();
    let Err(Error::Python(e)) = interp.exec("f(0)") else { panic!("expected an exception") };
    assert_eq!(e.type_name, "ZeroDivisionError");
    assert_eq!(e.message, "integer division or modulo by zero");
    assert_eq!(
        e.traceback,
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n  \
         File \"<string>\", line 2, in f\nZeroDivisionError: integer division or modulo by zero\n"
    );
    assert_eq!(e.value.type_name(), "ZeroDivisionError");
    assert_eq!(interp.repr(&e.value).unwrap(), "ZeroDivisionError('integer division or modulo by zero')");
    // Nothing is printed: the host decides what to show.
    assert_eq!(err.text(), "");
}

#[test]
fn system_exit_is_an_error_and_the_interpreter_goes_on() {
    let (interp, _, err) = captured();
    assert!(matches!(interp.exec("import sys\nsys.exit(3)"), Err(Error::SystemExit(3))));
    assert!(matches!(interp.exec("exit()"), Err(Error::SystemExit(0))));
    assert!(matches!(interp.exec("raise SystemExit('bye')"), Err(Error::SystemExit(1))));
    assert_eq!(err.text(), "bye\n");
    assert_eq!(interp.eval::<i64>("6 * 7").unwrap(), 42);
}

#[test]
fn compiled_program_runs_many_times() {
    let (interp, out, _) = captured();
    let p = interp.compile("count = globals().get('count', 0) + 1\nprint(count)").unwrap();
    for _ in 0..3 {
        interp.run(&p).unwrap();
    }
    assert_eq!(out.text(), "1\n2\n3\n");
    // The same program in another interpreter starts from its own state.
    let (other, out2, _) = captured();
    other.run(&p).unwrap();
    assert_eq!(out2.text(), "1\n");
}

#[test]
fn run_file_sets_file_and_reports_unreadable_files() {
    let dir = std::env::temp_dir().join(format!("pyl-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("prog.pyl");
    std::fs::write(&path, "import sys\nname = __file__\nargs = sys.argv\n").unwrap();
    let interp = Interpreter::builder().argv(["prog.pyl", "--fast"]).build();
    interp.run_file(&path).unwrap();
    assert_eq!(interp.global::<String>("name").unwrap(), path.to_string_lossy());
    assert_eq!(interp.global::<Vec<String>>("args").unwrap(), vec!["prog.pyl", "--fast"]);
    assert!(matches!(interp.run_file(dir.join("missing.pyl")), Err(Error::Io { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_reads_from_the_host() {
    let out = Capture::new();
    let input = std::io::Cursor::new(b"ann\nbob\n".to_vec());
    let interp = Interpreter::builder().stdin(input).stdout(out.clone()).build();
    interp.exec("a = input('name? ')\nb = input()\nprint(a + '&' + b)").unwrap();
    assert_eq!(out.text(), "name? ann&bob\n");
    let Err(Error::Python(e)) = interp.exec("input()") else { panic!("expected EOFError") };
    assert_eq!(e.type_name, "EOFError");
}

#[test]
fn missing_global_is_a_name_error_and_wrong_type_a_conversion_error() {
    let (interp, _, _) = captured();
    let Err(Error::Python(e)) = interp.global::<i64>("nope") else { panic!("expected NameError") };
    assert_eq!(e.type_name, "NameError");
    interp.exec("s = 'text'").unwrap();
    let Err(Error::Conversion(msg)) = interp.global::<i64>("s") else { panic!("expected a conversion error") };
    assert_eq!(msg, "expected int, got str");
    let o: Object = interp.global("s").unwrap();
    assert_eq!(o.type_name(), "str");
}

#[test]
fn two_interpreters_on_two_threads_are_independent() {
    let handles: Vec<_> = [true, false]
        .into_iter()
        .map(|gil| {
            std::thread::spawn(move || {
                let interp = Interpreter::builder().gil(gil).build();
                interp.exec("import sys\nacc = 0\nfor i in range(20000):\n    acc += i").unwrap();
                interp.exec(&format!("tag = {}", gil as i64)).unwrap();
                (interp.eval::<i64>("acc").unwrap(), interp.eval::<i64>("tag").unwrap(), interp.gil_enabled())
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(results, vec![(199990000, 1, true), (199990000, 0, false)]);
}

#[test]
fn one_interpreter_shared_by_rust_threads() {
    let interp = std::sync::Arc::new(Interpreter::builder().build());
    interp.exec("import threading\nlock = threading.Lock()\nn = 0").unwrap();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let interp = interp.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    interp.exec("with lock:\n    n += 1").unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(interp.global::<i64>("n").unwrap(), 100);
}

#[test]
fn gil_stats_show_the_threads_and_the_lock() {
    for gil in [true, false] {
        let interp = Interpreter::builder().gil(gil).build();
        interp
            .exec(
                "import threading\ndef work():\n    n = 0\n    for i in range(200000):\n        n += i\n\
                 ts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()",
            )
            .unwrap();
        let stats = interp.gil_stats();
        assert_eq!(stats.gil, gil);
        let workers: Vec<_> = stats.threads.iter().filter(|t| t.name.ends_with("(work)")).collect();
        assert_eq!(workers.len(), 2, "{stats:?}");
        // A joined thread may still be on its way out (`alive`), but
        // its Python code has run.
        for w in &workers {
            assert!(w.times.acquisitions >= 1);
            assert!(w.times.running > std::time::Duration::ZERO);
        }
        assert_eq!(stats.handoffs.is_some(), gil);
        assert!(stats.table.contains(if gil { "GIL on" } else { "GIL off" }), "{}", stats.table);
    }
}

#[test]
fn interrupt_main_reaches_only_its_own_interpreter() {
    let a = Interpreter::builder().build();
    let b = Interpreter::builder().build();
    let err = a.exec("import _thread\n_thread.interrupt_main()\nfor i in range(10**6): pass").unwrap_err();
    assert!(matches!(&err, Error::Python(e) if e.type_name == "KeyboardInterrupt"), "{err:?}");
    // b's main thread looks at its signals at every call and loop; none is its.
    b.exec("import time\nfor i in range(10**5): pass\ntime.sleep(0.01)").unwrap();
}
