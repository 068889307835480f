def f(a, /, b=1, *args, c, d=2, **kw) -> int:
    global g
    def h():
        nonlocal a
        return (yield from a)
    return lambda x, *y, z=3, **w: x
@dec(1)
@a.b
class C(B, metaclass=M, **k):
    """doc"""
    x: int = 1
    def m(self): return super().m()
