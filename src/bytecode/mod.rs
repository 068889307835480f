//! Bytecode: the instruction set (`op`), code objects (`code`), their
//! exception tables (`exception_table`) and the disassembler behind
//! `--dis` (`disasm`). The compiler produces `Code`;
//! the VM runs it. A `Code` is immutable once built and shared by `Arc`.

pub mod code;
pub mod disasm;
pub mod exception_table;
pub mod op;
pub mod snapshot;

pub use code::{Code, Source};
pub use op::Op;
