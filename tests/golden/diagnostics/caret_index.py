rows = [[1, 2], [3]]
for row in rows:
    print(row [ 0 ] + row[1])
