# Errors from str.format and f-string specs.
tests = [
    lambda: '{:d}'.format('x'),
    lambda: '{:s}'.format(1),
    lambda: '{'.format(),
    lambda: '}'.format(),
    lambda: '{:,s}'.format('x'),
    lambda: '{0!x}'.format(1),
    lambda: format(1.5, 'x'),
    lambda: '{:=}'.format('s'),
]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
