#!/usr/bin/env python3
"""Gives the classes and functions of a module pyl writes in pyl the
docstrings CPython 3.11's module has for them (what help() shows), in place:

    python3 scripts/sync_docstrings.py src/modules/threading.pyl threading

A definition is matched by its path in the file (`Thread.join`) against
the same path in CPython's module; where CPython has a docstring that
differs, the definition's docstring is replaced (or one is inserted).
Definitions CPython does not have, or documents with none, keep their
own, and are listed so that a reader can decide. One-line definitions
(`def f(): return 1`) and property setters are left alone.
The text is CPython's own (PSF licence): matching help() means matching it.
"""

import ast
import importlib
import sys

MISSING = object()


def literal(doc, indent):
    """A triple-quoted literal whose value is exactly doc."""
    text = doc.replace('\\', '\\\\').replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return indent + '"""' + text + '"""\n'


def cpython_doc(target, node):
    obj = getattr(target, node.name, MISSING)
    if obj is MISSING or isinstance(node, ast.ClassDef) != isinstance(obj, type):
        return MISSING, None
    return obj, getattr(obj, '__doc__', None)


def plan(body, target, lines, path, edits, kept):
    for node in body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        name = path + node.name
        if any(isinstance(d, ast.Attribute) and d.attr in ('setter', 'deleter') for d in node.decorator_list):
            continue
        obj, doc = cpython_doc(target, node) if target is not None else (MISSING, None)
        current = ast.get_docstring(node, clean=False)
        first = node.body[0]
        if not isinstance(doc, str):
            if current is not None:
                kept.append(name + (' (not in CPython)' if obj is MISSING else ' (no docstring in CPython)'))
        elif current != doc and first.lineno != node.lineno:
            indent = lines[first.lineno - 1][: len(lines[first.lineno - 1]) - len(lines[first.lineno - 1].lstrip())]
            if current is not None:
                edits.append((first.lineno - 1, first.end_lineno, literal(doc, indent)))
            else:
                start = min([first.lineno] + [d.lineno for d in getattr(first, 'decorator_list', [])]) - 1
                edits.append((start, start, literal(doc, indent)))
        if isinstance(node, ast.ClassDef):
            plan(node.body, None if obj is MISSING else obj, lines, name + '.', edits, kept)


def main():
    path, modname = sys.argv[1], sys.argv[2]
    with open(path) as f:
        source = f.read()
    lines = source.splitlines(keepends=True)
    edits, kept = [], []
    plan(ast.parse(source).body, importlib.import_module(modname), lines, '', edits, kept)
    for start, end, text in sorted(edits, reverse=True):
        lines[start:end] = [text]
    result = ''.join(lines)
    ast.parse(result)
    with open(path, 'w') as f:
        f.write(result)
    print('%s: %d docstrings set from CPython\'s %s' % (path, len(edits), modname))
    for name in kept:
        print('  kept its own: ' + name)


main()
