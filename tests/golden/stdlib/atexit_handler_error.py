# An exception in an atexit handler is reported on stderr; the other
# handlers still run and the exit status is unchanged.
import atexit
import sys


def fine():
    print("fine runs")


def broken():
    print("broken runs")
    raise ValueError("handler failed")


atexit.register(fine)
atexit.register(broken)
atexit.register(print, "print as handler")
print("main done")
sys.exit(3)
