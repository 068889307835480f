# gc.callbacks are called before and after every collection.
import gc

gc.disable()
gc.collect()
seen = []

def watch(phase, info):
    seen.append((phase, info["generation"], info["collected"], info["uncollectable"]))

gc.callbacks.append(watch)
x = []
x.append(x)
del x
print(gc.collect())
print(seen)
gc.callbacks.remove(watch)
gc.collect()
print(len(seen))

def broken(phase, info):
    raise ValueError("callback failed")

gc.callbacks.append(broken)
print(gc.collect())
gc.callbacks.clear()
print("still running")
