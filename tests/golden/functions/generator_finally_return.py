# Generators and finally: closing on garbage is not observed; explicit close is.
def g():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('finally in generator')
for item in g():
    print(item)
print('after full iteration')
gen = g()
print(next(gen))
gen.close()
print('after close')
def stop_early():
    yield 1
    return
    yield 2
print(list(stop_early()))
def raises_stop():
    yield 1
    raise StopIteration
try:
    list(raises_stop())
except RuntimeError as e:
    print('RuntimeError', e)
