# float methods and special values.
x = 2.5
print(x.is_integer(), (3.0).is_integer(), x.as_integer_ratio())
print((0.1).as_integer_ratio())
print(float('inf') - float('inf'))
print(float('inf') * 0)
nan = float('nan')
print(nan == nan, nan is nan, [nan] == [nan])
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1))
print(1e308 + 1e308, -1e308 - 1e308)
print(int(1e20), int(-1e19))
