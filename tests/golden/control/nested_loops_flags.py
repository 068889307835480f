# Nested loops, with a flag and with exceptions as break-outs.
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
class Done(Exception):
    pass
try:
    for a in range(10):
        for b in range(10):
            if a + b == 15:
                raise Done
except Done:
    print('done at', a, b)
