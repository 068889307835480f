# Assignment expressions.
if (n := len('hello')) > 3:
    print('long', n)
data = [1, 2, 3, 4, 5]
print([y for x in data if (y := x * x) > 5])
print(y)
items = iter([3, 2, 1, 0, 5])
while (v := next(items)) != 0:
    print('v', v)
print((a := 10) + a)
def f():
    if (z := 7):
        return z
print(f())
print([last := i for i in range(3)], last)
