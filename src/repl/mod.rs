//! The interactive prompt (`pyl` on a terminal, `pyl -i`): a
//! read-eval-print loop over a `pyl::cli::Session`, with rustyline for line
//! editing, history and completion.
//!
//! Contract, as CPython's REPL: a banner naming the version and the GIL
//! mode, then `>>> `, and `... ` while a piece of input is incomplete
//! (see `input`). Each complete piece runs in one persistent `__main__`;
//! expression values are echoed and kept in `_`; an exception prints its
//! traceback and the loop goes on. `exit()`, `quit()` and `sys.exit(n)`
//! end it with their status, Ctrl-D on an empty line with 0, both after
//! the usual exit steps (waiting for non-daemon threads...). Ctrl-C at
//! the prompt drops the input typed so far. History persists in
//! `~/.pyl_history` when there is a writable home.
//!
//! The prompt waits without the interpreter lock, so threads started at
//! it keep running; while it waits their output goes through rustyline's
//! external printer, which prints it above the line being edited.

mod complete;

use std::cell::RefCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

use pyl::Interpreter;
use pyl::cli::{Outcome, Session};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor, ExternalPrinter};

use complete::ReplHelper;

/// What runs before the first prompt (`pyl -i`).
pub enum Startup {
    Nothing,
    File(String),
    Command(String),
}

/// Lines of history kept in the file.
const HISTORY_LINES: usize = 1000;

/// Runs the prompt until the user leaves; returns the exit status.
pub fn run(interp: &Interpreter, startup: Startup, quiet: bool) -> i32 {
    interp.interactive(move |mut session| {
        let outcome = match &startup {
            Startup::Nothing => Outcome::Done,
            Startup::File(path) => session.run_file(path),
            Startup::Command(code) => session.run_source(code, "<string>"),
        };
        if let Outcome::Exit(status) = outcome {
            return session.finish(status);
        }
        if !quiet {
            let mode = if session.gil_enabled() { "GIL enabled" } else { "GIL disabled" };
            eprintln!("pyl {} (Python 3.11 compatible, {mode})", env!("CARGO_PKG_VERSION"));
            eprintln!("Type \"exit()\" or press Ctrl-D to leave.");
        }
        let session = Rc::new(RefCell::new(session));
        let status = match Repl::new(session.clone()) {
            Ok(mut repl) => repl.run(),
            Err(e) => {
                eprintln!("pyl: cannot start the line editor: {e}");
                1
            }
        };
        match Rc::try_unwrap(session) {
            Ok(cell) => cell.into_inner().finish(status),
            // Unreachable: the editor (and its helper's handle) is gone.
            Err(_) => status,
        }
    })
}

struct Repl {
    session: Rc<RefCell<Session>>,
    editor: Editor<ReplHelper, DefaultHistory>,
    history: Option<PathBuf>,
    /// Hands other threads' output to the external printer while the
    /// prompt waits; None when the terminal offers no such printer.
    tap: Option<Arc<dyn Fn(String) + Send + Sync>>,
    /// Whether input comes from a terminal (else the editor only reads
    /// lines, as with `pyl -i` and piped input).
    terminal: bool,
}

impl Repl {
    fn new(session: Rc<RefCell<Session>>) -> rustyline::Result<Repl> {
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .auto_add_history(false)
            .max_history_size(HISTORY_LINES)?
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(ReplHelper { session: session.clone() }));
        let history = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".pyl_history"));
        if let Some(path) = &history {
            // A first session has no history file yet.
            let _ = editor.load_history(path);
        }
        let tap = editor.create_external_printer().ok().and_then(forward_to);
        let terminal = std::io::stdin().is_terminal();
        Ok(Repl { session, editor, history, tap, terminal })
    }

    /// The loop: read a piece of input, run it, until told to stop.
    fn run(&mut self) -> i32 {
        let status = loop {
            let Some(source) = self.read_input() else { break 0 };
            match self.session.borrow_mut().run_interactive(&source) {
                Outcome::Done | Outcome::Failed => {}
                Outcome::Exit(status) => break status,
            }
        };
        self.save_history();
        status
    }

    /// Reads lines until they form a complete piece of input; None at
    /// end of input (Ctrl-D on an empty line).
    fn read_input(&mut self) -> Option<String> {
        let mut lines: Vec<String> = Vec::new();
        let (ps1, ps2) = self.session.borrow_mut().prompts();
        loop {
            let prompt = if lines.is_empty() { &ps1 } else { &ps2 };
            match self.read_line(prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = self.editor.add_history_entry(line.as_str());
                    }
                    if lines.is_empty() && line.trim().is_empty() {
                        continue;
                    }
                    lines.push(line);
                    if pyl::cli::is_complete(&lines) {
                        return Some(lines.join("\n") + "\n");
                    }
                }
                // The editor has ended the line already.
                Err(ReadlineError::Interrupted) => {
                    eprintln!("KeyboardInterrupt");
                    lines.clear();
                }
                Err(ReadlineError::Eof) => {
                    if !self.terminal {
                        eprintln!();
                    }
                    // Ctrl-D inside a block ends the block, as a blank line does.
                    return (!lines.is_empty()).then(|| lines.join("\n") + "\n");
                }
                Err(e) => {
                    eprintln!("pyl: cannot read input: {e}");
                    return None;
                }
            }
        }
    }

    /// One line from the editor, with the interpreter lock free (the
    /// session takes it only inside its methods) and output tapped.
    fn read_line(&mut self, prompt: &str) -> rustyline::Result<String> {
        // Setting the tap first writes out what is buffered, so a partial
        // line printed by the input just run stays before the prompt.
        let mid_line = self.session.borrow().tap_output(self.tap.clone());
        if mid_line && self.terminal {
            // The editor starts by clearing the cursor's line: move the
            // program's unfinished line out of its way.
            eprintln!();
        }
        if !self.terminal {
            // The editor shows no prompt when input is not typed; CPython
            // writes it to stderr then.
            eprint!("{prompt}");
        }
        let line = self.editor.readline(prompt);
        self.session.borrow().tap_output(None);
        line
    }

    fn save_history(&mut self) {
        if let Some(path) = &self.history {
            // A read-only or missing home only costs the history.
            let _ = self.editor.save_history(path);
        }
    }
}

/// A tap that passes output on to `printer` from a thread of its own: the
/// printer may block until the prompt takes the text, and the tap is
/// called with a stream locked, possibly by a thread holding the
/// interpreter lock.
fn forward_to<P: ExternalPrinter + Send + 'static>(mut printer: P) -> Option<Arc<dyn Fn(String) + Send + Sync>> {
    let (tx, rx) = crossbeam_channel::unbounded::<String>();
    let spawned = std::thread::Builder::new().name("pyl-repl-output".into()).spawn(move || {
        for text in rx {
            if printer.print(text).is_err() {
                break;
            }
        }
    });
    // Without the forwarding thread, output goes straight out.
    spawned.ok()?;
    Some(Arc::new(move |text| {
        let _ = tx.send(text);
    }))
}
