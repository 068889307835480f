# Generators keep their local state between resumptions; several run interleaved.
def numbers(tag, n):
    for i in range(n):
        yield f'{tag}{i}'
a = numbers('a', 3)
b = numbers('b', 3)
print([next(x) for x in (a, b, a, b, a, b)])
def fib():
    x, y = 0, 1
    while True:
        yield x
        x, y = y, x + y
f = fib()
print([next(f) for _ in range(12)])
def running_mean():
    total = count = 0
    mean = None
    while True:
        v = yield mean
        total += v
        count += 1
        mean = total / count
m = running_mean()
next(m)
print([m.send(v) for v in [10, 20, 60]])
