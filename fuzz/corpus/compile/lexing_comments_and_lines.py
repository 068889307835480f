# Comments, blank lines, backslash continuation and semicolons.
x = 1  # trailing comment
# a full-line comment

y = 2; z = 3
total = x + \
    y + \
    z
print(total)
values = [
    1,  # one
    2,  # two
]
print(values)
if x: print('one-line if')
def f(): return 'one-line def'
print(f())
print((1 +
       2))
