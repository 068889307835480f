import heapq, bisect
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2]; heapq.heapify(data); print(data)
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3])))
h = []; heapq.heappush(h, (2, "b")); heapq.heappush(h, (1, "a")); print(heapq.heappop(h))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0), bisect.bisect_left(a, 9))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
print(bisect.bisect([1, 2, 3], 2, lo=2), bisect.bisect_left([(1, "a"), (3, "b")], 2, key=lambda t: t[0]))
grades = [60, 70, 80, 90]
print(["FDCBA"[bisect.bisect(grades, s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([1], 1, lo=-1)
except ValueError as e:
    print(e)
