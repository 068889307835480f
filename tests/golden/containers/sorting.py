# sorted and list.sort with key, reverse and stability.
data = [('bob', 3), ('alice', 1), ('carol', 3), ('dave', 2), ('eve', 1)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: -p[1]))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs); print(nums)
nums.sort(reverse=True); print(nums)
print(sorted('hello'), sorted((3, 1, 2)), sorted({3: 'c', 1: 'a'}))
print(sorted([3.5, 1, 2.25, True]))
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError', e)
print(sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted(range(10), key=lambda n: n % 3))
