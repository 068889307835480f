# Interleaving different random functions shares one generator state.
import random
random.seed(2024)
print(random.random())
print(random.randint(1, 100))
print(random.choice('xyz'))
print(random.uniform(1, 2))
lst = [1, 2, 3, 4, 5]
random.shuffle(lst)
print(lst)
print(random.sample(lst, 2))
print(random.random())
print(random.getrandbits(16), random.getrandbits(64))
print(random.choices(range(10), k=5))
