total = 0
values = [1, 2, "3"]
for v in values:
    total += v
