# Attributes of the main module and of imported modules.
import os
import sys
import math
print(__name__, os.path.basename(__file__), __doc__)
main = sys.modules['__main__']
print(main.__name__, hasattr(main, 'math'))
print(math.__name__, type(math.sqrt).__name__)
print('sqrt' in dir(math), 'pi' in dir(math))
print(type(__builtins__).__name__ in ('module', 'dict'))
import builtins
print(builtins.len is len, builtins.__name__)
