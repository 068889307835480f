# return inside nested with/try/loop structures.
class CM:
    def __enter__(self):
        print('enter')
    def __exit__(self, *a):
        print('exit')
def f(x):
    for i in range(3):
        with CM():
            try:
                if i == x:
                    return 'returned at %d' % i
            finally:
                print('finally', i)
    return 'fell through'
print(f(1))
print(f(5))
