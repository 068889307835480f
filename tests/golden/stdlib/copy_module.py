import copy
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]["k"].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self, xs): self.xs = xs
p = P([1]); q = copy.copy(p); r = copy.deepcopy(p)
p.xs.append(2); print(q.xs, r.xs, type(r).__name__)
shared = [0]; t = [shared, shared]; u = copy.deepcopy(t); print(u[0] is u[1], u[0] is shared)
cyc = [1]; cyc.append(cyc); d = copy.deepcopy(cyc); print(d[1] is d, d is not cyc)
tup = (1, 2); print(copy.deepcopy(tup) is tup, copy.copy(tup) is tup)
print(copy.deepcopy((1, [2]))[1] is not None)
class Custom:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print("__copy__ called"); return Custom(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__); return Custom(copy.deepcopy(self.v, memo))
x = Custom([1]); y = copy.copy(x); z = copy.deepcopy(x); print(y.v is x.v, z.v is x.v)
print(copy.deepcopy({"a": (1, {2})}), copy.copy({1, 2}), copy.deepcopy(None), copy.copy("s"))
class S:
    __slots__ = ("a", "b")
s = S(); s.a = [1]; s2 = copy.deepcopy(s); print(s2.a, s2.a is s.a, hasattr(s2, "b"))
