def check(n):
    assert n > 0, "n must be positive"


check(-1)
