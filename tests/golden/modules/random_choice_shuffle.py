# choice and shuffle after seeding.
import random
random.seed(10)
items = ['red', 'green', 'blue', 'yellow', 'black']
print([random.choice(items) for _ in range(8)])
print(random.choice('abcdef'), random.choice(range(100)), random.choice((1, 2, 3)))
deck = list(range(20))
random.shuffle(deck)
print(deck)
words = ['a', 'b', 'c', 'd']
random.shuffle(words)
print(words)
try:
    random.choice([])
except IndexError as e:
    print('IndexError', e)
