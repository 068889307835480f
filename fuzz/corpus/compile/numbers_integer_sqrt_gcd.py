# Integer algorithms written in Python.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(gcd(48, 18), gcd(2 ** 100, 6 ** 50))
print(isqrt(10 ** 40), isqrt(99))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(100), fib(200))
print([n for n in range(2, 50) if all(n % d for d in range(2, n))])
