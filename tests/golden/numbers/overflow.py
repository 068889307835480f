# Float overflow raises, int arithmetic does not.
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print('OverflowError', e)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print('OverflowError', e)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print('OverflowError', e)
print(len(str(10 ** 400)))
print(1e308 * 10)
