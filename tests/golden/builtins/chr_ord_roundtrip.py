# Round-trips through chr and ord.
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print([ord(c) for c in 'Ωé€'])
print(all(ord(chr(i)) == i for i in range(0, 0xD800, 97)), all(ord(chr(i)) == i for i in range(0xE000, 0x110000, 997)))
print(sum(map(ord, 'checksum')) % 256)
