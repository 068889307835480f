# __format__ called directly on builtin values (str, int, float and bool have no
# __format__ of their own in pyl: object's formats them as format() does),
# from a subclass through super(), and its errors.
print(repr('ab'.__format__('>4')), repr((5).__format__('03d')), repr((2.5).__format__('.3f')))
print(repr(str.__format__('x', '^5')), repr(int.__format__(7, 'b')))
class S(str):
    def __format__(self, spec):
        return "[" + super().__format__(spec) + "]"
print(format(S("hi"), ">5"), f"{S('yo'):<4}|")
class P:
    def __format__(self, spec):
        return super().__format__(spec)
p = P()
print(format(p, "") == str(p))
for bad in [lambda: format(P(), "x"), lambda: [].__format__(">4"), lambda: object().__format__("d"), lambda: 'a'.__format__(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(True.__format__('>6'), None.__format__(''))
