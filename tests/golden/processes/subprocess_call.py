# call, check_call and Popen.wait return codes; a child writing to the
# inherited stdout comes in order when the parent flushes first.
import subprocess
import sys

print('call true:', subprocess.call(['true']))
print('call false:', subprocess.call(['false']))
print('call exit 5:', subprocess.call('exit 5', shell=True))
print('call list shell:', subprocess.call(['exit 4'], shell=True))

print('before child', flush=True)
rc = subprocess.call(['echo', 'from the child'])
print('after child', rc, flush=True)
subprocess.call('echo "shell child"; echo "to stderr" >&2', shell=True, stderr=subprocess.DEVNULL)
sys.stdout.flush()

print('check_call:', subprocess.check_call(['true']))
try:
    subprocess.check_call(['sh', '-c', 'exit 9'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError:', e)
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)

try:
    subprocess.check_call(args=['false'])
except subprocess.CalledProcessError as e:
    print(e)

try:
    subprocess.check_call('exit 1', shell=True)
except subprocess.CalledProcessError as e:
    print(e)

p = subprocess.Popen(['sh', '-c', 'exit 12'])
print('wait:', p.wait(), p.returncode, p.poll(), p.wait())

p = subprocess.Popen(['sleep', '0.2'])
print('poll while running:', p.poll())
print('wait:', p.wait(), 'poll:', p.poll())
