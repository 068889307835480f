# A deep structure built and freed in a spawned thread (smaller stack than
# the main thread's) frees without overflowing it.
import threading

N = 200000


class Node:
    pass


def work(results):
    head = None
    for _ in range(N):
        node = Node()
        node.next = head
        head = node
    del head, node
    x = None
    for _ in range(N):
        x = [x]
    del x
    results.append("freed")


results = []
t = threading.Thread(target=work, args=(results,))
t.start()
t.join()
print(results)
