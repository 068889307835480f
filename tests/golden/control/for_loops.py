# for with else, break and continue.
for i in range(5):
    if i % 2:
        continue
    print('even', i)
else:
    print('for finished normally')
for x in ['a', 'b', 'c']:
    if x == 'b':
        print('found b')
        break
else:
    print('not printed')
for _ in []:
    print('never')
else:
    print('else of an empty loop')
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
for i in range(3):
    pass
print('loop variable after loop', i)
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
