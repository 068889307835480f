# Substring membership.
s = 'the quick brown fox'
for w in ['quick', 'slow', 'the ', ' fox', '', 'q', 'Q']:
    print(repr(w), w in s)
print('ö' in 'schön', 'on' in 'schön')
