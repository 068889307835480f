//! The modules written in pyl itself, compiled into the binary.
//!
//! Each entry is a module's full dotted name, its source, and whether it is
//! a package (it then gets an empty `__path__`, so its submodules — also
//! entries here — import as `package.sub`). The high-level thread API is
//! built on `_thread` as in CPython; the standard-library modules students
//! import on line 1 are here too where pyl is the simplest language for them.

/// One frozen module.
pub struct Frozen {
    pub name: &'static str,
    pub source: &'static str,
    pub package: bool,
    /// CPython implements the module in C: tracebacks leave its frames
    /// out, so an error raised through `itertools` or a warning turned
    /// into an error shows the same lines as in CPython.
    pub native: bool,
}

const fn module(name: &'static str, source: &'static str) -> Frozen {
    Frozen { name, source, package: false, native: false }
}

const fn c_module(name: &'static str, source: &'static str) -> Frozen {
    Frozen { name, source, package: false, native: true }
}

const fn package(name: &'static str, source: &'static str) -> Frozen {
    Frozen { name, source, package: true, native: false }
}

/// Every frozen module, by full name.
pub static FROZEN: &[Frozen] = &[
    module("threading", include_str!("threading.pyl")),
    module("_threading_sync", include_str!("threading_sync.pyl")),
    module("queue", include_str!("queue.pyl")),
    module("pydoc", include_str!("pydoc.pyl")),
    module("multiprocessing", include_str!("multiprocessing.pyl")),
    module("_multiprocessing_pool", include_str!("mp_pool.pyl")),
    module("_multiprocessing_queues", include_str!("mp_queues.pyl")),
    module("subprocess", include_str!("subprocess.pyl")),
    module("collections", include_str!("collections.pyl")),
    c_module("operator", include_str!("operator.pyl")),
    c_module("itertools", include_str!("itertools.pyl")),
    module("functools", include_str!("functools.pyl")),
    c_module("heapq", include_str!("heapq.pyl")),
    c_module("bisect", include_str!("bisect.pyl")),
    module("copy", include_str!("copy.pyl")),
    module("contextlib", include_str!("contextlib.pyl")),
    c_module("_asyncgen", include_str!("asyncgen.pyl")),
    module("_contextlib_async", include_str!("contextlib_async.pyl")),
    module("string", include_str!("string.pyl")),
    c_module("atexit", include_str!("atexit.pyl")),
    c_module("warnings", include_str!("warnings.pyl")),
    module("json", include_str!("json.pyl")),
    module("types", include_str!("types.pyl")),
    module("weakref", include_str!("weakref.pyl")),
    c_module("array", include_str!("array.pyl")),
    module("fractions", include_str!("fractions.pyl")),
    module("typing", include_str!("typing.pyl")),
    module("dataclasses", include_str!("dataclasses.pyl")),
    module("abc", include_str!("abc.pyl")),
    module("enum", include_str!("enum.pyl")),
    module("io", include_str!("io.pyl")),
    module("textwrap", include_str!("textwrap.pyl")),
    module("datetime", include_str!("datetime.pyl")),
    module("_datetime_base", include_str!("datetime_base.pyl")),
    module("_datetime_time", include_str!("datetime_time.pyl")),
    module("_datetime_datetime", include_str!("datetime_datetime.pyl")),
    module("_datetime_format", include_str!("datetime_format.pyl")),
    c_module("struct", include_str!("struct.pyl")),
    module("statistics", include_str!("statistics.pyl")),
    module("platform", include_str!("platform.pyl")),
    module("re", include_str!("re.pyl")),
    module("asyncio", include_str!("asyncio.pyl")),
    module("_asyncio_sync", include_str!("asyncio_sync.pyl")),
    module("_asyncio_waits", include_str!("asyncio_waits.pyl")),
    module("_asyncio_timeouts", include_str!("asyncio_timeouts.pyl")),
    module("_asyncio_taskgroups", include_str!("asyncio_taskgroups.pyl")),
    package("concurrent", "\"\"\"The concurrent package (pyl): holds `concurrent.futures`.\"\"\"\n"),
    package("concurrent.futures", include_str!("concurrent/futures.pyl")),
    module("concurrent.futures._base", include_str!("concurrent/futures_base.pyl")),
    module("concurrent.futures.thread", include_str!("concurrent/futures_thread.pyl")),
    module("concurrent.futures.process", include_str!("concurrent/futures_process.pyl")),
];
