# f-strings nested inside f-strings.
val = 12.3456
width = 10
precision = 2
print(f'{val:{width}.{precision}f}|')
print(f"{f'{val:.1f}':>8}|")
print(f'{"|".join(f"{i}" for i in range(4))}')
rows = [('a', 1), ('bb', 22)]
for k, v in rows:
    print(f'{k:<{width // 2}}{v:>{width // 2}}')
print(f'{width:{"0"}{4}}')
