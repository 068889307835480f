# Decorators: simple, stacked, with arguments, preserving metadata by hand.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    wrapper.__name__ = fn.__name__
    return wrapper
def exclaim(fn):
    def wrapper(*args):
        return fn(*args) + '!'
    return wrapper
@shout
def greet(name):
    return 'hello ' + name
print(greet('bob'), greet.__name__)
@exclaim
@shout
def hi():
    return 'hi'
print(hi())
@shout
@exclaim
def hey():
    return 'hey'
print(hey())
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    return x * 2
print(roll(4))
calls = []
def register(fn):
    calls.append(fn.__name__)
    return fn
@register
def a(): pass
@register
def b(): pass
print(calls, a() is None)
def trace(fn):
    def wrapper(*args):
        print('call', fn.__name__, args)
        result = fn(*args)
        print('ret', result)
        return result
    return wrapper
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
fact(3)
