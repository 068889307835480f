# User-defined exception classes.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name, code=404):
        super().__init__(name, code)
        self.name = name
        self.code = code
    def __str__(self):
        return f'{self.name} not found (code {self.code})'
class Plain(AppError):
    pass
try:
    raise NotFound('page')
except AppError as e:
    print(type(e).__name__, e, e.args, e.code)
try:
    raise Plain('one', 'two')
except Plain as e:
    print(e, repr(e), e.args)
print(str(Plain()), repr(Plain()), str(Plain('single')), repr(Plain('single')))
print(str(AppError(1)), repr(AppError(1, 2)))
print(issubclass(NotFound, Exception), isinstance(NotFound('x'), AppError))
class WithAttrs(Exception):
    def __init__(self, msg):
        self.msg = msg
try:
    raise WithAttrs('hello')
except WithAttrs as e:
    print(e.msg, e.args, str(e))
