# int methods and attributes.
n = 37
print(n.bit_length(), n.real, n.imag, n.numerator, n.denominator)
print(n.to_bytes(2, 'big'), n.to_bytes(2, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print((-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\xff\xff', 'big', signed=True))
print((10).__add__(5), (10).__mul__(3))
print(int.bit_count(255) if hasattr(int, 'bit_count') else 8)
print((7).conjugate(), (2**70).bit_length())
