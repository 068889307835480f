# Popen's pipe objects: write, flush, readline, read, iteration, close,
# the with statement, and their errors.
import subprocess
from subprocess import PIPE

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE)
print(type(p.stdin).__name__, type(p.stdout).__name__, p.stderr)
print(p.stdin.mode, p.stdout.mode, p.stdin.writable(), p.stdout.readable())
print(p.stdin.write(b'line one\n'))
p.stdin.flush()
print(p.stdout.readline())
p.stdin.write(b'line two\nline three\n')
p.stdin.write(bytearray(b'no newline'))
p.stdin.close()
print(p.stdin.closed, p.stdout.closed)
print(list(p.stdout))
print(p.stdout.read(), p.stdout.readline())
p.stdout.close()
print(p.wait())

p = subprocess.Popen(['printf', 'xyz\\nabc\\n\\ndef'], stdout=PIPE)
print(p.stdout.read(2), p.stdout.readline(2), p.stdout.readline(), p.stdout.readline(),
      p.stdout.readline(), p.stdout.read(10), p.stdout.read(10))
p.wait()
p.stdout.close()

p = subprocess.Popen(['printf', 'a\\nb\\r\\nc'], stdout=PIPE)
print(p.stdout.readlines())
p.wait()
p.stdout.close()

with subprocess.Popen(['printf', 'first\\nsecond\\n'], stdout=PIPE) as p:
    for line in p.stdout:
        print('got', line)
print(p.returncode, p.stdout.closed)

with subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE, text=True) as p:
    print(type(p.stdin).__name__, type(p.stdout).__name__)
    print(p.stdin.write('h\u00e9llo\n'))
    p.stdin.writelines(['w\u00f6rld\n', 'end'])
    p.stdin.close()
    print(repr(p.stdout.read(3)), repr(p.stdout.readline()), p.stdout.readlines())
print(p.returncode)

# Errors, as CPython's BufferedReader/BufferedWriter/TextIOWrapper give them.
def attempt(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE)
attempt('write to reader', p.stdout.write, b'x')
attempt('read from writer', p.stdin.read)
attempt('readline from writer', p.stdin.readline)
attempt('str to bytes pipe', p.stdin.write, 'x')
p.stdin.close()
p.stdout.close()
attempt('write closed', p.stdin.write, b'x')
attempt('flush closed', p.stdin.flush)
attempt('read closed', p.stdout.read)
attempt('readline closed', p.stdout.readline)
attempt('readlines closed', p.stdout.readlines)
attempt('fileno closed', p.stdout.fileno)
attempt('iter closed', iter, p.stdout)
attempt('next closed', next, p.stdout)
attempt('close again', p.stdout.close)
p.wait()

p = subprocess.Popen(['cat'], stdin=PIPE, stdout=PIPE, text=True)
attempt('text write to reader', p.stdout.write, 'x')
attempt('text read from writer', p.stdin.read)
attempt('bytes to text pipe', p.stdin.write, b'x')
p.stdin.close()
p.stdout.close()
attempt('text write closed', p.stdin.write, 'x')
attempt('text read closed', p.stdout.read)
attempt('text readline closed', p.stdout.readline)
attempt('text readable closed', p.stdout.readable)
p.wait()
