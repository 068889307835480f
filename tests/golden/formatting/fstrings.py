# f-strings with expressions, conversions and format specs.
name = 'World'
n = 42
pi = 3.14159
items = ['a', 'b']
print(f'Hello, {name}!')
print(f'{n} {n + 1} {n * 2} {n // 5} {-n}')
print(f'{pi:.2f} {pi:10.3f}| {n:05d} {n:x} {n:#b} {n:>6}|')
print(f'{name!r} {name!s} {name!a}')
print(f'{items} {items[0]} {len(items)}')
print(f'{"nested"} {"x" * 3}')
print(f'{n if n > 40 else 0}')
print(f'{{}} {{{n}}}')
print(f'{[x * 2 for x in range(3)]}')
print(f'{dict(a=1)["a"]}')
print(f'{name.upper()} {name[::-1]}')
print(f'{1_000_000:,}')
print(f'{pi!r:>12}')
print(f'{(lambda x: x * 2)(5)}')
