total = 0
for item in [1, 2, 'three']:
    total = total + item
