# uniform after seeding.
import random
random.seed(7)
print([random.uniform(0, 10) for _ in range(4)])
print(random.uniform(-1, 1), random.uniform(5, 5), random.uniform(10, 0))
