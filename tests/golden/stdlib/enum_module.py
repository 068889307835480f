from enum import Enum, IntEnum, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, Color.CRIMSON)
print(list(Color), len(Color))
print([m.name for m in reversed(Color)])
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED) is Color)
print(repr(Color), str(Color), type(Color).__name__)
print(Color.__members__)
print(list(Color.__members__.items())[-1])
print(Color.RED.describe(), Color.BLUE.lower, Color.default())
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED != 1, Color.RED == 1)
print(hash(Color.RED) == hash(Color.CRIMSON), {Color.RED: 'r'}[Color.CRIMSON])
print(f"{Color.RED}", f"{Color.RED!r}", f"[{Color.GREEN:>12}]", format(Color.BLUE))
print(sorted(Color, key=lambda c: c.value))
print(Color._member_names_, bool(Color), bool(Color.RED))


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = 10
    LINE = auto()


print(list(Shape), [s.value for s in Shape])


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()


print(Num.ONE, repr(Num.TWO), str(Num.THREE), format(Num.ONE), f"{Num.TWO:03d}")
print(Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, Num.TWO == 2, Num(3), sorted([Num.THREE, Num.ONE]))
print(isinstance(Num.ONE, int), int(Num.THREE), hash(Num.ONE) == hash(1), [1, 2, 3][Num.ONE])


class Mood(StrEnum):
    HAPPY = auto()
    SAD = 'down'


print(Mood.HAPPY, repr(Mood.HAPPY), Mood.SAD == 'down', Mood('down'), Mood.HAPPY.upper())


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))
print(Planet((3.303e+23, 2.4397e6)))


class Mixed(str, Enum):
    A = 'a'
    B = 'b'


print(Mixed.A, repr(Mixed.B), Mixed.A == 'a', Mixed('b'), format(Mixed.A))


Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
Pair = Enum('Pair', [('LEFT', 'l'), ('RIGHT', 'r')])
print(list(Pair), Pair('r'))
Other = IntEnum('Other', {'X': 10, 'Y': 20})
print(list(Other), Other.Y + 1)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))


class Ordered(Enum):
    def __lt__(self, other):
        return self.value < other.value
    LOW = 1
    HIGH = 2


print(Ordered.LOW < Ordered.HIGH, max(Ordered))
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.BLUE])[0] is Color.BLUE)
