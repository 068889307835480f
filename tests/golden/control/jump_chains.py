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

# The end of a try body pops its handler and jumps in one instruction: an
# exception after the try must not reach the handler it left.
def after_try(n):
    r = []
    for i in range(n):
        try:
            r.append(i)
        except ZeroDivisionError:
            r.append("wrong handler")
        if i == 2:
            try:
                1 / 0
            except ZeroDivisionError:
                r.append("div")
    return r

print(after_try(4))

def leave_try():
    r = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            r.append(i)
        except Exception:
            r.append("never")
    try:
        raise KeyError("outside")
    except KeyError as e:
        r.append(repr(e))
    return r

print(leave_try())

def nested_try():
    r = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError(i)
            except TypeError:
                r.append("inner wrong")
            r.append(("body", i))
        except ValueError as e:
            r.append(("outer", e.args[0]))
    try:
        int("x")
    except ValueError:
        r.append("after")
    return r

print(nested_try())

def uncaught_after():
    for i in range(2):
        try:
            pass
        except KeyError:
            print("never")
    raise RuntimeError("escapes")

try:
    uncaught_after()
except RuntimeError as e:
    print("caught outside:", e)
