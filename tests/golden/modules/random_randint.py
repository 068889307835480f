# randint and randrange after seeding.
import random
random.seed(1)
print([random.randint(1, 6) for _ in range(20)])
random.seed(2)
print([random.randint(-1000, 1000) for _ in range(8)])
print(random.randint(0, 2 ** 70))
random.seed(3)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(0, 100, 5) for _ in range(5)])
print(random.randrange(5, 10))
