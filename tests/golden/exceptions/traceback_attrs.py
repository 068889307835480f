# Exception objects carry __traceback__ and with_traceback works.
try:
    1 / 0
except ZeroDivisionError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
    e2 = ValueError('x').with_traceback(e.__traceback__)
    print(e2.__traceback__ is e.__traceback__)
print(ValueError('fresh').__traceback__)
