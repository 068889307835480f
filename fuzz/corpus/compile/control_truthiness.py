# Truth values of built-in and user objects.
values = [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, {0: 0}, set(), None, range(0), range(1), b'', b'0']
print([bool(v) for v in values])
class AlwaysFalse:
    def __bool__(self):
        return False
class EmptyLen:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(AlwaysFalse()), bool(EmptyLen()), bool(Plain()))
if not AlwaysFalse():
    print('user __bool__ used by if')
print(not EmptyLen(), AlwaysFalse() or 'fallback')
