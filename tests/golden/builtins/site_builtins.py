# The objects CPython's site module adds to builtins, shown bare and called.
print(exit)
print(repr(quit))
print(str(help))
print(license)
print(type(exit).__name__, type(help).__name__, type(license).__name__)
print(callable(exit), callable(help), callable(copyright))
try:
    exit(4)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    quit("bye")
except SystemExit as e:
    print("SystemExit", e.code)
try:
    exit()
except SystemExit as e:
    print("SystemExit", e.code)
import sys
print(sys.implementation is sys.implementation, type(sys.implementation).__name__)
print(type(sys.implementation.name).__name__, sys.implementation.version[3], type(sys.implementation.hexversion).__name__)
print(sys.implementation.version >= (0,))
quit(3)
