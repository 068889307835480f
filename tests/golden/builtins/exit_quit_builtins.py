# exit and quit exist as builtins; calling them raises SystemExit.
print(callable(exit), callable(quit))
try:
    exit(5)
except SystemExit as e:
    print('SystemExit', e.code)
try:
    quit()
except SystemExit as e:
    print('SystemExit', e.code)
