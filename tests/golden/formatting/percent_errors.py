# Errors from % formatting.
cases = [
    lambda: '%d' % 'x',
    lambda: '%s %s' % ('a',),
    lambda: '%s' % ('a', 'b'),
    lambda: '%z' % 1,
    lambda: '%c' % 'ab',
    lambda: '%x' % 1.5,
]
for c in cases:
    try:
        print(c())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
