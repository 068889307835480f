# random.Random instances are independent generators.
import random
a = random.Random(5)
b = random.Random(5)
print(a.random() == b.random(), a.randint(1, 10), b.randint(1, 10))
c = random.Random()
c.seed(5)
print(c.random())
random.seed(5)
print(random.random())
