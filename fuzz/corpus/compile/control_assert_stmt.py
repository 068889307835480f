# assert statements.
assert True
assert 1 + 1 == 2, 'math works'
try:
    assert 1 > 2
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert False, 'with message'
except AssertionError as e:
    print('AssertionError', e)
try:
    assert [], ['list', 'message']
except AssertionError as e:
    print('AssertionError', e)
def check(x):
    assert x > 0, f'x must be positive, got {x}'
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print(e)
