# Seeding from str, bytes, floats, bools and big ints; getrandbits and randbytes.
import random
for s in ['hello', b'bytes', '', '\u00fcn\u00efcode', 3.5, -2.25, True, 0, 2 ** 100, -(2 ** 64)]:
    random.seed(s)
    print(repr(s), random.random(), random.randint(0, 100))
random.seed('hello', version=1)
print(random.random())
random.seed(b'abc', version=1)
print(random.random())
random.seed(31337)
print([random.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200)])
print(random.randbytes(0), random.randbytes(5), random.randbytes(9))
print([random.randrange(1, 10 ** 20) for _ in range(3)], random.randrange(-5, 5, 3), random.randrange(10, 0, -2), random.randrange(2 ** 70))
print(random.randint(-(2 ** 80), 2 ** 80), random.randrange(0, 2 ** 64, 2 ** 32))
try:
    random.seed([1])
except TypeError as e:
    print('TypeError', e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print('ValueError', e)
r1 = random.Random('x')
r2 = random.Random('x')
print(r1.random() == r2.random(), r1.choice('abcdef'), r2.sample(range(10), 3), type(r1).__name__)
