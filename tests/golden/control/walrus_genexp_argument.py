# An assignment expression as the element of a generator expression that
# is a call's only argument: f(y := g(x) for x in xs).
xs = [1, 2, 3]
print(list(y := v + 1 for v in xs), y)
print(sum(total := v * 2 for v in xs), total)
print(any((hit := v) > 1 for v in xs), hit)
print(max(last := len(w) for w in ["a", "bbb", "cc"]), last)


def f():
    return list(inner := n for n in range(4)), inner


print(f())
