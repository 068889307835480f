//! Unit tests of the symbol table (`scope.rs`).

use super::*;
use crate::syntax::parse_module;

fn table(src: &str) -> SymbolTable {
    SymbolTable::build(&parse_module(src).unwrap()).unwrap()
}

#[test]
fn locals_cells_and_frees() {
    let t = table("def f(a):\n    b = 1\n    def g():\n        return a + c\n    return g\n");
    let f = &t.scopes[1];
    assert_eq!(f.lookup("a"), Storage::Cell);
    assert_eq!(f.lookup("b"), Storage::Local);
    assert_eq!(f.varnames, vec!["a", "b", "g"]);
    let g = &t.scopes[2];
    assert_eq!(g.lookup("a"), Storage::Free);
    assert_eq!(g.lookup("c"), Storage::GlobalImplicit);
    assert_eq!(g.freevars, vec!["a"]);
}

#[test]
fn globals_and_nonlocals() {
    let t = table(
        "x = 1\ndef f():\n    global x\n    x = 2\n    y = 0\n    def g():\n        nonlocal y\n        y += 1\n",
    );
    assert_eq!(t.scopes[1].lookup("x"), Storage::GlobalExplicit);
    assert_eq!(t.scopes[1].lookup("y"), Storage::Cell);
    assert_eq!(t.scopes[2].lookup("y"), Storage::Free);
}

#[test]
fn class_scope_and_super() {
    let t = table("class A(B):\n    x = 1\n    def m(self):\n        return super().m() + x\n");
    let a = &t.scopes[1];
    assert_eq!(a.lookup("x"), Storage::ClassName);
    assert!(a.needs_class_cell);
    let m = &t.scopes[2];
    assert_eq!(m.lookup("__class__"), Storage::Free);
    assert_eq!(m.lookup("x"), Storage::GlobalImplicit);
}

#[test]
fn comprehension_scope() {
    let t = table("def f(n):\n    return [i * n for i in range(n) if (last := i)]\n");
    let c = &t.scopes[2];
    assert_eq!(c.lookup("i"), Storage::Local);
    assert_eq!(c.lookup("n"), Storage::Free);
    assert_eq!(c.lookup("last"), Storage::Free);
    assert_eq!(t.scopes[1].lookup("last"), Storage::Cell);
}

#[test]
fn errors() {
    let e = |src: &str| SymbolTable::build(&parse_module(src).unwrap()).err().unwrap().msg;
    assert_eq!(e("return 1\n"), "'return' outside function");
    assert_eq!(e("def f(x):\n  global x\n"), "name 'x' is parameter and global");
    assert_eq!(e("nonlocal x\n"), "nonlocal declaration not allowed at module level");
}
