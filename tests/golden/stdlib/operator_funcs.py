import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.not_(0))
print(operator.lt(1, 2), operator.eq("a", "a"), operator.contains([1, 2], 2))
print(operator.getitem([1, 2, 3], 1), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.countOf([1, 2, 1], 1), operator.indexOf([4, 5], 5), operator.concat([1], [2]))
print(operator.is_(None, None), operator.truth([]), operator.index(5), operator.pow(2, 10))
l = [1, 2]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l)
print(operator.iadd([1], [2]), operator.length_hint([1, 2, 3]), operator.xor(6, 3))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]))
print(itemgetter(1), attrgetter("real"), methodcaller("split", ",", maxsplit=1))
class P:
    def __init__(self, n): self.n = n; self.me = self
print(attrgetter("n")(P(3)), attrgetter("me.n", "n")(P(4)))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"))
try:
    itemgetter(5)([1])
except IndexError as e:
    print("IndexError", e)
try:
    operator.indexOf([1], 2)
except ValueError as e:
    print("ValueError", e)
try:
    attrgetter(1)
except TypeError as e:
    print("TypeError", e)
