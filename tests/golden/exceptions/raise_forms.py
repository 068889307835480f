# raise with classes, instances, and bare re-raise.
try:
    raise ValueError
except ValueError as e:
    print('class raised:', repr(e), e.args)
try:
    raise ValueError('instance')
except ValueError as e:
    print('instance raised:', repr(e))
def reraise():
    try:
        raise KeyError('original')
    except KeyError:
        print('handling, then re-raising')
        raise
try:
    reraise()
except KeyError as e:
    print('re-raised:', repr(e))
try:
    raise 42
except TypeError as e:
    print('TypeError', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
e = IndexError('stored')
try:
    raise e
except IndexError as caught:
    print(caught is e)
