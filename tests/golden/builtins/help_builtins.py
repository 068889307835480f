# Docstrings, text signatures and help() of functions, types and methods
# written in Rust: CPython's own text, as help() prints it when stdout is
# not a terminal.
import math
import os
import sys
import threading
import time

for f in (len, print, sorted, os.getpid, time.sleep, math.sqrt, sys.exit, threading.get_ident):
    print(f.__name__, f.__module__, f.__text_signature__)
    print(f.__doc__)

print(list.__doc__)
print(list.__text_signature__, dict.__text_signature__, int.__text_signature__)
print(list.append.__doc__, list.append.__text_signature__, [].append.__module__)
print([].append.__doc__)
print(str.join.__doc__)
print((1).__doc__ == int.__doc__, "".__doc__ == str.__doc__)
print(ValueError.__doc__, KeyError("k").__doc__)


class Mine(list):
    pass


class Documented(dict):
    "My own."


print(Mine.__doc__, Mine.__text_signature__, Documented.__doc__)


def plain():
    pass


print(plain.__doc__, staticmethod(math.sqrt).__doc__ == math.sqrt.__doc__)

help(len)
help(print)
help(sorted)
help([].append)
help(list.append)
help("".join)
help(dict.fromkeys)
help(int.from_bytes)
help(str.maketrans)
help(os.getpid)
help(time.sleep)
help(math.sqrt)
help(sys.exit)
help(threading.Lock)
help(list.index)
