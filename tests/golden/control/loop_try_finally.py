# Loop control in try/finally inside loops.
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('finally', i)
n = 0
while True:
    try:
        n += 1
        if n == 2:
            break
    finally:
        print('cleanup', n)
print('n', n)
