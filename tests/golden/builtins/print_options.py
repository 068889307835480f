# print with sep, end, file and flush.
import sys
print('a', 'b', 'c')
print('a', 'b', 'c', sep='-')
print('a', 'b', sep='')
print('no newline', end='')
print(' -> continued')
print('x', 'y', sep=', ', end='!\n')
print()
print(end='')
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print(1, 2.5, None, True, [1], (2,), {'k': 'v'}, sep=' | ')
print('multi\nline')
print(*range(5))
print(*[], sep='x')
print('sep None', 'works', sep=None, end=None)
sys.stdout.write('written directly\n')
print(sys.stdout.write('abc'), file=sys.stderr)
print()
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError', e)
