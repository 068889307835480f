# try/except/else/finally flows.
def attempt(x):
    try:
        result = 10 / x
    except ZeroDivisionError:
        print('  except')
        return 'div by zero'
    else:
        print('  else')
        return result
    finally:
        print('  finally')
print(attempt(2))
print(attempt(0))
try:
    [][0]
except (KeyError, IndexError) as e:
    print('tuple caught', type(e).__name__)
try:
    {}['k']
except LookupError as e:
    print('base class caught', type(e).__name__, e)
try:
    int('x')
except TypeError:
    print('wrong')
except ValueError as e:
    print('second clause', e)
try:
    pass
except Exception:
    print('no')
else:
    print('else without exception')
finally:
    print('finally always')
try:
    try:
        raise ValueError('inner')
    finally:
        print('inner finally')
except ValueError as e:
    print('outer caught', e)
