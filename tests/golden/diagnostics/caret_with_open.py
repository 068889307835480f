import math
print(math.sqrt(4))
with open("missing-file.txt") as f:
    print(f.read())
