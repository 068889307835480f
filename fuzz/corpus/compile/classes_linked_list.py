# A linked list class exercising several protocols.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, *values):
        self.head = None
        self.size = 0
        for v in reversed(values):
            self.push(v)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return 'LinkedList(' + ', '.join(map(repr, self)) + ')'
    def __getitem__(self, i):
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError('LinkedList index out of range')
    def __eq__(self, other):
        return list(self) == list(other)
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
ll = LinkedList(1, 2, 3)
print(ll, len(ll), ll[1], 3 in ll, list(ll))
ll.reverse()
print(ll, ll == [3, 2, 1])
try:
    ll[10]
except IndexError as e:
    print('IndexError', e)
