# f-string lexing: nested quotes, doubled braces, raw f-strings.
name = 'pyl'
print(f'hello {name}')
print(F"{name!r}")
print(f'{{literal}} {name}')
print(f"{'inner'}")
print(f'{"x" + "y"}')
print(rf'\n{name}', fr'{name}\t')
print(f'''{name}
{len(name)}''')
print(f'{3}{4}', f'' == '')
d = {'k': 'v'}
print(f"{d['k']}")
