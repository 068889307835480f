# Backslash escapes in string literals.
print('a\tb')
print('line1\nline2')
print('back\\slash', 'quote\'s', "dq\"s")
print(repr('\x41\x42\x7a'))
print('\101\102\60')
print('\u00e9\u4e2d', '\U0001F600' == '\U0001f600')
print(len('\N{GREEK SMALL LETTER ALPHA}'), '\N{GREEK SMALL LETTER ALPHA}')
print(repr('\a\b\f\v\r\0'))
print('unknown \d escape kept')
print('continued \
line')
print(repr("\x00\x1f\x7f"))
