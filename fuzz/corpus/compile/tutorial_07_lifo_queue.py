# The tutorial's LIFO queue example (its Python 2 `import Queue` and
# `print q.get()` fixed): last in, first out.
import queue

q = queue.LifoQueue()
for i in range(5):
    q.put(i)
while not q.empty():
    print(q.get())
