# Popen.communicate: input, both pipes at once, large data (no deadlock),
# text mode, repeated calls.
import subprocess
from subprocess import PIPE

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE)
print(p.communicate(b'echoed back'))
print(p.returncode, p.stdin.closed, p.stdout.closed)

p = subprocess.Popen('cat; echo done >&2', shell=True, stdin=PIPE, stdout=PIPE, stderr=PIPE)
out, err = p.communicate(b'x' * 1000000)
print(len(out), out == b'x' * 1000000, err)

p = subprocess.Popen('for i in 1 2 3; do echo out$i; echo err$i >&2; done', shell=True,
                     stdout=PIPE, stderr=PIPE)
print(p.communicate())

# Lots of stderr while stdout is read: both pipes are drained together.
p = subprocess.Popen(['sh', '-c', 'i=0; while [ $i -lt 3000 ]; do echo error line $i >&2; i=$((i+1)); done; echo finished'],
                     stdout=PIPE, stderr=PIPE)
out, err = p.communicate()
print(out, len(err.splitlines()), err.splitlines()[-1])

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE, text=True)
print(p.communicate('caf\u00e9\n'))
print(p.communicate())
try:
    p.communicate('more')
except ValueError as e:
    print('ValueError:', e)

p = subprocess.Popen(['echo', 'only stdout'], stdout=PIPE)
print(p.communicate())
try:
    p.communicate()
except ValueError as e:
    print('ValueError:', e)

p = subprocess.Popen(['sh', '-c', 'exit 4'])
print(p.communicate(), p.returncode)

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=subprocess.DEVNULL)
print(p.communicate(b'discarded'))

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE)
p.stdin.write(b'written first, ')
print(p.communicate(b'then communicated'))

p = subprocess.Popen(['printf', 'one\\ntwo\\nthree\\n'], stdout=PIPE, stderr=PIPE)
print(p.stdout.readline())
print(p.communicate())

p = subprocess.Popen(['true'], stdin=PIPE, stdout=PIPE)
try:
    p.communicate('not bytes')
except TypeError as e:
    print('TypeError:', e)
p.kill()
p.wait()

# A child that exits without reading its input.
p = subprocess.Popen(['true'], stdin=PIPE, stdout=PIPE)
print(p.communicate(b'y' * 200000))
