# Binary files round-trip bytes exactly.
data = bytes(range(256))
with open('blob.bin', 'wb') as f:
    print(f.write(data))
with open('blob.bin', 'rb') as f:
    back = f.read()
print(back == data, len(back), back[:4], back[-2:], type(back).__name__)
with open('blob.bin', 'ab') as f:
    f.write(b'\x00end')
with open('blob.bin', 'rb') as f:
    f.read(250)
    print(f.read())
with open('text.txt', 'w', encoding='utf-8') as f:
    f.write('héllo €\n')
with open('text.txt', 'rb') as f:
    raw = f.read()
print(raw, len(raw))
with open('text.txt', encoding='utf-8') as f:
    print(f.read(), end='')
try:
    with open('blob.bin', 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TypeError', e)
