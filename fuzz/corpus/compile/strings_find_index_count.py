# find, rfind, index, rindex, count.
s = 'hello world, hello there'
print(s.find('hello'), s.find('hello', 1), s.find('xyz'), s.rfind('hello'), s.rfind('o', 0, 10))
print(s.index('world'), s.rindex('l'))
print(s.count('l'), s.count('hello'), s.count(''), 'aaaa'.count('aa'))
print(s.find(''), s.rfind(''), s.find('h', -5), s.count('l', 5, 15))
try:
    s.index('xyz')
except ValueError as e:
    print('ValueError', e)
try:
    s.rindex('xyz')
except ValueError as e:
    print('ValueError', e)
t = 'ünïcödé ünï'
print(t.find('ï'), t.rfind('ï'), t.index('d'), t.count('ü'))
