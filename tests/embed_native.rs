//! Native functions and modules: conversion of arguments, errors as
//! chosen exception types, panics contained, and a blocking native
//! function called from four script threads at once releasing the lock
//! inside allow_threads, in both GIL modes.

use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};
use pyl::{Error, Interpreter, NativeError, NativeModule};

#[test]
fn arguments_are_converted_and_errors_become_exceptions() {
    let interp = Interpreter::builder().build();
    interp
        .register_builtin("scale", |v: Vec<f64>, k: f64| Ok(v.into_iter().map(|x| x * k).collect::<Vec<_>>()))
        .unwrap();
    interp
        .register_builtin("lookup", |key: String| match key.as_str() {
            "a" => Ok(1),
            _ => Err(NativeError::new("KeyError", key)),
        })
        .unwrap();
    interp.register_builtin("boom", || -> Result<(), NativeError> { panic!("host bug") }).unwrap();
    assert_eq!(interp.eval::<Vec<f64>>("scale([1, 2.5], 2)").unwrap(), vec![2.0, 5.0]);
    assert_eq!(interp.eval::<i64>("lookup('a')").unwrap(), 1);
    interp.exec("try:\n    lookup('zz')\nexcept KeyError as e:\n    caught = repr(e)").unwrap();
    assert_eq!(interp.global::<String>("caught").unwrap(), "KeyError('zz')");
    let Err(Error::Python(e)) = interp.exec("scale('x', 2)") else { panic!("expected TypeError") };
    assert_eq!(
        (e.type_name.as_str(), e.message.as_str()),
        ("TypeError", "scale() argument 1: expected a sequence, got str")
    );
    let Err(Error::Python(e)) = interp.exec("scale([1])") else { panic!("expected TypeError") };
    assert_eq!(e.message, "scale() takes 2 arguments (1 given)");
    let Err(Error::Python(e)) = interp.exec("lookup(key='a')") else { panic!("expected TypeError") };
    assert_eq!(e.message, "lookup() takes no keyword arguments");
    let Err(Error::Python(e)) = interp.exec("boom()") else { panic!("expected SystemError") };
    assert_eq!(e.type_name, "SystemError");
    assert_eq!(e.message, "native function boom() panicked: host bug");
    assert_eq!(interp.eval::<String>("repr(boom)").unwrap(), "<native function boom>");
    assert_eq!(interp.eval::<i64>("1 + 1").unwrap(), 2);
}

#[test]
fn native_module_is_importable() {
    let interp = Interpreter::builder().sandboxed().build();
    let m =
        NativeModule::new("geometry").function("area", |w: f64, h: f64| Ok(w * h)).constant("UNITS", vec!["m", "cm"]);
    interp.register_module(m).unwrap();
    interp.exec("import geometry\nfrom geometry import area\na = area(2, 3)\nu = geometry.UNITS").unwrap();
    assert_eq!(interp.global::<f64>("a").unwrap(), 6.0);
    assert_eq!(interp.global::<Vec<String>>("u").unwrap(), vec!["m", "cm"]);
}

/// How many callers are inside the blocking part at once.
#[derive(Default)]
struct Overlap {
    inside: Mutex<(usize, usize)>,
    changed: Condvar,
}

fn overlap_in(gil: bool) -> usize {
    let out = pyl::Capture::new();
    let interp = Interpreter::builder().gil(gil).stdout(out.clone()).build();
    let overlap = Arc::new(Overlap::default());
    let o = overlap.clone();
    let wait = NativeModule::new("host").function("wait_for_all", move |n: usize| {
        pyl::allow_threads(|| {
            let mut g = o.inside.lock();
            g.0 += 1;
            g.1 = g.1.max(g.0);
            o.changed.notify_all();
            // Every caller waits until all n are inside together: that
            // can only happen if none of them holds the interpreter lock.
            // The timeout only keeps a broken build from hanging the suite.
            let give_up = std::time::Instant::now() + Duration::from_secs(20);
            while g.1 < n && o.changed.wait_until(&mut g, give_up).timed_out().then_some(()).is_none() {}
            g.0 -= 1;
        });
        Ok(())
    });
    interp.register_module(wait).unwrap();
    interp
        .exec(
            "import threading, host\n\
             done = []\n\
             def work(i):\n    host.wait_for_all(4)\n    done.append(i)\n\
             ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]\n\
             for t in ts:\n    t.start()\n\
             for t in ts:\n    t.join()\n\
             print(sorted(done))",
        )
        .unwrap();
    assert_eq!(out.text(), "[0, 1, 2, 3]\n");
    overlap.inside.lock().1
}

#[test]
fn blocking_native_calls_overlap_with_the_gil() {
    assert_eq!(overlap_in(true), 4);
}

#[test]
fn blocking_native_calls_overlap_without_the_gil() {
    assert_eq!(overlap_in(false), 4);
}

#[test]
fn a_native_function_calling_its_own_interpreter_is_refused() {
    let interp = Arc::new(Interpreter::builder().build());
    let weak = Arc::downgrade(&interp);
    interp
        .register_builtin("reenter", move || {
            let interp = weak.upgrade().ok_or_else(|| NativeError::runtime_error("gone"))?;
            match interp.eval::<i64>("1") {
                Err(Error::Unavailable(_)) => Ok("refused"),
                _ => Ok("ran"),
            }
        })
        .unwrap();
    assert_eq!(interp.eval::<String>("reenter()").unwrap(), "refused");
}
