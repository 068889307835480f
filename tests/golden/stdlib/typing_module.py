# typing: annotated code imports and runs; aliases, unions, generics, NamedTuple, TypedDict.
from typing import (Any, Callable, Dict, Generic, Iterable, Iterator, List, Literal, NamedTuple, NewType,
                    Optional, Protocol, Sequence, Set, Tuple, TypedDict, TypeVar, Union, cast, overload,
                    get_type_hints, ClassVar, Final, TYPE_CHECKING)
import typing

T = TypeVar("T")
K = TypeVar("K", bound=int)

def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None

print(first([3, 4]), first([]), TYPE_CHECKING)
print(List, List[int], Dict[str, List[int]], Tuple[int, ...], Optional[int], Union[int, str], Union[int])
print(Callable[[int, str], bool], Literal["a", 1], Any, T, K, ClassVar[int], Final)
print(Union[int, None] == Optional[int], isinstance(3, Union[int, str]), isinstance("x", Optional[int]))
print(isinstance([], List), isinstance({}, Dict), issubclass(bool, Union[int, str]))
for bad in [lambda: List(), lambda: isinstance([], List[int]), lambda: Any()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), type(s).__name__, Stack[int], Stack.__mro__)

class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.x, p[1], p.norm(), Point(1), p._asdict(), p._replace(x=0), isinstance(p, tuple), Point._fields)
a, b = p
print(a, b)
Pair = NamedTuple("Pair", [("left", int), ("right", int)])
print(Pair(1, 2))

class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="Up", year=2009)
print(m, m["name"])

UserId = NewType("UserId", int)
print(UserId(5), UserId)
print(cast(int, "not really"), get_type_hints(first), get_type_hints(Point))

class Greeter(Protocol):
    def greet(self) -> str: ...

def run(cb: Callable[[], None] | None = None, *args: Any, **kw: Dict[str, Any]) -> Iterator[int]:
    yield 1
print(list(run()), run.__annotations__["cb"])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(int))
