from enum import Enum, IntEnum, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: Color(5))
attempt(lambda: Color('red'))
attempt(lambda: Color['PURPLE'])
attempt(lambda: setattr(Color, 'RED', 3))
attempt(lambda: delattr(Color, 'GREEN'))
attempt(lambda: setattr(Color.RED, 'value', 3))
attempt(lambda: setattr(Color.RED, 'name', 'x'))
attempt(lambda: Color.RED < Color.GREEN)
attempt(lambda: Color())


def extend():
    class More(Color):
        PINK = 3


attempt(extend)


def duplicate():
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2


attempt(duplicate)


class WithMissing(Enum):
    A = 'a'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == 'a':
            return cls.A
        return None


print(WithMissing('A'))
attempt(lambda: WithMissing('b'))


class BadMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


attempt(lambda: BadMissing(2))
attempt(lambda: IntEnum('N', 'A B')(7))
Color.extra = 'ok'
print(Color.extra)
Color.RED.note = 'attribute on a member'
print(Color.RED.note, Color.ALIAS.note)
print(Color.RED)
