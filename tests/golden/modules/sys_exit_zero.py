# sys.exit(0) and sys.exit() end the program successfully, running finally blocks.
import sys
print('before exit')
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit caught, code', e.code)
try:
    print('exiting for real')
    sys.exit(0)
finally:
    print('finally runs on the way out')
print('never printed')
