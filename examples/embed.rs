//! Hosting pyl from Rust: run a script with its output captured, read a
//! value back, and give the script a Rust function to call — from four
//! script threads, with the interpreter lock released while it blocks.
//!
//! Run with `cargo run --example embed`.

use std::time::Duration;

use pyl::{Capture, Interpreter, NativeModule};

fn main() {
    for gil in [true, false] {
        let out = Capture::new();
        let interp = Interpreter::builder().gil(gil).stdout(out.clone()).build();
        let host = NativeModule::new("host").function("fetch", |i: i64| {
            // A blocking call (I/O, a database...): other script threads
            // run meanwhile, whichever lock mode the script uses.
            pyl::allow_threads(|| std::thread::sleep(Duration::from_millis(50)));
            Ok(i * i)
        });
        interp.register_module(host).expect("register host");
        interp
            .exec(
                "import threading, host\n\
                 results = {}\n\
                 def work(i):\n    results[i] = host.fetch(i)\n\
                 ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]\n\
                 for t in ts:\n    t.start()\n\
                 for t in ts:\n    t.join()\n\
                 print('fetched', sorted(results.items()))",
            )
            .expect("script runs");
        let total: i64 = interp.eval("sum(results.values())").expect("a number");
        print!("gil={gil}: {}", out.text());
        println!("gil={gil}: total {total}");
    }
}
