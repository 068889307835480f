# help() on functions, methods and classes written in Python: the text
# CPython's pydoc prints when stdout is not a terminal.


def plain():
    pass


def documented(a, b=1, *args, c, d="two", **kw):
    """Add things.

        Indented detail stays indented
    relative to the rest.
    """
    return a


def annotated(x: int, y: "str" = "s", /, z: list[int] = None, *, w: float = 1.5) -> dict:
    "One line."


square = lambda n: n * n


class Shape:
    """A shape.

    With a second paragraph."""

    sides = 0
    names = ["a", "b", "c"]
    long_text = "x" * 120

    def __init__(self, name, *, colour="red"):
        self.name = name

    def __repr__(self):
        return "Shape()"

    def area(self):
        """The area."""
        return 0

    @classmethod
    def make(cls, n):
        "Build one."
        return cls(str(n))

    @staticmethod
    def helper(x, y=2):
        return x

    @property
    def label(self):
        "Read only."
        return self.name

    def _get(self):
        return 1

    def _set(self, v):
        pass

    size = property(_get, _set, doc="Settable.")
    alias = area


class Square(Shape):
    sides = 4

    def area(self):
        return 1

    def __eq__(self, other):
        return True


class Empty:
    pass


help(plain)
help(documented)
help(annotated)
help(square)
help(Shape)
help(Square)
help(Empty)
help(Shape.area)
help(Square.area)
help(Shape("s").area)
help(Shape.make)
help("no_such_name_anywhere")
