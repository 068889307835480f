//! A place in the program: a code object and an instruction in it, turned
//! into file, line and source text only when a report is written.

use crate::runtime::pyarc::PyArc;

use crate::bytecode::Code;

#[derive(Clone)]
pub struct Site {
    pub code: PyArc<Code>,
    /// The instruction (the call that blocked, the one about to run).
    pub pc: u32,
}

impl Site {
    pub fn line(&self) -> usize {
        self.code.line_at(self.pc as usize)
    }

    /// The file as a student reads it: the script's own name without its
    /// directory (`demo.pyl`), `<frozen threading>` for pyl's own modules.
    pub fn file(&self) -> &str {
        let f = self.code.source.filename.as_str();
        std::path::Path::new(f).file_name().and_then(|n| n.to_str()).unwrap_or(f)
    }

    /// `demo.pyl:12`
    pub fn short(&self) -> String {
        format!("{}:{}", self.file(), self.line())
    }

    /// The source line, stripped (empty where there is no source).
    pub fn source_line(&self) -> &str {
        self.code.source.line_text(self.line()).trim()
    }

    /// The function the site is in (`<module>` at module level).
    pub fn function(&self) -> &str {
        self.code.name.as_str()
    }
}

/// Whether `code` is one of pyl's own modules written in pyl (threading,
/// queue, ...): reports point at the caller's line instead.
pub fn is_library(code: &Code) -> bool {
    code.source.filename.starts_with("<frozen ")
}
