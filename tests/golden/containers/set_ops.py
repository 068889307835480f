# Sets of small ints print in a deterministic order.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}))
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.update([7, 0], (5,))
print(s)
s.discard(100); s.discard(7); s.remove(0)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print('KeyError', e)
print(s.pop() in {1, 3, 5}, len(s))
print(set([3, 3, 2, 1]), set(range(5)), set(), {0})
print(sorted({'pear', 'apple', 'fig'}))
c = {10, 20}
c |= {30}; c &= {10, 30}; c -= {10}; print(c)
print({5, 3, 9, 1, 7}, {100, 2, 50}, {-1, -5, 3})
