# An uncaught ZeroDivisionError deep in nested calls: output so far is kept, exit status 1.
def level3(x):
    return 10 / x
def level2(x):
    return level3(x - 1)
def level1(x):
    print('level1 called with', x)
    return level2(x)
print(level1(3))
print(level1(1))
print('not reached')
