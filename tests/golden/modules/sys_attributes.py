# Attributes of the sys module.
import sys
import os
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[0], sys.version_info >= (3, 0), type(sys.version).__name__)
print(sys.byteorder, sys.platform)
print(type(sys.modules).__name__, 'sys' in sys.modules, 'builtins' in sys.modules)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(hasattr(sys.stdout, 'write'), hasattr(sys.stderr, 'write'), hasattr(sys.stdin, 'readline'))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(type(sys.executable).__name__)
