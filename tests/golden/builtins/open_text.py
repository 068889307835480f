# Writing and reading a text file in the current directory.
import os
with open('sample.txt', 'w') as f:
    n = f.write('line one\nline two\n')
    f.write('line three')
print('wrote', n)
with open('sample.txt') as f:
    print(repr(f.read()))
with open('sample.txt', 'r') as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open('sample.txt') as f:
    print(f.readlines())
with open('sample.txt') as f:
    for lineno, line in enumerate(f, 1):
        print(lineno, line.rstrip('\n'))
with open('sample.txt', 'a') as f:
    f.write('\nappended')
with open('sample.txt') as f:
    print(f.read().splitlines())
f = open('sample.txt')
print(f.closed, f.read(4), f.read(4))
f.close()
print(f.closed)
print(os.path.exists('sample.txt'))
try:
    open('does_not_exist.txt')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
