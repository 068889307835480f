//! `--dis`: prints code objects the way `dis.dis` does, roughly.

use crate::runtime::pyarc::PyArc;
use std::fmt::Write;

use super::code::Code;
use super::op::Op;
use crate::runtime::value::Value;

/// Disassembles `code` and every code object among its constants.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &Code, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code {} line {}>:", code.qualname.as_str(), code.first_line);
    // Sorted for a binary search: a linear one per instruction made big
    // code quadratic.
    let mut targets: Vec<u32> = code.ops.iter().filter_map(Op::target).collect();
    targets.extend(code.exception_table.entries().iter().map(|h| h.target));
    targets.sort_unstable();
    let mut last_line = 0;
    for (pc, op) in code.ops.iter().enumerate() {
        let line = code.line_at(pc);
        let line_col = if line != last_line {
            last_line = line;
            format!("{line:>4}")
        } else {
            "    ".into()
        };
        let mark = if targets.binary_search(&(pc as u32)).is_ok() { ">>" } else { "  " };
        let (name, arg) = describe(code, op);
        let _ = writeln!(out, "{line_col} {mark} {pc:>5} {name:<22}{arg}");
    }
    // As `dis` shows `co_exceptiontable`: each range, its handler and
    // the stack depth kept.
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for h in code.exception_table.entries() {
            let _ = writeln!(out, "  {} to {} -> {} [{}]", h.start, h.end.saturating_sub(1), h.target, h.depth);
        }
    }
    for c in &code.consts {
        if let Value::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

fn describe(code: &Code, op: &Op) -> (String, String) {
    let debug = format!("{op:?}");
    let name = debug.split('(').next().unwrap_or("").to_string();
    let name_of = |v: &Vec<PyArc<crate::runtime::str::PyStr>>, i: u32| {
        v.get(i as usize).map(|s| s.as_str().to_string()).unwrap_or_else(|| "?".into())
    };
    let arg = match *op {
        Op::LoadConst(i) => format!("{i} ({})", const_repr(code.consts.get(i as usize))),
        Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => {
            format!("{i} ({})", name_of(&code.varnames, i))
        }
        Op::LoadFastConst(l, k) => {
            format!("{l} {k} ({}, {})", name_of(&code.varnames, l as u32), const_repr(code.consts.get(k as usize)))
        }
        Op::StoreFastLoadFast(s, l) => {
            format!("{s} {l} ({}, {})", name_of(&code.varnames, s as u32), name_of(&code.varnames, l as u32))
        }
        Op::LoadFastAttr(l, n) | Op::StoreFastAttr(l, n) | Op::LoadFastMethod(l, n) => {
            format!("{l} {n} ({}.{})", name_of(&code.varnames, l as u32), name_of(&code.names, n as u32))
        }
        Op::LoadDeref(i) | Op::StoreDeref(i) | Op::DeleteDeref(i) | Op::LoadClosure(i) | Op::LoadClassDeref(i) => {
            let n =
                if (i as usize) < code.ncells() { code.cell_name(i as usize).as_str().to_string() } else { "?".into() };
            format!("{i} ({n})")
        }
        Op::LoadGlobal(i)
        | Op::StoreGlobal(i)
        | Op::DeleteGlobal(i)
        | Op::LoadName(i)
        | Op::StoreName(i)
        | Op::DeleteName(i)
        | Op::LoadAttr(i)
        | Op::StoreAttr(i)
        | Op::DeleteAttr(i)
        | Op::LoadMethod(i)
        | Op::ImportName(i)
        | Op::ImportFrom(i) => format!("{i} ({})", name_of(&code.names, i)),
        Op::Binary(b) | Op::Inplace(b) => b.symbol().to_string(),
        Op::Compare(c) => format!("{c:?}"),
        Op::CompareJumpIfFalse(c, t) => format!("{c:?} to {t}"),
        _ => match op.target() {
            Some(t) => format!("to {t}"),
            None => debug.find('(').map(|p| debug[p + 1..debug.len() - 1].to_string()).unwrap_or_default(),
        },
    };
    (name, arg)
}

fn const_repr(v: Option<&Value>) -> String {
    match v {
        Some(Value::Code(c)) => format!("<code {}>", c.name.as_str()),
        Some(Value::Str(s)) => format!("{:?}", s.as_str()),
        Some(v) => format!("{v:?}"),
        None => "?".into(),
    }
}
