# Automatic collection: with the collector enabled, a loop making many
# cycles keeps running in bounded memory, and what remains after it is
# less than what it made; disabled, nothing is collected until asked.
import gc

class Pair:
    pass

gc.collect()
gc.disable()
for i in range(5000):
    a = Pair()
    b = Pair()
    a.b = b
    b.a = a
del a, b
print("disabled, then collect():", gc.collect())

gc.enable()
for i in range(5000):
    a = Pair()
    b = Pair()
    a.b = b
    b.a = a
del a, b
left = gc.collect()
print("enabled: fewer left than made:", left < 10000)

# A threshold of 0 turns automatic collection off too.
gc.set_threshold(0)
for i in range(3000):
    x = []
    x.append(x)
del x
print("threshold 0, then collect():", gc.collect())
gc.set_threshold(700)
