# sample after seeding (both of CPython's internal algorithms).
import random
random.seed(99)
print(random.sample(range(100), 5))
print(random.sample(['a', 'b', 'c', 'd', 'e'], 3))
print(random.sample(range(10), 10))
print(random.sample(range(1000000), 4))
print(sorted(random.sample(range(50), 49))[:5])
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print('ValueError', e)
