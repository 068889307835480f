# Raw strings keep backslashes.
print(r'a\nb', R'c\td')
print(repr(r'\n'), len(r'\n'))
print(r'\\', len(r'\\'))
print(r"\'", len(r"\'"))
print(rb'\x00', br'\n')
print(r'C:\Users\name')
print(r'''raw
triple\n''')
