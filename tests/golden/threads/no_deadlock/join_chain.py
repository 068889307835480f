# Each thread joins the one started before it: a chain, not a cycle.
import threading

order = []


def step(k, previous):
    if previous is not None:
        previous.join()
    order.append(k)


previous = None
threads = []
for k in range(6):
    t = threading.Thread(target=step, args=(k, previous))
    threads.append(t)
    previous = t
for t in threads:
    t.start()
threads[-1].join()
print(order)
