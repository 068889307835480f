# subprocess.run: list and string arguments, captured output, shell=True,
# text mode, CompletedProcess and its repr.
import subprocess

r = subprocess.run(['echo', 'hi'], capture_output=True)
print(r)
print(r.args, r.returncode, r.stdout, r.stderr)
print(type(r).__name__, isinstance(r, subprocess.CompletedProcess))

r = subprocess.run(['echo', 'hi'], stdout=subprocess.PIPE)
print(r)

r = subprocess.run(['true'])
print(r)
r = subprocess.run(['false'])
print(r)

r = subprocess.run('echo one two; echo three >&2', shell=True, capture_output=True)
print(r)

r = subprocess.run(['sh', '-c', 'exit 3'])
print(r.returncode)

r = subprocess.run(['printf', '%s-%s\\n', 'a', 'b', 'c'], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
print(r)

r = subprocess.run(['cat'], input=b'piped in\n', capture_output=True)
print(r.stdout)

r = subprocess.run(['tr', 'a-z', 'A-Z'], input='hello text\n', capture_output=True, text=True)
print(r.stdout, end='')

r = subprocess.run(('wc', '-c'), input=b'12345', stdout=subprocess.PIPE)
print(int(r.stdout))

r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 7'], capture_output=True, universal_newlines=True)
print(r)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print('check_returncode:', e)
    print(e.returncode, e.cmd, repr(e.stdout), repr(e.stderr), repr(e.output))

print(subprocess.run(['true']).check_returncode())

try:
    subprocess.run(['sh', '-c', 'echo partial; exit 2'], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.stdout, e.stderr)

print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
