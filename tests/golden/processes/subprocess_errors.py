# Exceptions: missing programs, bad directories, non-executable files,
# CalledProcessError and TimeoutExpired messages and attributes.
import os
import subprocess

for args in (['nosuchprog'], 'nosuchprog --flag', ['./nosuchprog'], ['/no/such/dir/prog']):
    try:
        subprocess.run(args)
    except FileNotFoundError as e:
        print(type(e).__name__, e, e.errno, e.filename)

try:
    subprocess.Popen(['pwd'], cwd='no_such_dir')
except FileNotFoundError as e:
    print(type(e).__name__, e)

with open('plain.txt', 'w') as f:
    f.write('not a program\n')
try:
    subprocess.run(['./plain.txt'])
except PermissionError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(['pwd'], cwd='plain.txt')
except NotADirectoryError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(['.'])
except PermissionError as e:
    print(type(e).__name__, e)

print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError))
print(issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
print(issubclass(subprocess.SubprocessError, Exception))

e = subprocess.CalledProcessError(1, ['false'])
print(str(e))
print(repr(e), e.args)
print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)
e.stdout = b'new'
print(e.output)
print(subprocess.CalledProcessError(2, 'ls -l', b'out', b'err'))
print(subprocess.CalledProcessError(-9, ['sleep', '10']))
print(subprocess.CalledProcessError(-15, 'cmd'))
print(subprocess.CalledProcessError(-2, 'cmd'))
print(subprocess.CalledProcessError(-99, 'cmd'))
print(subprocess.CalledProcessError(0, 'cmd'))

t = subprocess.TimeoutExpired('sleep 5', 0.5)
print(str(t))
print(t.cmd, t.timeout, t.output, t.stdout, t.stderr)
t = subprocess.TimeoutExpired(['sleep', '5'], 2, output=b'so far', stderr=b'e')
print(t, t.stdout, t.stderr)

try:
    subprocess.run(['echo', 1])
except TypeError as e:
    print('TypeError:', e)
try:
    subprocess.run(['echo', 'a\0b'])
except ValueError as e:
    print('ValueError:', e)
try:
    subprocess.run(['true'], input=b'x', stdin=subprocess.PIPE)
except ValueError as e:
    print('ValueError:', e)
try:
    subprocess.run(['true'], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print('ValueError:', e)
try:
    subprocess.Popen(['true'], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print('SubprocessError:', e)
try:
    subprocess.Popen(['true'], bufsize='x')
except TypeError as e:
    print('TypeError:', e)
try:
    subprocess.run([])
except IndexError as e:
    print('IndexError:', e)
