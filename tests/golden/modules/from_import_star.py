# from module import * honours __all__ and skips underscore names.
from star_mod import *
print(exported, ALSO)
try:
    print(not_listed)
except NameError as e:
    print('NameError', e)
from noall_mod import *
print(public_name, public_func())
try:
    print(_underscore)
except NameError as e:
    print('NameError', e)
import noall_mod
print(noall_mod._underscore)
