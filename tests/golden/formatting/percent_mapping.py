# %(name)s with a mapping.
d = {'name': 'Ada', 'age': 36, 'score': 97.5}
print('%(name)s is %(age)d' % d)
print('%(name)-6s|%(score)8.2f|' % d)
print('%(name)r' % d, '%(age)x' % d)
print('%(a)s %(a)s' % {'a': 'twice'})
try:
    print('%(missing)s' % d)
except KeyError as e:
    print('KeyError', e)
