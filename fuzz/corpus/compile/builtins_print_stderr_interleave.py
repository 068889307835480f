# Only stdout is compared; stderr output does not disturb it.
import sys
for i in range(3):
    print('out', i)
    print('err', i, file=sys.stderr)
sys.stderr.write('direct stderr\n')
print('end')
