# `a + 1` loads the local and the constant in one fused instruction: an
# unbound local still gets its own caret.
def f():
    x = 1
    print(x)
    print(a + 1)
    a = 0


f()
