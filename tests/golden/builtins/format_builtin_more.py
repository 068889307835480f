# format() for assorted types and specs.
print(format(3.14159, '.2f'), format(42, '>6'), format('hi', '*^6'), format(1234567, ','))
print(format(0.5, '.0%'), format(255, '#x'), format(7, '03'), format(-7, '03'))
print(format([1, 2]), format((1,)), format({'a': 1}))
try:
    format([1], '>10')
except TypeError as e:
    print('TypeError', e)
