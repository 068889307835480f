# Building long strings.
s = 'ab' * 1000
print(len(s), s[:6], s[-4:], s.count('ab'))
parts = []
for i in range(1000):
    parts.append(str(i))
joined = ''.join(parts)
print(len(joined), joined[:15], joined[-9:])
print(len('x' * 100000))
