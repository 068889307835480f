# repr and ascii of non-ASCII and control characters.
for s in ['a\x01b', 'tab\t', 'é', '中', '😀', '\u200b', '\x85', '\xa0', 'ÿ', '\u0100']:
    print(repr(s), ascii(s))
print(ascii(['é', 1]), repr(['é']))
