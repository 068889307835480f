# Quoting inside f-strings (3.11 rules: no reuse of the outer quote).
d = {'key': 'value'}
print(f"{d['key']}")
print(f'{d["key"]}')
print(f'''{d['key']} {d["key"]}''')
newline = '\n'
print(f'{newline.join(["a", "b"])}')
print(f'tab:\t|{1}')
print(f'\x41{2}\u00e9')
