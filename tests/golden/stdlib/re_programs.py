import re
from collections import Counter

# Word frequencies.
text = """It was the best of times, it was the worst of times; it was the age
of wisdom, it was the age of foolishness... It's 1859!"""
words = re.findall(r"[a-z']+", text.lower())
print(Counter(words).most_common(4))

# Validating e-mail addresses and phone numbers.
EMAIL = re.compile(r'^[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}$', re.IGNORECASE)
for addr in ['ann@example.com', 'bob.smith+tag@mail.co.uk', 'bad@', '@bad.com', 'x@y.z', 'A@B.ORG']:
    print(addr, bool(EMAIL.match(addr)))
PHONE = re.compile(r'\(?(\d{3})\)?[-. ]?(\d{3})[-. ]?(\d{4})')
for n in ['(555) 123-4567', '555.123.4567', '5551234567', '55-1234']:
    m = PHONE.fullmatch(n)
    print(n, '-'.join(m.groups()) if m else None)

# Parsing log lines with named groups.
LOG = re.compile(r'(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) \[(?P<level>\w+)\] (?P<msg>.*)')
logs = """2024-01-05 10:00:01 [INFO] server started
2024-01-05 10:00:07 [ERROR] disk full: /dev/sda1
garbage line
2024-01-06 08:30:00 [WARN] high load (3.5)"""
for line in logs.splitlines():
    m = LOG.match(line)
    if m:
        print(m['level'], m.group('date'), repr(m['msg']))
    else:
        print('unparsed:', line)
levels = Counter(m['level'] for m in LOG.finditer(logs))
print(sorted(levels.items()))

# A tokenizer with lastgroup.
TOKEN = re.compile(r'''
    (?P<NUMBER>\d+(?:\.\d*)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/()=])
  | (?P<SKIP>[ \t]+)
  | (?P<MISMATCH>.)
''', re.VERBOSE)

def tokenize(code):
    for m in TOKEN.finditer(code):
        kind = m.lastgroup
        if kind == 'SKIP':
            continue
        if kind == 'MISMATCH':
            raise RuntimeError(f'unexpected {m.group()!r} at {m.start()}')
        yield kind, m.group()

print(list(tokenize('x = 3.14 * (y + 42)')))
try:
    list(tokenize('a $ b'))
except RuntimeError as e:
    print('RuntimeError', e)

# A hand-driven scanner with match(pos).
def scan(s):
    pos, out = 0, []
    word = re.compile(r'\s*(\w+|\S)')
    while pos < len(s):
        m = word.match(s, pos)
        if not m:
            break
        out.append(m.group(1))
        pos = m.end()
    return out
print(scan('if (a<b) return   c;'))

# Templates and cleaning.
print(re.sub(r'\{(\w+)\}', lambda m: {'name': 'Ann', 'n': '3'}.get(m[1], m[0]), 'Hi {name}, {n} new {x}'))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.sub(r'([a-z])([A-Z])', r'\1_\2', 'camelCaseName').lower())
print(re.sub(r'_([a-z])', lambda m: m.group(1).upper(), 'snake_case_name'))
print(re.sub(r'<[^>]+>', '', '<p>Hello <b>world</b></p>'))
print(re.findall(r'<(\w+)[^>]*>(.*?)</\1>', '<a href=x>link</a><b>bold</b><i>x</b>'))
print(re.split(r'\s*,\s*', 'a , b,c ,  d'))
csv = 'name="Ann, B", age=30, city="NY"'
print(re.findall(r'(\w+)=("[^"]*"|[^,]*)', csv))
print(re.sub(r'\s+', ' ', '  lots   of\n\nspace  ').strip())
dates = 'Due 2023-12-25 and 2024-01-01.'
print(re.sub(r'(\d{4})-(\d{2})-(\d{2})', r'\3/\2/\1', dates))
print([tuple(map(int, d)) for d in re.findall(r'(\d+)-(\d+)-(\d+)', dates)])
print(re.match(r'^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$', '192.168.0.1').groups())
pw = re.compile(r'^(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{8,}$')
for p in ['Passw0rd!', 'password', 'SHORT1!', 'LongEnough1?']:
    print(p, bool(pw.search(p)))
print(re.findall(r'\b[A-Z][a-z]+\b', 'Alice met Bob and CAROL in Paris'))
print(len(re.findall(r'\w+', 'word ' * 10000)), re.sub('a', 'b', 'a' * 100000).count('b'))
