# randrange, choice, sample and choices errors, with CPython's messages.
import random
random.seed(5)
cases = ['random.randrange(5, 5)', 'random.randrange(0)', 'random.randrange(1, 10, 0)', 'random.randrange(10, 1, 2)',
         'random.randrange(1.5)', 'random.randrange(1, 2.5)', 'random.randrange(1, 5, 1.5)', 'random.randint(5, 4)',
         'random.randrange(10, step=2)', 'random.randrange("a")', 'random.choice([])', 'random.choice("")', 'random.choice({1: 2})',
         'random.sample({1, 2}, 1)', 'random.sample({1: 2}, 1)', 'random.sample([1], -1)', 'random.sample(range(5), 6)',
         'random.sample("abc", 2.0)', 'random.choices([1, 2], [1])', 'random.choices([1, 2], [0, 0])', 'random.choices([1, 2], 3)',
         'random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2])', 'random.choices([1, 2], [1, float("inf")])',
         'random.choices([], k=2)', 'random.shuffle((1, 2))', 'random.uniform("a", 1)',
         'random.sample(["r", "g"], 2, counts=[1])', 'random.sample(["r", "g"], 2, counts=[0, 0])', 'random.sample(["r"], 1, counts=[1.5])']
for c in cases:
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
print(random.random())
