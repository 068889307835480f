# sample (pool and set branches, counts) and choices (weights, cum_weights, k) after seeding.
import random
random.seed(424242)
print(random.sample(range(10 ** 9), 5), random.sample('abcdefghij', 4), random.sample((1, 2, 3, 4, 5, 6, 7, 8), 7))
print(random.sample(range(30), 6), random.sample(range(100), 20))
print(random.sample(range(200), 50))
print(random.sample(['r', 'g', 'b'], k=5, counts=[2, 1, 3]), random.sample(range(3), 0))
print(random.choices('abc', weights=[1, 2, 3], k=8), random.choices('abc', cum_weights=[1, 1, 5], k=5))
print(random.choices(range(5), [0.1, 0.2, 0.3, 0.2, 0.2], k=5), random.choices('xyz'), random.choices('xy', k=0), random.choices('xy', k=-1))
print(random.choices('xy', weights=[10 ** 20, 10 ** 20 + 1], k=4))
deck = list(range(52))
random.shuffle(deck)
print(deck)
print(random.choice(range(10 ** 12)), random.choice(b'bytes'), random.choice(('t', 'u')))
