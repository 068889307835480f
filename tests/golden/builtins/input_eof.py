# input() at end of input raises EOFError (stdin is empty in the test run).
try:
    line = input()
    print('got', repr(line))
except EOFError as e:
    print('EOFError', repr(str(e)))
import sys
print(repr(sys.stdin.read()))
