# Lists as stacks and queues.
stack = []
for i in range(4):
    stack.append(i)
while stack:
    print('pop', stack.pop())
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
