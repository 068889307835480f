# while with else, break and continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('i', i)
else:
    print('while finished normally')
n = 0
while True:
    n += 1
    if n > 3:
        break
print('n', n)
k = 10
while k > 0:
    k -= 3
    if k == 4:
        print('breaking')
        break
else:
    print('not printed')
print('k', k)
while False:
    pass
else:
    print('else of a loop that never ran')
