# Nested replacement fields inside format specs.
for width in (5, 8):
    print('[{:>{}}]'.format('x', width))
print('[{:{fill}{align}{width}}]'.format('mid', fill='-', align='^', width=9))
print('{:.{prec}f}'.format(3.14159265, prec=3))
print('{0:{1}.{2}f}'.format(2.71828, 10, 2))
w, p = 12, 4
print(f'[{3.14159:{w}.{p}f}]')
print(f'[{"s":{"<"}{w}}]')
