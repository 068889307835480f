# A million small reference cycles: the collector frees them as they are
# made, so the program stays far below the memory limit.
class Node:
    pass


for i in range(1000000):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
for i in range(300000):
    lst = [i]
    lst.append(lst)
for i in range(200000):
    d = {}
    d["f"] = lambda: d
print("done")
