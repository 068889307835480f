# An uncaught complex error: the traceback CPython prints.
z = complex("3+4j")
w = z - (3 + 4j)
print(z, w)
print(z / w)
