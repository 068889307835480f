//! The abstract syntax tree the parser builds and the compiler consumes.
//!
//! It mirrors Python's `ast` module closely enough that CPython's compiler
//! is a fair guide to compiling it. Every statement and expression carries
//! the span of source it came from; targets of assignments have already been
//! checked by the parser (only names, attributes, subscripts, and tuples,
//! lists and starred forms of those reach the compiler as targets).

use num_bigint::BigInt;

use super::span::Span;

pub type Name = String;

/// The deepest a tree may nest, counting statements and expressions from
/// a top-level statement down to a leaf. CPython's compiler gives up past
/// this many levels (its recursion limit, 1000, times 3) with
/// "RecursionError: maximum recursion depth exceeded during compilation".
/// Bounding the tree as it is built also bounds every recursive walk over
/// it (checks, scopes, code generation, `Drop`), so no source text can
/// overflow the stack, however it nests.
pub const MAX_DEPTH: u32 = 3000;

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Levels from this node down to its deepest leaf (1 for a leaf).
    pub depth: u32,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let depth = kind.child_depth() + 1;
        Expr::with_depth(kind, span, depth)
    }

    /// A node whose depth the caller already knows (long flat chains would
    /// otherwise rescan every operand as each one is added). A node past
    /// [`MAX_DEPTH`] becomes [`ExprKind::TooDeep`]: its subtree is dropped
    /// now, while still shallow enough, and parsing goes on so that a later
    /// syntax error is still reported first, as in CPython.
    pub fn with_depth(kind: ExprKind, span: Span, depth: u32) -> Expr {
        if depth > MAX_DEPTH {
            return Expr { kind: ExprKind::TooDeep, span, depth: 1 };
        }
        Expr { kind, span, depth }
    }
}

fn max_depth<'a>(exprs: impl IntoIterator<Item = &'a Expr>) -> u32 {
    exprs.into_iter().map(|e| e.depth).max().unwrap_or(0)
}

impl ExprKind {
    /// The depth of the deepest child expression (0 for a leaf).
    fn child_depth(&self) -> u32 {
        use ExprKind::*;
        match self {
            Name(_) | Const(_) | TooDeep => 0,
            FString(parts) => fparts_depth(parts),
            BinOp { left, right, .. } => left.depth.max(right.depth),
            UnaryOp { operand: e, .. } | Attribute { value: e, .. } | Starred(e) | YieldFrom(e) | Await(e) => e.depth,
            NamedExpr { value: e, .. } => e.depth,
            BoolOp { values: v, .. } | List(v) | Tuple(v) | Set(v) => max_depth(v),
            Compare { left, ops } => left.depth.max(max_depth(ops.iter().map(|(_, e)| e))),
            Call { func, args, keywords } => {
                func.depth.max(max_depth(args)).max(max_depth(keywords.iter().map(|k| &k.value)))
            }
            Subscript { value, index } => value.depth.max(index.depth),
            Slice { lower, upper, step } => max_depth([lower, upper, step].into_iter().flatten().map(|b| &**b)),
            Dict(items) => max_depth(items.iter().flat_map(|(k, v)| k.iter().chain([v]))),
            ListComp { elt, generators } | SetComp { elt, generators } | GeneratorExp { elt, generators } => {
                elt.depth.max(comprehensions_depth(generators))
            }
            DictComp { key, value, generators } => key.depth.max(value.depth).max(comprehensions_depth(generators)),
            Lambda { params, body } => body.depth.max(params.depth()),
            IfExp { test, body, orelse } => test.depth.max(body.depth).max(orelse.depth),
            Yield(e) => e.as_ref().map_or(0, |e| e.depth),
        }
    }
}

fn fparts_depth(parts: &[FPart]) -> u32 {
    parts
        .iter()
        .map(|p| match p {
            FPart::Lit(_) => 0,
            FPart::Value { expr, spec, .. } => expr.depth.max(spec.as_deref().map_or(0, fparts_depth)),
        })
        .max()
        .unwrap_or(0)
}

fn comprehensions_depth(generators: &[Comprehension]) -> u32 {
    max_depth(generators.iter().flat_map(|g| [&g.target, &g.iter].into_iter().chain(&g.ifs)))
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Name(Name),
    Const(Const),
    /// An f-string: literal text and formatted values, in order.
    FString(Vec<FPart>),
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c`: two or more values.
    BoolOp {
        op: BoolOpKind,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: a chain of one or more comparisons.
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    /// Positional arguments may be `Starred`; keywords with no name are `**`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Starred(Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// Entries with no key are `**mapping` unpackings.
    Dict(Vec<(Option<Expr>, Expr)>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `await e`, only inside an `async def` (the compiler checks).
    Await(Box<Expr>),
    /// What is left of a subtree nested deeper than [`MAX_DEPTH`]: the
    /// compiler reports it as CPython's RecursionError.
    TooDeep,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    /// An imaginary literal (`2j`): the imaginary part.
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    Lit(String),
    Value {
        expr: Box<Expr>,
        /// `!r`, `!s` or `!a`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (it may contain `{}` fields).
        spec: Option<Vec<FPart>>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOpKind {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `async for` (PEP 530): iterated with `__aiter__`/`__anext__`.
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub name: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: Name,
    pub span: Span,
}

/// A function's parameter list, already checked for order and duplicates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
    /// Defaults for the last `defaults.len()` of `posonly` + `args`.
    pub defaults: Vec<Expr>,
    /// One entry per `kwonly` parameter.
    pub kw_defaults: Vec<Option<Expr>>,
    /// `(name, annotation)` in the order written, `return` last.
    pub annotations: Vec<(Name, Expr)>,
}

impl Params {
    fn depth(&self) -> u32 {
        let defaults = self.defaults.iter().chain(self.kw_defaults.iter().flatten());
        max_depth(defaults.chain(self.annotations.iter().map(|(_, e)| e)))
    }

    /// Every parameter name in the order locals are laid out.
    pub fn names(&self) -> impl Iterator<Item = &Param> {
        self.posonly.iter().chain(&self.args).chain(&self.kwonly).chain(&self.vararg).chain(&self.kwarg)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
    /// Levels from this statement down to its deepest leaf, as for
    /// [`Expr::depth`]; an `elif` chain nests one level per `elif`.
    pub depth: u32,
}

impl Stmt {
    /// A statement, or a `TooDeep` expression statement in its place if it
    /// nests past [`MAX_DEPTH`] (see [`Expr::with_depth`]).
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        let depth = kind.child_depth() + 1;
        if depth > MAX_DEPTH {
            return Stmt { kind: StmtKind::Expr(Expr::new(ExprKind::TooDeep, span)), span, depth: 2 };
        }
        Stmt { kind, span, depth }
    }
}

fn body_depth(body: &[Stmt]) -> u32 {
    body.iter().map(|s| s.depth).max().unwrap_or(0)
}

impl StmtKind {
    fn child_depth(&self) -> u32 {
        use StmtKind::*;
        let opt = |e: &Option<self::Expr>| e.as_ref().map_or(0, |e| e.depth);
        match self {
            Pass | Break | Continue | Import(_) | ImportFrom { .. } | Global(_) | Nonlocal(_) => 0,
            Expr(e) => e.depth,
            Assign { targets, value } => max_depth(targets).max(value.depth),
            AugAssign { target, value, .. } => target.depth.max(value.depth),
            AnnAssign { target, annotation, value } => target.depth.max(annotation.depth).max(opt(value)),
            Return(e) => opt(e),
            Delete(targets) => max_depth(targets),
            If { test, body, orelse } | While { test, body, orelse } => {
                test.depth.max(body_depth(body)).max(body_depth(orelse))
            }
            For { target, iter, body, orelse, .. } => {
                target.depth.max(iter.depth).max(body_depth(body)).max(body_depth(orelse))
            }
            Try { body, handlers, orelse, finalbody } => {
                let h = handlers.iter().map(|h| body_depth(&h.body).max(opt(&h.typ))).max().unwrap_or(0);
                body_depth(body).max(h).max(body_depth(orelse)).max(body_depth(finalbody))
            }
            Raise { exc, cause } => opt(exc).max(opt(cause)),
            With { items, body, .. } => {
                let i = items.iter().map(|i| i.context.depth.max(opt(&i.target))).max().unwrap_or(0);
                i.max(body_depth(body))
            }
            FunctionDef(f) => body_depth(&f.body).max(f.params.depth()).max(max_depth(&f.decorators)),
            ClassDef(c) => {
                let k = max_depth(c.keywords.iter().map(|k| &k.value));
                body_depth(&c.body).max(max_depth(&c.bases)).max(k).max(max_depth(&c.decorators))
            }
            Assert { test, msg } => test.depth.max(opt(msg)),
            Match { subject, cases } => {
                let c = cases.iter().map(|c| body_depth(&c.body).max(opt(&c.guard))).max().unwrap_or(0);
                subject.depth.max(c)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: one or more targets.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `x: int = 1`; at module and class level the annotation is evaluated
    /// and stored in `__annotations__` for a plain name, as in CPython.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        /// `async for`: `__aiter__`, then `await __anext__()` per item.
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        /// `async with`: `__aenter__`/`__aexit__`, each awaited.
        is_async: bool,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Import(Vec<Alias>),
    /// `from .mod import a as b`; `names` is `[*]` for a star import.
    ImportFrom {
        module: Option<Name>,
        names: Vec<Alias>,
        level: usize,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `match subject:` and its `case` clauses, tried in order.
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern if guard: body` of a `match` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

/// The patterns of PEP 634. Literal and value patterns are both `Value`
/// (compared with `==`); `None`/`True`/`False` are `Singleton` (compared
/// with `is`).
#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    Value(Expr),
    Singleton(Const),
    Capture(Name),
    Wildcard,
    /// `*name` (None for `*_`), only inside a sequence pattern.
    Star(Option<Name>),
    Sequence(Vec<Pattern>),
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Name>,
    },
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<(Name, Span)>,
        kwd_patterns: Vec<Pattern>,
    },
    As {
        pattern: Box<Pattern>,
        name: Name,
    },
    Or(Vec<Pattern>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: Name,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    /// `async def`: calling it makes a coroutine.
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: Name,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted for `import a.b`.
    pub name: Name,
    pub asname: Option<Name>,
    pub span: Span,
}
