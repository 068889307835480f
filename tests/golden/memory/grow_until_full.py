# Containers grown until the memory limit is reached: MemoryError, which the
# program catches, frees and survives.
def grow_list():
    chunk = [0] * 100000
    items = []
    try:
        while True:
            items.extend(chunk)
    except MemoryError:
        n = len(items)
        items = None
        return n > 0


def grow_append():
    items = []
    try:
        while True:
            items.append(0)
    except MemoryError:
        n = len(items)
        del items
        return n > 0


def grow_str():
    s = "x"
    try:
        while True:
            s = s * 2
    except MemoryError:
        return len(s) > 1


def grow_dict():
    d = {}
    try:
        i = 0
        while True:
            d[i] = i
            i += 1
    except MemoryError:
        d = None
        return True


print("list", grow_list())
print("append", grow_append())
print("str", grow_str())
print("dict", grow_dict())
print("after", sum([1] * 1000))
