# finally runs while an exception propagates through several frames.
def level3():
    try:
        raise ValueError('deep')
    finally:
        print('level3 finally')
def level2():
    try:
        level3()
    finally:
        print('level2 finally')
def level1():
    try:
        level2()
    except ValueError as e:
        print('level1 caught', e)
        return 'recovered'
    finally:
        print('level1 finally')
print(level1())
