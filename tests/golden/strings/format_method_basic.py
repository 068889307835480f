# str.format in simple forms (detailed in formatting/).
print('{} {}'.format('a', 'b'), '{1} {0}'.format('a', 'b'), '{x}'.format(x=1))
print('{:>5}|{:<5}|{:^5}|'.format('a', 'b', 'c'))
print('{{}}'.format(), '{0}{0}'.format('ab'))
