# fractions.Fraction: construction, arithmetic with ints, floats and complex,
# comparisons, hashing, rounding and limit_denominator.
import math
from fractions import Fraction
F = Fraction
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
for args in [(), (3,), (8, 6), (-8, 6), (8, -6), (0, 5), (1, 0), (0, 0), (2.5,), (0.1,), (-0.0,),
             ('3/4',), (' -3 / 4 ',), ('1.5',), ('-1.5e3',), ('1e-3',), ('.5',), ('1.',), ('1_000',), ('1__0',),
             ('abc',), ('',), ('- 3',), ('1/2.0',), ('3/0',), ('inf',), (float('nan'),), (float('inf'),),
             (True,), (F(1, 2), F(1, 3)), (1.5, 2), ('1', 2), ([],), ('1e',), ('1.5E+2',), ('+.5e1',)]:
    show(lambda: F(*args))
a, b = F(3, 4), F(-5, 6)
for op in ['a+b', 'a-b', 'a*b', 'a/b', 'a//b', 'a%b', 'divmod(a,b)', 'a**2', 'a**-2', 'b**-3', 'a**0', 'F(0)**-1',
           'a**F(1,2)', '2**a', '2**F(2)', '2**F(-2)', 'a**0.5', 'a+1', '1+a', 'a-1', '1-a', '2*a', 'a/2', '2/a', 'a/0', '0/F(0)', '1/F(0)', 'F(3,4)/F(0)',
           'a+0.5', '0.5+a', 'a*1j', '1j*a', 'a+(1+2j)', 'a//0.5', '7//a', '7%a', 'divmod(7, a)', 'a%0.5',
           '-a', '+a', 'abs(b)', 'int(b)', 'int(a)', 'math.floor(b)', 'math.ceil(b)', 'math.trunc(b)', 'round(F(5,2))', 'round(F(7,2))', 'round(F(-5,2))',
           'round(a, 1)', 'round(F(12345,100), -2)', 'float(a)', 'float(F(1,3))', 'complex(a)', 'bool(F(0))', 'bool(a)',
           'a == F(6, 8)', 'a == 0.75', 'a == 0.75+0j', 'a == 1j', 'F(1) == 1', 'F(1,2) < 0.6', 'F(1,2) < 1', 'F(1,2) > F(1,3)', "F(1,2) <= float('inf')", "F(1,2) == float('nan')",
           'a < "x"', 'a + "x"', 'hash(F(1,2)) == hash(0.5)', 'hash(F(5))', 'hash(F(-1))', 'hash(F(1, 3))', 'hash(F(-7, 3))', 'hash(F(1, 2**61-1))',
           'str(a)', 'str(F(4))', 'repr(b)', 'F(355, 113).limit_denominator(10)', "F('3.141592653589793').limit_denominator(100)", 'F(4321, 8765).limit_denominator(10000)', 'a.limit_denominator(0)',
           'F.from_float(0.3)', 'F.from_float(2)', 'F.from_float("x")', 'a.as_integer_ratio()', 'a.numerator', 'a.denominator', 'sum([F(1,3)]*3)', 'sorted([F(1,2), 0.1, 1, F(1,3)])',
           'format(a)', 'format(a, ">10")', 'max(F(1,2), F(2,3))', 'F(10**30, 3) * 3', 'F(2**100+1, 2**99)']:
    show(lambda: eval(op))
class G(Fraction):
    pass
g = G(1, 2)
print(repr(g), type(g + 1).__name__, type(+g).__name__)
import copy
print(copy.copy(a) is a, copy.deepcopy(a) == a)
help(Fraction.limit_denominator)
print(Fraction.__doc__.splitlines()[0])
