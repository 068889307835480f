# An exception raised while importing propagates to the importer.
try:
    import raising_mod
except ValueError as e:
    print('caught', e)
import sys
print('raising_mod' in sys.modules)
