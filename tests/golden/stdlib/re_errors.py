import re

pats = ['(', ')', 'a)', '[a', '[z-a]', '*a', 'a**', 'a{3,2}', '(?P<1>a)',
        '(?P<a>x)(?P<a>y)', '(?P=b)', r'\1', '(a)\\2', r'\q', '(?<=a+)b', '(?x',
        '(?z)', 'a(?i)', '(?P<a', '(?P', '(?', r'\x1', r'\u12', '[\\w-z]',
        '(?P<a>a)(?P=a', '(?(2)a|b)', '(?(a)x|y)', '(?(1)a|b|c)', '(a)(?(1)x|y|z)',
        '(?i', '(?-i)', '(?L)a', r'\N{foo}', '^*', 'a|*', '(?<a>x)', '(?#abc',
        'a+?+', '(?u-u:x)', '\\', '[]', '[^]', '(?P<a>(?P=a))', '\\8', '(?P<>a)',
        '(?i-i:a)', '(?a-:x)', '(?ia)', 'a\n(b', '(?<=a|bc)', '[\\q]', '\\777',
        '(?P<a-b>x)', '(?Px)', '(?<x', '(?P=', '(?(1', 'x{1,2}{3}', '\\N', '\\N{',
        '(?au:x)', '(?-x', '\\U00110000', '[b-a]']
for p in pats:
    try:
        re.compile(p)
        print(repr(p), 'compiles')
    except re.error as e:
        print(repr(p), '->', e, '| msg:', e.msg, '| pos:', e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), '->', type(e).__name__, e)

for args in [('a{99999999999}',), ('a', re.L), ('a', re.A | re.U), ('(?a)a', re.U)]:
    try:
        re.compile(*args)
    except Exception as e:
        print(type(e).__name__, e)

try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
for bad in [None, 42, ['a']]:
    try:
        re.compile(bad)
    except TypeError as e:
        print('TypeError', e)
for bad in [None, 42, b'abc']:
    try:
        re.search('a', bad)
    except TypeError as e:
        print('TypeError', e)

# Replacement templates.
for repl in [r'\3', r'\g<x>', r'\g<1', r'\g<>', r'\g<-1>', r'\q', '\\', r'\g', r'\g<a b>', r'\400']:
    try:
        print(repr(re.sub('(a)(b)', repl, 'ab')))
    except re.error as e:
        print(repr(repl), 're.error', e)
    except Exception as e:
        print(repr(repl), type(e).__name__, e)

try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)

m = re.match('(a)(?P<n>b)', 'ab')
for g in [3, -1, 'x', 1.5]:
    try:
        m.group(g)
    except IndexError as e:
        print('IndexError', e)
try:
    m.start(7)
except IndexError as e:
    print('IndexError', e)
print(isinstance(re.error('x'), Exception), re.error.__name__, re.error('boom').msg)
e = re.error('bad', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
