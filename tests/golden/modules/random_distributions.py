# Seeded draws from every distribution match CPython's algorithms.
import random
random.seed(2718)
print([random.gauss(0, 1) for _ in range(5)], random.gauss(), random.gauss(10, 2.5))
print([random.normalvariate(5, 2) for _ in range(3)], random.normalvariate())
print(random.lognormvariate(0, 1), random.expovariate(1.5), random.vonmisesvariate(1, 2), random.vonmisesvariate(0, 0))
print(random.gammavariate(0.5, 2), random.gammavariate(1, 3), random.gammavariate(5, 1), random.betavariate(2, 3))
print(random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.triangular(), random.triangular(0, 10, 3), random.triangular(5, 5, 5), random.uniform(1, 10 ** 20), random.uniform(2, 3))
random.seed(1)
a = random.gauss()
random.seed(1)
print(a == random.gauss(), random.gauss(), random.gauss())
g = random.Random(3)
g.gauss()
state = g.getstate()
x = [g.gauss() for _ in range(3)]
g.setstate(state)
print(x == [g.gauss() for _ in range(3)], state[0], len(state[1]), state[2] is not None)
for f, args in [(random.gammavariate, (-1, 1)), (random.expovariate, (0,))]:
    try:
        f(*args)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
