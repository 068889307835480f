//! Instruments: what pyl shows of threads and the interpreter lock.
pub mod timeline;
