# Runtime errors of class and mapping patterns (TypeError, ValueError).


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class BadElem:
    __match_args__ = (1,)

    x = 1


def attempt(label, fn):
    try:
        print(label, fn())
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


def too_many():
    match Point():
        case Point(1, 2, 3):
            return "no"


def none_allowed():
    match NoArgs():
        case NoArgs(1):
            return "no"


def int_two():
    match 5:
        case int(1, 2):
            return "no"


def not_a_class():
    f = len
    match 5:
        case f():
            return "no"


def not_a_class_instance():
    inst = Point()
    match 5:
        case inst.x():
            return "no"


def bad_match_args():
    match BadArgs():
        case BadArgs(x):
            return "no"


def bad_elem():
    match BadElem():
        case BadElem(x):
            return "no"


def multiple():
    match Point():
        case Point(0, x=0):
            return "no"


def multiple_ok_when_no_instance():
    match 5:
        case Point(0, x=0):
            return "no"
        case _:
            return "isinstance is checked first"


def dup_keys():
    k = "a"
    match {"a": 1}:
        case {"a": 1, K.A: 2}:
            return "no"


class K:
    A = "a"


def getattr_raises():
    class Boom:
        __match_args__ = ("v",)

        @property
        def v(self):
            raise ValueError("from property")

    match Boom():
        case Boom(1):
            return "no"


def len_exact():
    match Point():
        case Point(1, 2):
            return "exactly two are fine"
        case Point(0, 0):
            return "origin"


for label, fn in [("too_many", too_many), ("none_allowed", none_allowed), ("int_two", int_two),
                  ("not_a_class", not_a_class), ("not_a_class_instance", not_a_class_instance),
                  ("bad_match_args", bad_match_args), ("bad_elem", bad_elem), ("multiple", multiple),
                  ("multiple_ok_when_no_instance", multiple_ok_when_no_instance), ("dup_keys", dup_keys),
                  ("getattr_raises", getattr_raises), ("len_exact", len_exact)]:
    attempt(label, fn)

# An uncaught error inside a case body: traceback line of the body.
match [1, 2]:
    case [a, b]:
        print("about to fail")
        raise TypeError(f"inside case {a} {b}")
