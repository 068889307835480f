# The import statement in its forms, with builtin modules.
import sys
import math
import math as m
from math import sqrt, pi
from math import floor as fl, ceil
import os.path
from os import path as p
print(math.sqrt(16), m.sqrt(25), sqrt(36), pi == math.pi, fl(2.7), ceil(2.1))
print(m is math, p is os.path, type(math).__name__, math.__name__)
print('math' in sys.modules, sys.modules['math'] is math)
import math, sys as system
print(system is sys)
def local_import():
    import math as inner_math
    return inner_math.factorial(5)
print(local_import(), 'inner_math' in globals())
