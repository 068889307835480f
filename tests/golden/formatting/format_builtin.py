# The format() builtin and __format__.
print(format(42), format(42, 'd'), format(42, '08b'), format(3.5, '.3f'))
print(format('text', '>8'), format('text', '^8'), format(255, 'x'))
print(format(1234.5, ',.1f'), format(0.5, '%'), format(True), format(None))
print(format(12, ''), repr(format('', '3')))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == 'usd':
            return '$%.2f' % self.v
        return str(self.v)
m = Money(3.5)
print(format(m, 'usd'), f'{m:usd}', '{:usd}'.format(m), f'{m}')
try:
    format(1, 'z')
except ValueError as e:
    print('ValueError', e)
try:
    format('s', 'd')
except ValueError as e:
    print('ValueError', e)
