# divmod() with an instance: __divmod__, then the reflected __rdivmod__,
# skipping NotImplemented; TypeError when neither answers.
class Forward:
    def __divmod__(self, other):
        return ("forward", type(other).__name__)


class Reflected:
    def __rdivmod__(self, other):
        return ("reflected", other)


class Declines:
    def __divmod__(self, other):
        return NotImplemented

    def __rdivmod__(self, other):
        return NotImplemented


print(divmod(Forward(), 3))
print(divmod(7, Reflected()), divmod(7.5, Reflected()), divmod(Forward(), Reflected()))
for a, b in [(Declines(), 1), (1, Declines()), (Declines(), Declines()), ("s", Reflected())]:
    try:
        print(divmod(a, b))
    except TypeError as e:
        print("TypeError:", e)
