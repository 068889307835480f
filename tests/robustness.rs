//! No source text may crash the front end: deep nesting of every kind ends
//! in CPython's error (a SyntaxError, IndentationError or RecursionError),
//! never a stack overflow, and big inputs compile in linear time. Every
//! case compiles on a thread with a small stack, smaller than any thread
//! pyl runs Python code on, so a recursion the depth limits miss fails here.

/// Less than the 64 MiB of a Python thread and the 512 MiB of the main one.
const STACK: usize = 8 * 1024 * 1024;

/// The last line of the report for `source`, or "ok" if it compiles.
fn outcome(source: String) -> String {
    let worker = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || match pyl::compile_only(&source, "<test>") {
            Ok(()) => "ok".to_string(),
            Err(report) => report.lines().last().unwrap_or_default().to_string(),
        })
        .unwrap();
    worker.join().expect("the compiler panicked")
}

const TOO_DEEP: &str = "RecursionError: maximum recursion depth exceeded during compilation";

#[test]
fn nesting_up_to_cpythons_limit_compiles() {
    assert_eq!(outcome(format!("{}1\n", "-".repeat(2998))), "ok");
    assert_eq!(outcome(format!("x=1\n{}\n", vec!["x"; 2999].join("+"))), "ok");
    assert_eq!(outcome(format!("x=0\nif x:\n pass\n{}", "elif x:\n pass\n".repeat(2998))), "ok");
}

#[test]
fn deep_expressions_are_recursion_errors() {
    let n = 200_000;
    let cases = [
        format!("{}1\n", "-".repeat(2999)),
        format!("{}1\n", "-".repeat(n)),
        format!("{}1\n", "not ".repeat(n)),
        format!("{}1\n", "~+".repeat(n)),
        format!("a{}\n", ".b".repeat(n)),
        format!("{}\n", vec!["1"; n].join("+")),
        format!("{}\n", vec!["2"; n].join("**")),
        format!("f{}\n", "()".repeat(n)),
        format!("a{}\n", "[0]".repeat(n)),
        format!("{}1\n", "lambda: ".repeat(n)),
        format!("{}1\n", "1 if 1 else ".repeat(n)),
        format!("x = {}1\n", "yield ".repeat(3)).replace("yield yield yield 1", &format!("{}1", "-".repeat(n))),
        format!("a{} = 1\n", ".b".repeat(n)),
        format!("del a{}\n", "[0]".repeat(n)),
        format!("def f():\n    return {}1\n", "-".repeat(n)),
        format!("f'{{{}1}}'\n", "-".repeat(n)),
        format!("{}1{}\n", ("-".repeat(20_000) + "(").repeat(150), ")".repeat(150)),
        format!("x=0\nif x:\n pass\n{}", "elif x:\n pass\n".repeat(200_000)),
    ];
    for (i, src) in cases.into_iter().enumerate() {
        assert_eq!(outcome(src), TOO_DEEP, "case {i}");
    }
}

#[test]
fn a_later_syntax_error_wins_over_depth() {
    // CPython parses the whole file before compiling any of it.
    assert_eq!(outcome(format!("{}1\nx = (\n", "-".repeat(100_000))), "SyntaxError: '(' was never closed");
}

#[test]
fn bracket_and_indentation_limits() {
    assert_eq!(
        outcome(format!("{}{}\n", "(".repeat(201), ")".repeat(201))),
        "SyntaxError: too many nested parentheses"
    );
    assert_eq!(outcome(format!("{}1{}\n", "[".repeat(199), "]".repeat(199))), "ok");
    assert_eq!(
        outcome(format!("{}{}\n", "{".repeat(100_000), "}".repeat(100_000))),
        "SyntaxError: too many nested parentheses"
    );
    let blocks =
        |n: usize| (0..n).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(n) + "pass\n";
    assert_eq!(outcome(blocks(99)), "ok");
    assert_eq!(outcome(blocks(100)), "IndentationError: too many levels of indentation");
    assert_eq!(outcome(blocks(10_000)), "IndentationError: too many levels of indentation");
}

#[test]
fn long_flat_sequences_compile() {
    let n = 100_000;
    for src in [
        format!("x = {}\n", vec!["1"; n].join(" and ")),
        format!("x = {}\n", vec!["1"; n].join(" < ")),
        format!("x = [{}]\n", vec!["1"; n].join(", ")),
        format!("x = {{{}}}\n", vec!["1: 2"; n].join(", ")),
        format!("x = {}\n", vec!["'a'"; n].join(" ")),
        format!("f({})\n", vec!["a"; n].join(", ")),
        "with (a): pass\n".repeat(n),
        "x = 1\n".repeat(n),
    ] {
        assert_eq!(outcome(src), "ok");
    }
}

/// Tens of thousands of names, constants and cells in one function: the
/// compiler's tables are hashed, so this takes a fraction of a second
/// (it once took half a minute: every local was found by a linear search).
#[test]
fn many_locals_compile() {
    let n = 70_000;
    let mut locals = String::from("def f():\n");
    for i in 0..n {
        locals.push_str(&format!("    v{i} = {i}.5\n"));
    }
    locals.push_str(&format!("    return v0 + v{}\n", n - 1));
    let mut cells = String::from("def f():\n");
    for i in 0..n / 10 {
        cells.push_str(&format!("    c{i} = '{i}'\n"));
    }
    cells.push_str(&format!("    def g():\n        return c0 + c{}\n    return g\n", n / 10 - 1));
    assert_eq!(outcome(locals), "ok");
    assert_eq!(outcome(cells), "ok");
}
