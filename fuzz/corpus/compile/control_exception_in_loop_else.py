# Loop else runs only when the loop was not broken, even with exceptions handled inside.
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print('handled', e)
else:
    print('loop completed')
def gen():
    yield 1
    yield 2
for v in gen():
    pass
else:
    print('generator loop completed', v)
