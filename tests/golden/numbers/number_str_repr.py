# str, repr and conversions of numbers.
print(str(42), repr(42), str(-0), str(10 ** 20))
print(str(1.0), str(1.25), str(1e-10), str(123e20))
print(hex(255), oct(8), bin(5), hex(-255), bin(-5), oct(-8))
print(hex(0), bin(0), oct(0))
print(int('-0'), float('-0'))
print(f'{1e16}', f'{1e15}', f'{0.1:.20f}')
print(str(1/3), repr(2/3), str(100.0), str(1e100))
print(ascii(3.0), format(3.0), format(42))
