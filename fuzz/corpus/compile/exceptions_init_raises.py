# Exceptions in __init__ and __del__-free cleanup ordering.
class Fails:
    def __init__(self, ok):
        print('init start')
        if not ok:
            raise RuntimeError('construction failed')
        print('init end')
try:
    Fails(True)
    Fails(False)
except RuntimeError as e:
    print('caught', e)
