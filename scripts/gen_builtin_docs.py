#!/usr/bin/env python3
"""Writes src/modules/builtins/docs.txt: the docstrings and text signatures
of CPython 3.11's builtin functions, types and their methods, and of the
C modules pyl implements in Rust (what `len.__doc__`, `help(len)` and
`help(list)` show). Run it with python3 (the oracle), as the golden
expectations are made:

    python3 scripts/gen_builtin_docs.py

The text is CPython's own (PSF licence): matching help() output means
matching it. Records are separated by RS (0x1e), fields by US (0x1f):

    kind US key US module US signature US doc RS

kind is F (a module's function, key "module.name" with the module as pyl
imports it), T (a type, key its name) or M (a type's method, key
"type.method"). module is the function's __module__ (os.getpid's is
posix), signature its __text_signature__ or empty, doc its __doc__ (empty
for None).
"""

import builtins
import inspect
import pathlib
import types

# The modules pyl writes in Rust whose functions are builtins in both.
MODULES = ['builtins', 'math', 'cmath', 'time', 'os', 'sys', 'gc', 'signal', '_thread', '_weakref']

# Types outside builtins that pyl implements natively, by the name pyl
# gives them (their methods' owner).
# Condition is written in Python in CPython: its methods' signatures come
# from inspect, with `$self` for the first parameter as in a text signature.
EXTRA_TYPES = {'lock': '_thread.LockType', 'RLock': '_thread.RLock', 'Condition': 'threading.Condition'}

ROUTINES = (types.BuiltinFunctionType, types.MethodDescriptorType, types.ClassMethodDescriptorType,
            types.WrapperDescriptorType, types.MethodWrapperType)


def text_signature(obj):
    python_class = isinstance(obj, type) and isinstance(vars(obj).get('__init__'), types.FunctionType)
    if isinstance(obj, types.FunctionType) or python_class:
        sig = str(inspect.signature(obj))
        return '($self' + sig[5:] if sig.startswith('(self') else sig
    return getattr(obj, '__text_signature__', None) or ''


def records():
    for modname in MODULES:
        mod = __import__(modname)
        for name, value in sorted(vars(mod).items()):
            if isinstance(value, types.BuiltinFunctionType) and value.__doc__:
                yield 'F', modname + '.' + name, value.__module__ or '', text_signature(value), value.__doc__
    classes = {name: v for name, v in vars(builtins).items() if isinstance(v, type)}
    for pyl_name, dotted in EXTRA_TYPES.items():
        modname, _, attr = dotted.partition('.')
        classes[pyl_name] = getattr(__import__(modname), attr)
    for name, cls in sorted(classes.items()):
        if cls.__doc__:
            yield 'T', name, cls.__module__, text_signature(cls), cls.__doc__
        for mname, m in sorted(vars(cls).items()):
            if isinstance(m, (staticmethod, classmethod)):
                m = m.__func__
            # A Python method without a docstring still has a signature.
            if (isinstance(m, ROUTINES) and m.__doc__) or isinstance(m, types.FunctionType):
                yield 'M', name + '.' + mname, '', text_signature(m), m.__doc__ or ''


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / 'src' / 'modules' / 'builtins' / 'docs.txt'
    seen = set()
    parts = []
    for rec in records():
        if rec[1] in seen:
            continue
        seen.add(rec[1])
        assert not any('\x1e' in f or '\x1f' in f for f in rec), rec[1]
        parts.append('\x1f'.join(rec) + '\x1e\n')
    out.write_text(''.join(parts))
    print('%d records, %d bytes -> %s' % (len(parts), out.stat().st_size, out))


main()
