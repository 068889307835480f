# hex, bin, oct, ord, chr.
print(hex(255), hex(-1), hex(0), hex(2 ** 64))
print(bin(10), bin(-10), bin(0), oct(64), oct(-64), oct(0))
print(ord('a'), ord('€'), ord('😀'), ord('\x00'))
print(chr(97), chr(8364), chr(128512), repr(chr(0)), chr(0x10FFFF) == '\U0010ffff')
print(int(hex(12345), 16), int(bin(77), 2), int(oct(99), 8))
class Indexable:
    def __index__(self):
        return 42
print(hex(Indexable()), bin(Indexable()), oct(Indexable()))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError', e)
