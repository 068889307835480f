# More math errors and special values, with CPython's messages.
import math
cases = ['math.pow(0.0, -1)', 'math.pow(-8, 1/3)', 'math.pow(10, 400)', 'math.pow(math.inf, -3)', 'math.pow(-math.inf, 3)',
         'math.pow(math.nan, 0)', 'math.pow(1, math.nan)', 'math.pow(0.5, math.inf)', 'math.pow(2, -math.inf)', 'math.pow(-1, math.inf)',
         'math.cosh(1000)', 'math.sinh(-1000)', 'math.exp(-1000)', 'math.log1p(-1)', 'math.atanh(1)', 'math.acosh(0.5)',
         'math.sin(math.inf)', 'math.tan(math.nan)', 'math.fmod(math.inf, 2)', 'math.fmod(5, math.inf)', 'math.fmod(-7, 3)', 'math.fmod(1, 0)',
         'math.remainder(7, 0)', 'math.remainder(math.inf, 1)', 'math.atan2(0, -0.0)', 'math.atan2(math.inf, math.inf)', 'math.exp2(1024)',
         'math.sqrt(-0.0)', 'math.sqrt(10 ** 400)', 'math.log(-10 ** 400)', 'math.log(10, 1)', 'math.log()', 'math.log(1, 2, 3)',
         'math.sin()', 'math.atan2(1)', 'math.copysign(1)', 'math.sqrt(1, 2)', 'math.hypot("a")', 'math.trunc("x")', 'math.ceil("x")',
         'math.isclose(1, 2, 3)', 'math.isclose(1, 2, rel_tol=-1)', 'math.isclose(1e-10, 0, abs_tol=1e-9)', 'math.isclose(math.inf, math.inf)',
         'math.isclose(math.nan, math.nan)', 'math.factorial(10 ** 20)', 'math.comb(-1, 2)', 'math.comb(5, -1)', 'math.perm(5, -1)',
         'math.gcd(1.5)', 'math.isqrt(1.5)', 'math.prod(3)', "math.prod(['a', 3])", "math.prod([], start='x')", 'math.dist(1, 2)',
         'math.floor(-0.5)', 'math.ceil(1e300)', 'math.trunc(-1e20)', 'math.floor(True)', 'math.exp(True)', 'math.sqrt(2 ** 1000)']
for c in cases:
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
class F:
    def __float__(self):
        return 2.25
    def __floor__(self):
        return 'floor!'
class I:
    def __index__(self):
        return 12
print(math.sqrt(F()), math.floor(F()), math.ceil(F()), math.gcd(I(), 8), math.factorial(I()), math.isqrt(I()))
print(math.isqrt(2 ** 200 + 1), math.factorial(30), math.comb(100, 50), math.comb(5, 7), math.perm(10), math.perm(10, 3), math.perm(3, 5))
print(math.gcd(), math.lcm(), math.gcd(-12, -18, 30), math.lcm(-4, 6, 0), math.lcm(2 ** 70, 3 ** 40), math.gcd(True, 4))
print(math.degrees(math.pi / 3), math.radians(45), math.prod([1.5, 2, 3]), math.prod([2] * 70))
