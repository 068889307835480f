# check_output: bytes and text, stderr=STDOUT, input, errors.
import subprocess

print(subprocess.check_output(['echo', 'hello']))
print(repr(subprocess.check_output(['echo', 'hello'], text=True)))
print(repr(subprocess.check_output('echo a; echo b >&2', shell=True, stderr=subprocess.STDOUT)))
print(repr(subprocess.check_output('echo a; echo b >&2', shell=True, stderr=subprocess.DEVNULL)))
print(subprocess.check_output(['cat'], input=b'given input'))
print(subprocess.check_output(['cat'], input='text input', universal_newlines=True))
print(repr(subprocess.check_output(['cat'], input=None)))
print(repr(subprocess.check_output(['cat'], input=None, text=True)))
print(subprocess.check_output(['sort'], input=b'pear\napple\nfig\n').decode().split())
print(subprocess.check_output(['printf', 'caf\u00e9 \u4e16\n'], encoding='utf-8'), end='')

try:
    subprocess.check_output(['sh', '-c', 'echo some output; exit 3'])
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode, e.output, e.stdout, e.stderr)

try:
    subprocess.check_output(['sh', '-c', 'echo x; echo y >&2; exit 1'], stderr=subprocess.PIPE)
except subprocess.CalledProcessError as e:
    print(e.output, e.stderr)

for kw in ({'stdout': None}, {'check': False}):
    try:
        subprocess.check_output(['true'], **kw)
    except ValueError as e:
        print('ValueError:', e)
