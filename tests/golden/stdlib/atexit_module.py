# atexit: handlers run last-registered first, with their arguments, after
# the main program; unregister removes every registration of a function.
import atexit


def bye(who, punct="!"):
    print("bye", who + punct)


def never():
    print("unregistered, never runs")


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)


@atexit.register
def decorated():
    print("decorated handler")


print(decorated.__name__)
try:
    atexit.register(3)
except TypeError as e:
    print(e)
print("main done")
