//! The embedding API: pyl as a library a Rust program hosts scripts with.
//!
//! A host builds an [`Interpreter`](crate::Interpreter) with
//! [`Interpreter::builder`](crate::Interpreter::builder) (GIL mode,
//! streams, sandbox, limits), runs code in its persistent `__main__`
//! (`exec`, `eval::<T>`, `run_file`, `compile` + `run`), moves values
//! both ways ([`IntoPy`], [`FromPy`], [`Object`]), calls Python
//! callables, and extends the scripts with Rust closures (builtins and
//! [`NativeModule`]s) that may release the interpreter lock while they
//! block ([`allow_threads`]). Failures are a typed [`Error`].
//!
//! ```
//! let out = pyl::Capture::new();
//! let interp = pyl::Interpreter::builder().stdout(out.clone()).sandboxed().build();
//! interp.register_builtin("double", |x: i64| Ok(2 * x)).unwrap();
//! interp.exec("print(double(21))").unwrap();
//! assert_eq!(out.text(), "42\n");
//! assert!(matches!(interp.exec("import subprocess"), Err(pyl::Error::Python(_))));
//! ```
//!
//! Each file holds one concept: `builder` (configuration), `interpreter`
//! (the host's calls), `worker` (the thread they run on), `host` (limits,
//! sandbox, interrupt inside the VM), `convert`, `object`, `native`,
//! `capture`, `error`.

pub mod builder;
mod capture;
pub mod convert;
pub mod error;
pub mod host;
mod interpreter;
pub(crate) mod memory;
pub mod native;
mod object;
mod stats;
pub(crate) mod worker;

pub use builder::Builder;
pub use capture::Capture;
pub use convert::{Bytes, FromPy, IntoPy};
pub use error::{Error, Exception, Limit, SyntaxError};
pub use interpreter::{Args, Program, PyIter};
pub use memory::CountingAllocator;
pub use native::{NativeError, NativeFunction, NativeModule, allow_threads};
pub use object::Object;
pub use stats::{GilStats, ThreadStats, ThreadTimes};
