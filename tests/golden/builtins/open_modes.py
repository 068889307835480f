# File modes: w truncates, a appends, x refuses existing files, r+ reads and writes.
with open('m.txt', 'w') as f:
    f.write('first\n')
with open('m.txt', 'w') as f:
    f.write('second\n')
with open('m.txt', 'a') as f:
    f.write('third\n')
with open('m.txt') as f:
    print(f.read(), end='')
try:
    open('m.txt', 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
with open('new.txt', 'x') as f:
    f.write('exclusive')
with open('new.txt') as f:
    print(f.read())
with open('lines.txt', 'w') as f:
    f.writelines(['a\n', 'b\n', 'c\n'])
with open('lines.txt') as f:
    print([line for line in f])
with open('lines.txt') as f:
    print(next(f), end='')
    print(f.readline(), end='')
    print(list(f))
