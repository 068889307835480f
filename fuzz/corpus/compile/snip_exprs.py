a, *b, (c, d) = [x for x in y if x for z in x]
e = {k: v for k, v in g}; s = {*a, *b}; d = {**a, "k": 1}
g = (i ** -2 // 3 % 4 @ m for i in j)
h = a if b else c or not d and e is not f not in g
x = 0x_1f + 0o7 + 0b1 + 1_000.5e-3 + .5 + 5. + 10**100
x <<= 1; x >>= 2; x **= 3; x //= 4; x @= 5; x ^= 6; x |= 7; x &= 8
print(*a, **b, sep="")
from . import (a as b, c,)
from ..m.n import *
import a.b.c as d, e
