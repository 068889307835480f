# Popen's attributes and repr, and the with statement.
import subprocess

p = subprocess.Popen(['sh', '-c', 'exit 3'])
print(p.args, p.returncode, isinstance(p.pid, int) and p.pid > 0)
print(p.stdin, p.stdout, p.stderr)
p.wait()
print(repr(p))
print(p.returncode)

p = subprocess.Popen('echo "a rather long command line that will not fit in the repr"', shell=True,
                     stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))
print(p.args)

with subprocess.Popen(['sh', '-c', 'exit 2']) as p:
    print('inside', p.returncode)
print('after', p.returncode)

with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b'buffered until close\n')
print(p.returncode, p.stdin.closed, p.stdout.closed)

try:
    with subprocess.Popen(['sleep', '0.1']) as p:
        raise RuntimeError('body failed')
except RuntimeError as e:
    print(e, p.returncode)

p = subprocess.Popen(('echo', 'tuple', 'args'), stdout=subprocess.PIPE)
print(p.args, p.communicate())
print(subprocess.Popen.__name__, subprocess.CompletedProcess.__name__)
print(sorted(n for n in subprocess.__all__))
