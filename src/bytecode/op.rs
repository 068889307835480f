//! The instruction set of the pyl VM.
//!
//! A stack machine close to CPython 3.11's. Each variant documents its
//! stack effect as `(before -- after)`, top of stack on the right. Operands
//! index the code object's tables: `consts`, `names` (globals, attributes),
//! `varnames` (fast locals) and cells (cellvars then freevars). Jump
//! targets are absolute instruction indices.
//!
//! Exceptions are "zero-cost", as in CPython 3.11: no instruction enters
//! or leaves a `try` or `with`. Each code object has an exception table
//! (`exception_table.rs`) mapping ranges of instructions to a handler and
//! a stack height; when an exception is raised the range of the faulting
//! instruction is looked up, the stack is cut back to that height, the
//! exception is pushed and execution continues at the handler. A handler
//! starts with `PushExcInfo` (or `EndAsyncFor`); its code is covered by a
//! clean-up handler that restores the exception being handled
//! (`CleanupReraise`) before the new one goes on.

use crate::syntax::ast::{BinOp, CmpOp};

/// Flags of `MakeFunction`: which optional items sit under the code object.
pub mod make_fn {
    pub const DEFAULTS: u8 = 1;
    pub const KWDEFAULTS: u8 = 2;
    pub const CLOSURE: u8 = 8;
}

/// Flags of `FormatValue`: the conversion and whether a spec is present.
pub mod format {
    pub const STR: u8 = 1;
    pub const REPR: u8 = 2;
    pub const ASCII: u8 = 3;
    pub const CONVERSION_MASK: u8 = 3;
    pub const HAS_SPEC: u8 = 4;
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// ( -- )
    Nop,
    /// (a -- )
    PopTop,
    /// Copy(n): (x ... -- x ... x) where x is the n-th item from the top (1 = top).
    Copy(u32),
    /// Swap(n): exchanges the top with the n-th item from the top.
    Swap(u32),
    /// ( -- consts[i])
    LoadConst(u32),
    /// ( -- local); UnboundLocalError if unset.
    LoadFast(u32),
    /// `local.attr` in one step, without taking a reference to the local:
    /// LoadFast(local) then LoadAttr(name), fused by the compiler.
    /// ( -- local.names[name])
    LoadFastAttr(u16, u16),
    /// `local.attr = v`: LoadFast(local) then StoreAttr(name), fused. (v -- )
    StoreFastAttr(u16, u16),
    /// `local.method`: LoadFast(local) then LoadMethod(name), fused.
    /// ( -- method self) like LoadMethod.
    LoadFastMethod(u16, u16),
    /// (v -- )
    StoreFast(u32),
    /// `local` then a constant (`i + 1`, `a[0]`): LoadFast(local) then
    /// LoadConst(const), fused. ( -- local consts[const])
    LoadFastConst(u16, u16),
    /// The end of one statement and the start of the next (`x = ...; x`):
    /// StoreFast(store) then LoadFast(load), fused. (v -- local)
    StoreFastLoadFast(u16, u16),
    /// ( -- )
    DeleteFast(u32),
    /// ( -- cell contents)
    LoadDeref(u32),
    /// (v -- )
    StoreDeref(u32),
    /// ( -- )
    DeleteDeref(u32),
    /// ( -- cell): the cell itself, to build a closure.
    LoadClosure(u32),
    /// ( -- v): in a class body, the class namespace first, then the cell.
    LoadClassDeref(u32),
    /// ( -- v): globals, then builtins.
    LoadGlobal(u32),
    /// (v -- )
    StoreGlobal(u32),
    /// ( -- )
    DeleteGlobal(u32),
    /// ( -- v): class namespace, then globals, then builtins.
    LoadName(u32),
    /// (v -- )
    StoreName(u32),
    /// ( -- )
    DeleteName(u32),
    /// (obj -- obj.name)
    LoadAttr(u32),
    /// (v obj -- ): obj.name = v
    StoreAttr(u32),
    /// (obj -- )
    DeleteAttr(u32),
    /// (obj -- func self) for a method found on the class, else (obj -- attr undef).
    LoadMethod(u32),
    /// (func self_or_undef args*n -- result)
    CallMethod(u32),
    /// (callable args*n -- result)
    Call(u32),
    /// (callable args*n kwnames -- result): the last len(kwnames) args are keywords.
    CallKw(u32),
    /// (callable args_tuple -- result), or with the flag (callable args_tuple kwargs_dict -- result).
    CallEx(bool),
    /// (a b -- a op b)
    Binary(BinOp),
    /// (a b -- a op= b)
    Inplace(BinOp),
    /// (a -- -a)
    UnaryNeg,
    /// (a -- +a)
    UnaryPos,
    /// (a -- not a)
    UnaryNot,
    /// (a -- ~a)
    UnaryInvert,
    /// (a b -- a cmp b) for ==, !=, <, <=, >, >=.
    Compare(CmpOp),
    /// (a b -- a is b), negated when the flag is set.
    Is(bool),
    /// (a b -- a in b), negated when the flag is set.
    Contains(bool),
    /// Fused compare and branch: (a b -- ), jumps to target if `a cmp b` is false.
    CompareJumpIfFalse(CmpOp, u32),
    /// (container key -- container[key])
    Subscr,
    /// (container start stop -- container[start:stop])
    SliceSubscr,
    /// (v container key -- ): container[key] = v
    StoreSubscr,
    /// (container key -- )
    DeleteSubscr,
    /// BuildSlice(n): (start stop -- slice) or (start stop step -- slice).
    BuildSlice(u32),
    /// (items*n -- tuple)
    BuildTuple(u32),
    /// (items*n -- list)
    BuildList(u32),
    /// (items*n -- set)
    BuildSet(u32),
    /// (k1 v1 ... kn vn -- dict)
    BuildMap(u32),
    /// (strs*n -- str)
    BuildString(u32),
    /// ListAppend(n): (list x*(n-1) item -- list x*(n-1)), for comprehensions.
    ListAppend(u32),
    /// SetAdd(n): like ListAppend for sets.
    SetAdd(u32),
    /// MapAdd(n): (dict x*(n-1) key value -- dict x*(n-1))
    MapAdd(u32),
    /// ListExtend(n): (list x*(n-1) iterable -- list x*(n-1))
    ListExtend(u32),
    /// SetUpdate(n): (set x*(n-1) iterable -- set x*(n-1))
    SetUpdate(u32),
    /// DictUpdate(n): (dict x*(n-1) mapping -- dict x*(n-1))
    DictUpdate(u32),
    /// DictMerge(n): like DictUpdate, but a repeated key is an error (`f(**a, **b)`).
    DictMerge(u32),
    /// (list -- tuple)
    ListToTuple,
    /// UnpackSequence(n): (seq -- item_n ... item_1), first item on top.
    UnpackSequence(u32),
    /// UnpackEx(before, after): (seq -- after items, list, before items), first on top.
    UnpackEx(u16, u16),
    /// (value -- str) or with HAS_SPEC (value spec -- str).
    FormatValue(u8),
    /// ( -- ) jumps.
    Jump(u32),
    /// (cond -- )
    PopJumpIfFalse(u32),
    /// (cond -- )
    PopJumpIfTrue(u32),
    /// (cond -- cond) and jump if false, else (cond -- ).
    JumpIfFalseOrPop(u32),
    /// (cond -- cond) and jump if true, else (cond -- ).
    JumpIfTrueOrPop(u32),
    /// (iterable -- iterator)
    GetIter,
    /// (iterator -- iterator next); when exhausted (iterator -- ) and jump.
    ForIter(u32),
    /// (v -- ) returns from the frame.
    ReturnValue,
    /// (v -- sent) suspends a generator.
    YieldValue,
    /// (iterable -- iterator) for `yield from`.
    GetYieldFromIter,
    /// (awaitable -- iterator) for `await`: a coroutine itself, or what
    /// `__await__()` returns; TypeError otherwise, worded for where the
    /// awaitable came from (`awaited::*`).
    GetAwaitable(u8),
    /// (iterator sent -- iterator yielded); when the sub-iterator returns,
    /// (iterator sent -- result) and jump.
    Send(u32),
    /// Raise(0) re-raises the handled exception; Raise(1): (exc -- );
    /// Raise(2): (exc cause -- ).
    Raise(u32),
    /// (exc -- ) raises again, keeping the traceback as it is.
    Reraise,
    /// (exc -- prev exc): exc becomes the exception being handled.
    PushExcInfo,
    /// (prev -- ): restores the exception being handled.
    PopExcept,
    /// (prev exc new -- ): restores prev as the handled exception and re-raises new.
    CleanupReraise,
    /// (exc type -- exc matches)
    CheckExcMatch,
    /// (manager -- exit enter_result)
    BeforeWith,
    /// (exit prev exc -- exit prev exc result): calls exit(type, exc, tb).
    WithExceptStart,
    /// (manager -- aexit aenter_awaitable) for `async with`: the bound
    /// `__aexit__`, and what `__aenter__()` returned (awaited next).
    BeforeAsyncWith,
    /// (iterable -- aiterator) for `async for`: `__aiter__()`.
    GetAIter,
    /// (aiterator -- aiterator awaitable) for `async for`: the awaitable
    /// iterator of `__anext__()` (awaited next).
    GetANext,
    /// (aiterator exc -- ) the handler around an `async for`'s `__anext__`:
    /// StopAsyncIteration ends the loop (both popped), anything else is
    /// raised again.
    EndAsyncFor,
    /// (defaults? kwdefaults? closure? code -- function) per `make_fn` flags.
    MakeFunction(u8),
    /// ( -- __build_class__)
    LoadBuildClass,
    /// (level fromlist -- module)
    ImportName(u32),
    /// (module -- module attr)
    ImportFrom(u32),
    /// (module -- ): binds the module's public names.
    ImportStar,
    /// ( -- AssertionError)
    LoadAssertionError,
    /// (v -- ): the REPL's echo of an expression statement.
    PrintExpr,
    /// (subject -- itemN..item1 True | False): a sequence pattern of `len`
    /// sub-patterns, the one at `star` starred (`u16::MAX`: none). Matches
    /// list, tuple, range and their subclasses (never str, bytes,
    /// bytearray) of exactly `len` items, or at least `len - 1` with a
    /// star, whose items become a list. The first item ends on top.
    MatchSequence(u16, u16),
    /// (subject key1..keyN -- [rest] valueN..value1 True | False): a
    /// mapping pattern of `n` keys; with `rest`, a new dict of the other
    /// items lies under the values.
    MatchMapping(u16, bool),
    /// (subject cls -- attrN..attr1 True | False): a class pattern with
    /// `npos` positional sub-patterns (through `__match_args__`) and the
    /// keyword attributes named by the tuple constant `names`; the first
    /// attribute ends on top.
    MatchClass(u16, u32),
}

/// What `GetAwaitable` awaits, for its TypeError (CPython's
/// `GET_AWAITABLE` argument).
pub mod awaited {
    /// An `await` expression.
    pub const EXPR: u8 = 0;
    /// What `__aenter__()` returned.
    pub const AENTER: u8 = 1;
    /// What `__aexit__()` returned.
    pub const AEXIT: u8 = 2;
}

impl Op {
    /// The jump target, for the disassembler and the compiler's patching.
    pub fn target(&self) -> Option<u32> {
        use Op::*;
        match *self {
            Jump(t)
            | PopJumpIfFalse(t)
            | PopJumpIfTrue(t)
            | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t)
            | ForIter(t)
            | Send(t)
            | CompareJumpIfFalse(_, t) => Some(t),
            _ => None,
        }
    }

    /// The same instruction jumping to `t`.
    pub fn with_target(self, t: u32) -> Op {
        use Op::*;
        match self {
            Jump(_) => Jump(t),
            PopJumpIfFalse(_) => PopJumpIfFalse(t),
            PopJumpIfTrue(_) => PopJumpIfTrue(t),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(t),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(t),
            ForIter(_) => ForIter(t),
            Send(_) => Send(t),
            CompareJumpIfFalse(c, _) => CompareJumpIfFalse(c, t),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_stay_small() {
        assert!(std::mem::size_of::<Op>() <= 8);
    }
}
