# str of floats needing 17 significant digits and of integral floats.
vals = [0.1, 0.7, 1.1, 2.675, 1/3, 2/3, 1e-7, 123456789.0, 1.23456789e-300, 4.35, 9007199254740993.0]
for v in vals:
    print(v)
print(3.0 * 1.1)
print(0.1 + 0.7)
print(sum([0.1] * 3))
