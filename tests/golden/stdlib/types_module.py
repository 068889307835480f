# types: GenericAlias (list[int]), UnionType (int | None), SimpleNamespace, PEP 560 hooks.
import types
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, ...]:
    return tuple(x)
print(f([1, 2]), f.__annotations__)
print(list[int], dict[str, list[int]], tuple[int, ...], list[()], type[int])
print(int | None, int | str | None, list[int] | None, None | int, int | int)
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str))
print(issubclass(bool, int | str), (int | str) == (str | int), (int | None).__args__)
print(list[int]() , list[int]([1, 2]), list[int] == list[int], list[int].__origin__, list[int].__args__)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
try:
    None | None
except TypeError as e:
    print("TypeError", e)
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=3))
print(type(f) is types.FunctionType, type(len) is types.BuiltinFunctionType, types.NoneType)
class B:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class C(B, flag=1):
    pass
try:
    class D(flag=2):
        pass
except TypeError as e:
    print("TypeError", e)
class Tagged:
    def __class_getitem__(cls, item):
        return f"Tagged[{item.__name__}]"
print(Tagged[int])
