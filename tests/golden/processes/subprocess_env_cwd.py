# env replaces the child's environment; cwd sets its directory; changes to
# os.environ reach children started with env=None.
import os
import subprocess

out = subprocess.run(['env'], env={'ALPHA': '1', 'BETA': 'two words'}, capture_output=True, text=True).stdout
print(sorted(out.splitlines()))

out = subprocess.check_output(['sh', '-c', 'echo "$GREETING, $NAME"'], env={'GREETING': 'hello', 'NAME': 'pyl'})
print(out)

print(subprocess.run('echo "[$UNSET_VARIABLE_XYZ]"', shell=True, env={}, capture_output=True).stdout)

os.environ['PYL_SUBPROCESS_TEST'] = 'from os.environ'
print(subprocess.check_output('echo $PYL_SUBPROCESS_TEST', shell=True))
del os.environ['PYL_SUBPROCESS_TEST']
print(subprocess.check_output('echo "[$PYL_SUBPROCESS_TEST]"', shell=True))

env = dict(os.environ)
env['EXTRA'] = 'extra value'
print(subprocess.check_output(['sh', '-c', 'echo $EXTRA'], env=env, text=True), end='')

os.mkdir('sub')
os.mkdir(os.path.join('sub', 'inner'))
here = subprocess.check_output(['pwd'], text=True).strip()
there = subprocess.check_output(['pwd'], cwd='sub', text=True).strip()
print(there == os.path.join(here, 'sub'), os.path.basename(there))
print(subprocess.check_output('ls', cwd=os.path.join('sub'), shell=True))
print(os.path.basename(subprocess.check_output(['pwd'], cwd=os.path.join('sub', 'inner'), text=True).strip()))
print(os.getcwd() == here)

with open(os.path.join('sub', 'script.sh'), 'w') as f:
    f.write('#!/bin/sh\necho "script ran in $(basename "$(pwd)")"\n')
os.chmod(os.path.join('sub', 'script.sh'), 0o755)
print(subprocess.check_output(['./script.sh'], cwd='sub'))
print(subprocess.check_output([os.path.join('sub', 'script.sh')]) == b'script ran in %s\n' % os.path.basename(here).encode())

try:
    subprocess.run(['env'], env={'BAD=NAME': 'x'})
except ValueError as e:
    print('ValueError:', e)
try:
    subprocess.run(['env'], env={'N': 1})
except TypeError as e:
    print('TypeError:', e)
