# A store and the next statement's first load of a local are fused into
# one instruction: the unbound local is the one the caret points at.
def f():
    x = 1
    return a + x
    a = 0


f()
