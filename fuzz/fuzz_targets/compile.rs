//! Source bytes in, through the lexer, the indentation layer, the parser,
//! the compiler and the disassembler, without running anything. Any panic,
//! hang or stack overflow on the way is a bug: every input must end in
//! either a code object or a syntax error report.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The stack a Python thread gets in pyl (`vm::threads`), the smallest any
/// compile runs on: `exec`, `compile` and `import` may be called from one.
const STACK: usize = 64 * 1024 * 1024;

fuzz_target!(|data: &[u8]| {
    // As `pyl FILE` reads a script: invalid UTF-8 becomes U+FFFD.
    let text = String::from_utf8_lossy(data).into_owned();
    let worker = std::thread::Builder::new().stack_size(STACK).spawn(move || {
        let _ = pyl::compile_only(&text, "<fuzz>");
    });
    // A panic in the worker has already aborted the process (libfuzzer-sys
    // installs a hook that does), so a join error cannot happen here.
    let _ = worker.expect("spawn the compile thread").join();
});
