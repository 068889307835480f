# finally blocks run before the traceback is printed.
try:
    print('in try')
    raise LookupError('lookup failed')
finally:
    print('in finally')
