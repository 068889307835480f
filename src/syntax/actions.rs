//! The grammar's semantic actions that need more than building a node:
//! checking assignment targets, parameter lists and call arguments, and
//! giving CPython's messages when they are wrong.

use lalrpop_util::ParseError;
use num_bigint::BigInt;

use super::ast::*;
use super::error::SyntaxError;
use super::span::Span;
use super::strings;
use super::token::{IntLit, StrLit, Tok};

pub type ActResult<T> = Result<T, ParseError<usize, Tok, SyntaxError>>;

pub fn error(msg: impl Into<String>, span: Span) -> ParseError<usize, Tok, SyntaxError> {
    ParseError::User { error: SyntaxError::new(msg, span) }
}

fn user(e: SyntaxError) -> ParseError<usize, Tok, SyntaxError> {
    ParseError::User { error: e }
}

/// One item of a call's argument list, before ordering is checked.
pub enum ArgItem {
    Positional(Expr),
    Generator(Expr),
    Keyword(Name, Expr),
    Star(Expr),
    DoubleStar(Expr),
}

/// One item of a parameter list, before ordering is checked.
pub enum ParamItem {
    Plain(Name),
    Default(Name, Expr),
    Star,
    VarArgs(Name),
    KwArgs(Name),
    Slash,
    /// A parameter with its annotation.
    Annotated(Box<ParamItem>, Expr),
}

/// A parameter item with its annotation, if it has one.
pub fn annotated(item: ParamItem, annotation: Option<Expr>) -> ParamItem {
    match annotation {
        Some(a) => ParamItem::Annotated(Box::new(item), a),
        None => item,
    }
}

/// Where a target appears: the wording of CPython's errors depends on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetCtx {
    Assign,
    Delete,
    Other,
}

pub fn int(lit: IntLit, span: Span) -> ActResult<Expr> {
    // CPython's limit on decimal conversions applies to literals too; it
    // also keeps a huge literal from taking quadratic time to convert.
    let limit = crate::vm::convert::INT_MAX_STR_DIGITS;
    if lit.radix == 10 && lit.digits.len() > limit {
        let msg = format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge \
             integer literals to avoid decimal conversion limits.",
            lit.digits.len()
        );
        return Err(error(msg, span));
    }
    let kind = match i64::from_str_radix(&lit.digits, lit.radix) {
        Ok(v) => Const::Int(v),
        Err(_) => match BigInt::parse_bytes(lit.digits.as_bytes(), lit.radix) {
            Some(b) => Const::BigInt(b),
            None => Const::Int(0),
        },
    };
    Ok(Expr::new(ExprKind::Const(kind), span))
}

pub fn strings(parts: Vec<StrLit>, span: Span) -> ActResult<Expr> {
    strings::concat(parts, span).map_err(user)
}

pub fn tuple(mut items: Vec<Expr>, last: Option<Expr>, span: Span) -> Expr {
    items.extend(last);
    Expr::new(ExprKind::Tuple(items), span)
}

pub fn bin(left: Expr, op: BinOp, right: Expr, span: Span) -> Expr {
    Expr::new(ExprKind::BinOp { op, left: Box::new(left), right: Box::new(right) }, span)
}

pub fn unary(op: UnaryOp, operand: Expr, span: Span) -> Expr {
    Expr::new(ExprKind::UnaryOp { op, operand: Box::new(operand) }, span)
}

/// `a or b or c` becomes one node with three values.
pub fn bool_op(op: BoolOpKind, left: Expr, right: Expr, span: Span) -> Expr {
    // Known without rescanning the chain, which would make it quadratic.
    let depth = left.depth.max(right.depth + 1);
    match left.kind {
        // A parenthesised chain's span starts before its first value's.
        ExprKind::BoolOp { op: lop, mut values } if lop == op && values[0].span.start == left.span.start => {
            values.push(right);
            Expr::with_depth(ExprKind::BoolOp { op, values }, span, depth)
        }
        _ => Expr::new(ExprKind::BoolOp { op, values: vec![left, right] }, span),
    }
}

pub fn parenthesized(e: Expr, span: Span) -> ActResult<Expr> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(error("cannot use starred expression here", e.span));
    }
    // Keep the inner node but widen boolean chains so `(a or b) or c` is not
    // flattened into one chain.
    match e.kind {
        ExprKind::BoolOp { .. } => Ok(Expr { span, ..e }),
        _ => Ok(e),
    }
}

pub fn comprehension(target: Expr, iter: Expr, ifs: Vec<Expr>, is_async: bool) -> ActResult<Comprehension> {
    let target = self::target(target, TargetCtx::Other)?;
    Ok(Comprehension { target, iter, ifs, is_async })
}

pub fn call(func: Expr, args: Vec<(ArgItem, Span)>, span: Span) -> ActResult<Expr> {
    let n = args.len();
    let mut pos = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_kw = false;
    let mut seen_kwargs = false;
    for (item, sp) in args {
        match item {
            ArgItem::Positional(e) => {
                if seen_kwargs {
                    return Err(error("positional argument follows keyword argument unpacking", sp));
                }
                if seen_kw {
                    return Err(error("positional argument follows keyword argument", sp));
                }
                pos.push(e);
            }
            ArgItem::Generator(e) => {
                if n != 1 {
                    return Err(error("Generator expression must be parenthesized", sp));
                }
                pos.push(e);
            }
            ArgItem::Star(e) => {
                if seen_kwargs {
                    return Err(error("iterable argument unpacking follows keyword argument unpacking", sp));
                }
                pos.push(Expr::new(ExprKind::Starred(Box::new(e)), sp));
            }
            ArgItem::Keyword(name, value) => {
                if keywords.iter().any(|k| k.name.as_deref() == Some(name.as_str())) {
                    return Err(error(format!("keyword argument repeated: {name}"), sp));
                }
                seen_kw = true;
                keywords.push(Keyword { name: Some(name), value, span: sp });
            }
            ArgItem::DoubleStar(value) => {
                seen_kwargs = true;
                keywords.push(Keyword { name: None, value, span: sp });
            }
        }
    }
    Ok(Expr::new(ExprKind::Call { func: Box::new(func), args: pos, keywords }, span))
}

pub fn expr_stmt(e: Expr, span: Span) -> ActResult<Stmt> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(error("can't use starred expression here", e.span));
    }
    Ok(Stmt::new(StmtKind::Expr(e), span))
}

pub fn assign(first: Expr, rest: Vec<Expr>, span: Span) -> ActResult<Stmt> {
    let mut all = vec![first];
    all.extend(rest);
    let value = all.pop().expect("an assignment has a value");
    let mut targets = Vec::with_capacity(all.len());
    for t in all {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Err(error("assignment to yield expression not possible", t.span));
        }
        targets.push(target(t, TargetCtx::Assign)?);
    }
    Ok(Stmt::new(StmtKind::Assign { targets, value }, span))
}

pub fn aug_assign(t: Expr, op: BinOp, value: Expr, span: Span) -> ActResult<Stmt> {
    match &t.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(Stmt::new(StmtKind::AugAssign { target: t, op, value }, span))
        }
        _ => Err(error(format!("'{}' is an illegal expression for augmented assignment", describe(&t)), t.span)),
    }
}

pub fn ann_assign(t: Expr, annotation: Expr, value: Option<Expr>, span: Span) -> ActResult<Stmt> {
    match &t.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(Stmt::new(StmtKind::AnnAssign { target: t, annotation, value }, span))
        }
        ExprKind::Tuple(_) => Err(error("only single target (not tuple) can be annotated", t.span)),
        ExprKind::List(_) => Err(error("only single target (not list) can be annotated", t.span)),
        _ => Err(error("illegal target for annotation", t.span)),
    }
}

pub fn delete(t: Expr, span: Span) -> ActResult<Stmt> {
    let targets = match t.kind {
        ExprKind::Tuple(items) => items,
        _ => vec![t],
    };
    let targets = targets.into_iter().map(|t| target(t, TargetCtx::Delete)).collect::<ActResult<Vec<_>>>()?;
    Ok(Stmt::new(StmtKind::Delete(targets), span))
}

pub fn for_stmt(
    t: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
    is_async: bool,
    span: Span,
) -> ActResult<Stmt> {
    let target = target(t, TargetCtx::Other)?;
    Ok(Stmt::new(StmtKind::For { target, iter, body, orelse, is_async }, span))
}

pub fn if_chain(
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Vec<Stmt>,
    span: Span,
) -> Stmt {
    let mut tail = orelse;
    for (at, t, b) in elifs.into_iter().rev() {
        let end = tail.last().map(|s: &Stmt| s.span.end as usize).or(b.last().map(|s| s.span.end as usize));
        let sp = Span::new(at, end.unwrap_or(at));
        tail = vec![Stmt::new(StmtKind::If { test: t, body: b, orelse: tail }, sp)];
    }
    Stmt::new(StmtKind::If { test, body, orelse: tail }, span)
}

/// Checks that `e` can be assigned to (or deleted) and returns it.
pub fn target(e: Expr, ctx: TargetCtx) -> ActResult<Expr> {
    match e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(e),
        ExprKind::Tuple(items) => {
            let items = check_items(items, ctx)?;
            Ok(Expr::new(ExprKind::Tuple(items), e.span))
        }
        ExprKind::List(items) => {
            let items = check_items(items, ctx)?;
            Ok(Expr::new(ExprKind::List(items), e.span))
        }
        ExprKind::Starred(inner) if ctx != TargetCtx::Delete => {
            let inner = target(*inner, ctx)?;
            Ok(Expr::new(ExprKind::Starred(Box::new(inner)), e.span))
        }
        _ => {
            let what = describe_target(&e);
            let msg = match ctx {
                TargetCtx::Delete => format!("cannot delete {what}"),
                TargetCtx::Assign if !matches!(e.kind, ExprKind::Starred(_)) => match &e.kind {
                    ExprKind::Const(Const::None) => "cannot assign to None".into(),
                    ExprKind::Const(Const::True) => "cannot assign to True".into(),
                    ExprKind::Const(Const::False) => "cannot assign to False".into(),
                    ExprKind::NamedExpr { .. } => format!("cannot assign to {what}"),
                    _ => format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                },
                _ => format!("cannot assign to {what}"),
            };
            Err(error(msg, e.span))
        }
    }
}

fn check_items(items: Vec<Expr>, ctx: TargetCtx) -> ActResult<Vec<Expr>> {
    let items = items.into_iter().map(|t| target(t, ctx)).collect::<ActResult<Vec<_>>>()?;
    let starred = items.iter().filter(|t| matches!(t.kind, ExprKind::Starred(_))).count();
    if starred > 1 {
        let second = items.iter().filter(|t| matches!(t.kind, ExprKind::Starred(_))).nth(1);
        return Err(error("multiple starred expressions in assignment", second.map(|e| e.span).unwrap_or_default()));
    }
    Ok(items)
}

/// How CPython names an expression that cannot be a target.
fn describe_target(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) | ExprKind::FString(_) => "literal",
        ExprKind::Call { .. } => "function call",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
}

/// How CPython names an expression in "'x' is an illegal expression".
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        _ => describe_target(e),
    }
}

pub fn function_def(
    decorators: Vec<Expr>,
    name: Name,
    params: Vec<(ParamItem, Span)>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
    is_async: bool,
    span: Span,
) -> ActResult<Stmt> {
    let mut params = build_params(params)?;
    if let Some(r) = returns {
        params.annotations.push(("return".to_string(), r));
    }
    Ok(Stmt::new(StmtKind::FunctionDef(Box::new(FunctionDef { name, params, body, decorators, is_async })), span))
}

pub fn lambda(params: Vec<(ParamItem, Span)>, body: Expr, span: Span) -> ActResult<Expr> {
    let params = build_params(params)?;
    Ok(Expr::new(ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }, span))
}

pub fn class_def(
    decorators: Vec<Expr>,
    name: Name,
    args: Vec<(ArgItem, Span)>,
    body: Vec<Stmt>,
    span: Span,
) -> ActResult<Stmt> {
    let call = call(Expr::new(ExprKind::Name(name.clone()), span), args, span)?;
    let ExprKind::Call { args, keywords, .. } = call.kind else { unreachable!("call() builds a call") };
    Ok(Stmt::new(StmtKind::ClassDef(Box::new(ClassDef { name, bases: args, keywords, body, decorators })), span))
}

/// Checks the order of a parameter list and sorts it into [`Params`].
fn build_params(items: Vec<(ParamItem, Span)>) -> ActResult<Params> {
    let mut p = Params::default();
    let mut seen_star = false;
    let mut seen_default = false;
    let mut bare_star: Option<Span> = None;
    let mut names: Vec<String> = Vec::new();
    let n = items.len();
    let mut check_dup = |name: &str, sp: Span| -> ActResult<()> {
        if names.iter().any(|x| x == name) {
            return Err(error(format!("duplicate argument '{name}' in function definition"), sp));
        }
        names.push(name.to_string());
        Ok(())
    };
    for (i, (item, sp)) in items.into_iter().enumerate() {
        let item = match item {
            ParamItem::Annotated(inner, a) => {
                if let ParamItem::Plain(n) | ParamItem::Default(n, _) | ParamItem::VarArgs(n) | ParamItem::KwArgs(n) =
                    &*inner
                {
                    p.annotations.push((n.clone(), a));
                }
                *inner
            }
            other => other,
        };
        if p.kwarg.is_some() {
            return Err(error("arguments cannot follow var-keyword argument", sp));
        }
        match item {
            // Unwrapped above; the grammar never nests it.
            ParamItem::Annotated(..) => {}
            ParamItem::Slash => {
                if seen_star {
                    return Err(error("/ must be ahead of *", sp));
                }
                if !p.posonly.is_empty() {
                    return Err(error("/ may appear only once", sp));
                }
                if p.args.is_empty() {
                    return Err(error("at least one argument must precede /", sp));
                }
                p.posonly = std::mem::take(&mut p.args);
            }
            ParamItem::Star | ParamItem::VarArgs(_) => {
                if seen_star {
                    return Err(error("* argument may appear only once", sp));
                }
                seen_star = true;
                if let ParamItem::VarArgs(name) = item {
                    check_dup(&name, sp)?;
                    p.vararg = Some(Param { name, span: sp });
                } else {
                    bare_star = Some(sp);
                    if i + 1 == n {
                        return Err(error("named arguments must follow bare *", sp));
                    }
                }
            }
            ParamItem::KwArgs(name) => {
                if let Some(star) = bare_star
                    && p.kwonly.is_empty()
                {
                    return Err(error("named arguments must follow bare *", star));
                }
                check_dup(&name, sp)?;
                p.kwarg = Some(Param { name, span: sp });
            }
            ParamItem::Plain(name) => {
                check_dup(&name, sp)?;
                if seen_star {
                    p.kwonly.push(Param { name, span: sp });
                    p.kw_defaults.push(None);
                } else {
                    if seen_default {
                        return Err(error("non-default argument follows default argument", sp));
                    }
                    p.args.push(Param { name, span: sp });
                }
            }
            ParamItem::Default(name, value) => {
                check_dup(&name, sp)?;
                if seen_star {
                    p.kwonly.push(Param { name, span: sp });
                    p.kw_defaults.push(Some(value));
                } else {
                    seen_default = true;
                    p.args.push(Param { name, span: sp });
                    p.defaults.push(value);
                }
            }
        }
    }
    Ok(p)
}
