//! The `pyl` command: parses its arguments like `python3` does and hands
//! over to the library.

mod repl;

use std::io::{IsTerminal, Read, Write};
use std::sync::OnceLock;

use pyl::Interpreter;
use pyl::cli::Config;

/// Python programs allocate and free small objects at a furious rate;
/// mimalloc's thread-local free lists serve them several times faster than
/// the system allocator, and it is fork-safe. The library leaves the choice
/// of allocator to whoever embeds it.
#[global_allocator]
static ALLOCATOR: Mimalloc = Mimalloc;

/// mimalloc as the global allocator. Unlike the `mimalloc` crate's wrapper,
/// which sends every request through the aligned entry points, requests
/// whose alignment plain `mi_malloc` already guarantees (at most 16 bytes,
/// and not more than the size, the rule std's own allocator uses) take the
/// plain, shorter path: a tenth of the instructions of string-heavy code
/// went to the aligned path's extra checks.
struct Mimalloc;

/// The alignment `mi_malloc` gives every block of at least this size.
const MI_MAX_ALIGN: usize = 16;

// SAFETY: every function forwards to the mimalloc routine for the same
// request; blocks from either the plain or the aligned routines are freed
// by `mi_free` and resized by `mi_realloc(_aligned)`, as mimalloc allows.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: plain FFI calls with a size and a power-of-two alignment.
        let get = || unsafe {
            if layout.align() <= MI_MAX_ALIGN && layout.align() <= layout.size() {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        };
        or_rescue(get(), get)
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as in `alloc`.
        let get = || unsafe {
            if layout.align() <= MI_MAX_ALIGN && layout.align() <= layout.size() {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        };
        or_rescue(get(), get)
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: `ptr` came from this allocator with `layout`; a failed
        // `mi_realloc` leaves it allocated, so it may be tried again.
        let get = || unsafe {
            if layout.align() <= MI_MAX_ALIGN && layout.align() <= new_size {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        };
        or_rescue(get(), get)
    }
}

// mimalloc's own entry points, linked in by `libmimalloc-sys` (whose
// declarations of them sit behind a feature with a dependency of its own).
unsafe extern "C" {
    fn mi_collect(force: bool);
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
    #[cfg(test)]
    fn mi_option_get(option: libc::c_int) -> libc::c_long;
}

/// `mi_option_arena_reserve` in the `mi_option_t` of the mimalloc (v3)
/// that `libmimalloc-sys` builds; `tests::arena_reserve_option` checks it.
const MI_OPTION_ARENA_RESERVE: libc::c_int = 23;

/// Under an address-space limit (`ulimit -v`), mimalloc takes memory from
/// the system region by region instead of reserving arenas: memory in an
/// arena is never unmapped, so once a program had filled the address
/// space, catching the `MemoryError` and freeing its objects would give
/// nothing back to the system — the library's emergency reserve could not
/// be taken again, nor a new thread's stack mapped. It must be set before
/// mimalloc reserves its first arena, which its own constructor (priority
/// 101) does: so this runs as a constructor of an earlier priority.
/// Setting an option needs no initialised mimalloc, and an option set
/// stays set when mimalloc reads the others from the environment.
extern "C" fn limit_mimalloc_arenas() {
    // SAFETY: getrlimit writes only the struct it is given.
    let mut lim: libc::rlimit = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to an rlimit struct.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) } == 0 && lim.rlim_cur != libc::RLIM_INFINITY {
        // SAFETY: setting an option mimalloc defines (0: no arenas).
        unsafe { mi_option_set(MI_OPTION_ARENA_RESERVE, 0) };
    }
}

#[used]
#[unsafe(link_section = ".init_array.00099")]
static LIMIT_MIMALLOC_ARENAS: extern "C" fn() = limit_mimalloc_arenas;

/// Makes mimalloc give the system the memory it holds unused (freed
/// segments stay mapped otherwise), so the library's reserve fits again.
fn trim_mimalloc() {
    // SAFETY: `mi_collect` has no preconditions.
    unsafe { mi_collect(true) }
}

/// `p`, or — when the request failed — what `retry` gets once the
/// library's emergency reserve is given back (`memory_reserve.rs`): the
/// program then raises `MemoryError` instead of aborting here.
#[inline(always)]
fn or_rescue(p: *mut u8, retry: impl FnOnce() -> *mut u8) -> *mut u8 {
    if p.is_null() { pyl::cli::rescue_allocation(retry) } else { p }
}

const HELP: &str = "usage: pyl [option] ... [-c cmd | file | -] [arg] ...
Options:
  -c cmd     program passed in as string (terminates option list)
  -h, --help print this help message and exit
  -V, --version
             print the pyl version and exit
  --no-gil   run without the global interpreter lock (same as -X gil=0)
  -X gil=0|1 turn the global interpreter lock off or on
  -X switch=time:SECONDS | -X switch=instructions:N
             when the GIL changes hands: after a time slice (CPython's
             rule, 0.005 s by default) or every N eval-breaker checks
             (MicroPython's rule)
  --gil-stats
             at exit, print per-thread figures of the GIL to stderr
             (running, waiting, blocked, CPU time, hand-offs)
  --no-deadlock-check
             let a deadlocked program hang (as CPython does) instead of
             reporting the deadlock and exiting with status 1
  --timeline FILE
             record when each thread ran, waited and was blocked; at exit
             write FILE.svg, FILE.html and FILE.json (Chrome trace events)
  --schedule SEED
             run one thread at a time, switching at instructions chosen by
             a generator seeded with SEED: the same seed gives the same
             interleaving (and output) on every run and machine
  --switch-every N
             the same, switching threads in turn every N instructions
             (both use virtual time for sleeps and timeouts)
  --explain-races
             at exit, explain the first update of a shared variable that
             was lost because two threads read and wrote it unlocked
  --dis      print the bytecode of the program instead of running it
  -i         inspect interactively after running the program (also
             when stdin is not a terminal)
  -q         no banner at the interactive prompt
  -u         unbuffered stdout and stderr (also PYTHONUNBUFFERED=x)
  -B, -E, -s accepted for compatibility, ignored
  file       program read from script file (.pyl by convention)
  -          program read from stdin (default; interactive mode if a tty)
  arg ...    arguments passed to program in sys.argv[1:]

Environment:
  PYL_GIL=0|1  turn the global interpreter lock off or on (-X gil wins)
";

enum Program {
    File(String),
    Command(String),
    Stdin,
}

/// Sends out the running interpreter's buffered output; the panic hook
/// calls it so that nothing the program printed is lost.
static FLUSH_OUTPUT: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

fn main() {
    // Rust's runtime catches SIGSEGV and SIGBUS to report a stack overflow;
    // its handler returns when the signal was sent (`os.kill(pid,
    // SIGSEGV)`, `kill -SEGV`) rather than caused by a fault, so the
    // process would go on. Python programs die by these signals, as in
    // CPython, and pyl never overflows a native stack by design.
    // SAFETY: restoring the default disposition has no preconditions.
    unsafe {
        libc::signal(libc::SIGSEGV, libc::SIG_DFL);
        libc::signal(libc::SIGBUS, libc::SIG_DFL);
    }
    // Address space kept back so that running out of memory is a
    // `MemoryError`, not an abort (see `or_rescue`).
    pyl::cli::arm_memory_reserve(trim_mimalloc);
    // A panic anywhere (the interpreter's main thread, a Python thread, the
    // exit steps) is a bug in pyl. The program's output so far goes out,
    // one line says so and where, and the process ends with status 70
    // (EX_SOFTWARE) at once: waiting for other threads could hang on a lock
    // the panicking thread holds, and a Rust backtrace means nothing to a
    // student.
    std::panic::set_hook(Box::new(|info| {
        if let Some(flush) = FLUSH_OUTPUT.get() {
            flush();
        }
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let payload = info.payload();
        let what =
            payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(|s| s.as_str()));
        let what = what.and_then(|w| w.lines().next()).map(|w| format!(": {w}")).unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "pyl: internal error{at}{what} (sorry, this is a bug in pyl, not in your program)"
        );
        std::process::exit(70);
    }));
    no_huge_pages();
    std::process::exit(run());
}

/// mimalloc reserves one big arena and, with transparent huge pages
/// allowed, advises the kernel to back it with 2 MiB pages: then every
/// thread's first small allocations fault in a huge page of their own, and
/// 1000 idle threads cost 860 MB of memory instead of CPython's 30 MB.
/// Small pages keep each thread's cost what it touches.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag of this process's memory
    // map; it takes no pointers.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn run() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut gil: Option<bool> = None;
    let mut dis = false;
    let mut unbuffered = false;
    let mut inspect = false;
    let mut quiet = false;
    let mut switch_policy = pyl::cli::SwitchPolicy::Time;
    let mut switch_interval = None;
    let mut instruments = pyl::cli::Instruments { deadlock_check: true, ..Default::default() };
    let mut i = 0;
    let mut program = Program::Stdin;
    let mut rest: Vec<String> = Vec::new();
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return 0;
            }
            "-V" | "--version" => {
                println!("pyl {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            "--no-gil" => gil = Some(false),
            "--gil" => gil = Some(true),
            "--dis" => dis = true,
            "-u" => unbuffered = true,
            "-i" => inspect = true,
            "-q" => quiet = true,
            "-B" | "-E" | "-s" | "-I" | "-O" => {}
            "--gil-stats" => instruments.gil_stats = true,
            "--explain-races" => instruments.explain_races = true,
            "--schedule" | "--switch-every" => {
                i += 1;
                let number = args.get(i).and_then(|n| n.parse::<u64>().ok());
                let rule = match (a.as_str(), number) {
                    ("--schedule", Some(seed)) => pyl::cli::Rule::Seeded(seed),
                    ("--switch-every", Some(n)) if n > 0 => pyl::cli::Rule::Every(n),
                    _ => {
                        let what = if a == "--schedule" { "a seed (a whole number)" } else { "a positive number" };
                        eprintln!("pyl: {a} needs {what}");
                        return 2;
                    }
                };
                switch_policy = pyl::cli::SwitchPolicy::Scheduled(rule);
            }
            "--no-deadlock-check" => instruments.deadlock_check = false,
            "--timeline" => {
                i += 1;
                let Some(file) = args.get(i) else {
                    eprintln!("Argument expected for the --timeline option");
                    return 2;
                };
                instruments.timeline = Some(file.clone());
            }
            "-X" => {
                i += 1;
                let Some(opt) = args.get(i) else {
                    eprintln!("Argument expected for the -X option");
                    return 2;
                };
                if let Err(e) = x_option(opt, &mut gil, &mut switch_policy, &mut switch_interval) {
                    eprintln!("pyl: {e}");
                    return 2;
                }
            }
            "-c" => {
                let Some(cmd) = args.get(i + 1) else {
                    eprintln!("Argument expected for the -c option");
                    return 2;
                };
                program = Program::Command(cmd.clone());
                rest = std::iter::once("-c".to_string()).chain(args[i + 2..].iter().cloned()).collect();
                break;
            }
            "-" => {
                rest = args[i..].to_vec();
                break;
            }
            s if s.starts_with("-X") => {
                if let Err(e) = x_option(&s[2..], &mut gil, &mut switch_policy, &mut switch_interval) {
                    eprintln!("pyl: {e}");
                    return 2;
                }
            }
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("Unknown option: {s}\n{HELP}");
                return 2;
            }
            _ => {
                program = Program::File(a.clone());
                rest = args[i..].to_vec();
                break;
            }
        }
        i += 1;
    }
    let mut gil = gil.unwrap_or_else(|| !matches!(std::env::var("PYL_GIL").as_deref(), Ok("0")));
    if matches!(switch_policy, pyl::cli::SwitchPolicy::Scheduled(_)) {
        if !gil && args.iter().any(|a| a == "--no-gil" || a == "-X" || a.starts_with("-Xgil")) {
            eprintln!("pyl: --schedule and --switch-every run one thread at a time: they cannot be used with --no-gil");
            return 2;
        }
        gil = true;
    }
    let (argv, path0) = match &program {
        Program::File(f) => {
            let dir = std::path::Path::new(f)
                .parent()
                .map(|p| if p.as_os_str().is_empty() { std::path::PathBuf::from(".") } else { p.to_path_buf() })
                .and_then(|p| p.canonicalize().ok())
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            (rest, dir)
        }
        Program::Command(_) => (rest, String::new()),
        Program::Stdin => (if rest.is_empty() { vec![String::new()] } else { rest }, String::new()),
    };
    // As CPython: any non-empty PYTHONUNBUFFERED means -u.
    unbuffered |= std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    instruments.command = command_line();
    let config = Config { gil, argv, path0, dis, unbuffered, switch_policy, switch_interval, instruments };
    // The command is the process's only interpreter and no host thread
    // holds its objects: reference counts can be plain integers until a
    // second thread runs without the GIL (`runtime/pyarc.rs`). Not under
    // the deterministic scheduler, whose baton the deadlock watcher
    // cannot hold without changing the schedule (`Gil::hold_if_idle`).
    if !matches!(config.switch_policy, pyl::cli::SwitchPolicy::Scheduled(_)) {
        pyl::cli::exclusive_reference_counts();
    }
    let interp = Interpreter::new(config);
    let _ = FLUSH_OUTPUT.set(Box::new(interp.output_flusher()));
    interp.catch_sigint();
    let stdin = std::io::stdin();
    // As CPython: no banner after a program, nor when input is not typed.
    quiet |= !stdin.is_terminal() || !matches!(program, Program::Stdin);
    if inspect && !dis {
        let startup = match program {
            Program::File(f) => repl::Startup::File(absolute(f)),
            Program::Command(c) => repl::Startup::Command(c),
            Program::Stdin => repl::Startup::Nothing,
        };
        return repl::run(&interp, startup, quiet);
    }
    let status = match program {
        // CPython reports the script by its absolute path (argv[0] stays as given).
        Program::File(f) => interp.run_script(&absolute(f)),
        Program::Command(c) => interp.run_source(&c, "<string>"),
        Program::Stdin if stdin.is_terminal() && !dis => repl::run(&interp, repl::Startup::Nothing, quiet),
        Program::Stdin => {
            let mut text = Vec::new();
            if let Err(e) = stdin.lock().read_to_end(&mut text) {
                eprintln!("pyl: cannot read stdin: {e}");
                return 2;
            }
            interp.run_bytes(&text, "<stdin>")
        }
    };
    if let Some(sig) = interp.exit_signal() {
        die_by(sig);
    }
    status
}

/// Ends the process by `sig` with its default action, as CPython does
/// after an uncaught KeyboardInterrupt: a shell (or a parent's
/// `waitpid`) then sees a death by the signal, not an exit status.
fn die_by(sig: i32) {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: plain system calls; the default action ends the process.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::kill(libc::getpid(), sig);
    }
}

/// `-X NAME=VALUE`: the ones pyl knows; others are accepted and ignored,
/// as CPython ignores unknown -X options.
fn x_option(
    opt: &str,
    gil: &mut Option<bool>,
    policy: &mut pyl::cli::SwitchPolicy,
    interval: &mut Option<f64>,
) -> Result<(), String> {
    match opt.split_once('=') {
        Some(("gil", "0")) => *gil = Some(false),
        Some(("gil", "1")) => *gil = Some(true),
        Some(("switch", spec)) => {
            let (p, secs) = pyl::cli::SwitchPolicy::parse(spec)?;
            *policy = p;
            if secs.is_some() {
                *interval = secs;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The command line as typed (`pyl --timeline t demo.pyl`), for titles.
fn command_line() -> String {
    let mut words = vec!["pyl".to_string()];
    words.extend(std::env::args().skip(1));
    words.join(" ")
}

fn absolute(f: String) -> String {
    std::path::absolute(&f).map(|p| p.to_string_lossy().into_owned()).unwrap_or(f)
}

#[cfg(test)]
mod tests {
    /// The option number names the arena reservation, whose default is
    /// 1 GiB, kept in KiB (tests run without an address-space limit).
    #[test]
    fn arena_reserve_option() {
        // SAFETY: reading an option has no preconditions.
        let kib = unsafe { super::mi_option_get(super::MI_OPTION_ARENA_RESERVE) };
        assert_eq!(kib, 1 << 20);
    }
}
