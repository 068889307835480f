# Which exception each operation raises.
import sys
ops = {
    'index': lambda: [][0],
    'key': lambda: {}[0],
    'attr': lambda: object().x,
    'name': lambda: no_such_name,
    'type': lambda: 1 + None,
    'value': lambda: int(''),
    'zero': lambda: 0 / 0,
    'overflow': lambda: 2.0 ** 5000,
    'unicode': lambda: b'\xff'.decode(),
    'stop': lambda: next(iter([])),
    'recursion': lambda: sys.setrecursionlimit(-1),
}
for name, op in ops.items():
    try:
        op()
    except Exception as e:
        print(name, type(e).__name__)
