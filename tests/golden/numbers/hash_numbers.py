# Hashes of ints are the values themselves for small ints; equal numbers hash equally.
print(hash(0), hash(1), hash(-2), hash(12345))
print(hash(-1))
print(hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2.5) == hash(2.5), hash(-0.0) == hash(0))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100) == hash(2 ** 100))
print(hash(10 ** 20) == hash(float(10 ** 20)))
print(hash(0.5))
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}))
