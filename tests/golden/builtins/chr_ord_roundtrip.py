# Round-trips through chr and ord.
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print([ord(c) for c in 'Ωé€'])
print(all(ord(chr(i)) == i for i in range(0, 0x10000, 97)))
print(sum(map(ord, 'checksum')) % 256)
