import warnings


async def f():
    return 1


class C:
    async def method(self):
        pass


def make():
    f()
    print("made")


make()
c = C().method()
print("held")
del c
print("deleted")
closed = f()
closed.close()
del closed
print("closed ones do not warn")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    f()
    print("ignored")
f()
print("again: once per location")
for i in range(2):
    f()
print("done")
