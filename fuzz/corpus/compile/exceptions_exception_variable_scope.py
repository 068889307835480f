# The `as` name is deleted at the end of the except clause.
e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    print('inside', repr(e))
try:
    print(e)
except NameError as err:
    print('NameError', err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return saved
print(repr(f()))
