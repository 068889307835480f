# Retrying with exceptions inside loops.
attempts = iter([ValueError('bad 1'), KeyError('bad 2'), 'ok'])
for n in range(5):
    try:
        result = next(attempts)
        if isinstance(result, Exception):
            raise result
        print('succeeded on attempt', n, result)
        break
    except (ValueError, KeyError) as e:
        print('attempt', n, 'failed:', type(e).__name__, e)
errors = 0
for token in ['1', 'x', '2', '', '3']:
    try:
        print(int(token) * 10)
    except ValueError:
        errors += 1
print('errors', errors)
