# Jumps that land on jumps are threaded by the compiler (a `try`, an `if`
# or a loop body ending at the end of a loop): every shape must still go
# where Python says.

out = []
for i in range(6):
    if i % 3 == 0:
        out.append("a")
    elif i % 3 == 1:
        out.append("b")
    else:
        out.append("c")
print(out)

out = []
for i in range(5):
    try:
        if i == 3:
            raise ValueError(i)
        out.append(i)
    except ValueError as e:
        out.append(("caught", e.args[0]))
    else:
        out.append("else")
print(out)

out = []
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        out.append((i, j))
    else:
        out.append("inner done")
print(out)

out = []
i = 0
while i < 6:
    i += 1
    try:
        if i % 2:
            continue
        out.append(i)
    finally:
        out.append("f")
print(out)

def nested(n):
    r = []
    for a in range(n):
        if a:
            if a > 1:
                r.append("big")
            else:
                r.append("one")
        else:
            r.append("zero")
    return r

print(nested(4))

out = []
k = 0
while True:
    k += 1
    if k > 4:
        break
    if k == 2:
        continue
    out.append(k)
else:
    out.append("never")
print(out)

x = [n for n in range(10) if n % 2 if n % 3]
print(x)
print([("y" if n else "n") for n in range(3)])

def gen():
    for i in range(4):
        try:
            yield i
        except KeyError:
            pass
print(list(gen()))
