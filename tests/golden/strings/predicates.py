# is* predicates.
tests = ['123', '12.3', 'abc', 'abc123', '', ' \t\n', 'ABC', 'Abc', '٣', '½', 'é', 'a b', '_x', 'x1']
for t in tests:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(),
          t.isspace(), t.isupper(), t.islower(), t.isidentifier(), t.isprintable())
print('abc'.isascii(), 'é'.isascii())
