# strip, lstrip, rstrip, removeprefix, removesuffix.
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xxhixx'.lstrip('x'), 'xxhixx'.rstrip('x'))
print('abcHELLOcba'.strip('abc'), repr('aaa'.strip('a')))
print('prefix_name'.removeprefix('prefix_'), 'name'.removeprefix('x'))
print('file.txt'.removesuffix('.txt'), 'file.txt'.removesuffix('.py'))
print(repr('\u3000wide space\u3000'.strip()))
