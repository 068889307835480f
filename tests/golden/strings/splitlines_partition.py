# splitlines and partition.
s = 'line1\nline2\r\nline3\rline4\n'
print(s.splitlines())
print(s.splitlines(True))
print(''.splitlines(), 'no newline'.splitlines(), '\n\n'.splitlines())
print('key=value=more'.partition('='), 'key=value=more'.rpartition('='))
print('novalue'.partition('='), 'novalue'.rpartition('='))
try:
    'x'.partition('')
except ValueError as e:
    print('ValueError', e)
