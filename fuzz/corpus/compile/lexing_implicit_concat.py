# Adjacent string literals are concatenated at compile time.
s = 'a' "b" '''c''' """d"""
print(s)
t = ('one '
     'two '
     'three')
print(t)
print('x' r'\n' 'y')
print(len('ab' 'cd'))
print(f'{1}' 'two' f'{3}')
