# random.seed(N) followed by random() reproduces CPython's Mersenne Twister sequence.
import random
random.seed(42)
print([random.random() for _ in range(5)])
random.seed(0)
print(random.random(), random.random())
random.seed(12345678901234567890)
print(random.random())
random.seed(42)
first = random.random()
random.seed(42)
print(first == random.random())
random.seed(-7)
print(random.random())
