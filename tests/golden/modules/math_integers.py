# math functions on integers.
import math
print(math.factorial(0), math.factorial(10), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 80, 6 ** 40))
print(math.lcm(4, 6), math.isqrt(99), math.isqrt(10 ** 30))
print(math.comb(10, 3), math.perm(5, 2), math.comb(50, 25))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2))
print(math.floor(7), math.ceil(7), math.trunc(7), type(math.floor(7)).__name__)
