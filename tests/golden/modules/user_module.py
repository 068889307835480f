# Importing a .py module that sits beside the script.
import helper_mod
print(helper_mod.GREETING, helper_mod.greet('world'), helper_mod.__name__)
print(helper_mod.Triangle().describe(), helper_mod.__doc__)
import helper_mod as again
print(again is helper_mod)
from helper_mod import greet, Triangle
print(greet('again'), Triangle.sides)
import sys
print('helper_mod' in sys.modules)
print(type(helper_mod).__name__, helper_mod.__file__.endswith('helper_mod.py'))
print(sorted(n for n in dir(helper_mod) if not n.startswith('__')))
