# Attribute access on numeric literals.
print(1 .real, (2).imag, 3.5.is_integer(), 4.0.is_integer())
print(0x10.bit_length(), (255).to_bytes(2, 'big'))
print(1.5.as_integer_ratio())
print(10 .__add__(5))
