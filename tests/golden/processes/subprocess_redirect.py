# Redirection: file objects, descriptors, DEVNULL, stderr=STDOUT, stdin
# from a file.
import os
import subprocess

with open('out.txt', 'w') as f:
    subprocess.run(['echo', 'into a file'], stdout=f)
    subprocess.run('echo error into the file >&2', shell=True, stderr=f)
with open('out.txt') as f:
    print(f.read(), end='')

with open('in.txt', 'w') as f:
    f.write('zebra\nant\nmoose\n')
with open('in.txt') as f:
    print(subprocess.check_output(['sort'], stdin=f))

with open('fd.txt', 'w') as f:
    fd = f.fileno()
    subprocess.call(['echo', 'through a descriptor'], stdout=fd)
    subprocess.call(['sh', '-c', 'echo both; echo streams >&2'], stdout=fd, stderr=subprocess.STDOUT)
with open('fd.txt') as f:
    print(f.read().split('\n'))

print(subprocess.run(['echo', 'dropped'], stdout=subprocess.DEVNULL))
print(subprocess.run(['cat'], stdin=subprocess.DEVNULL, capture_output=True))
print(subprocess.run('echo out; echo err >&2', shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
print(subprocess.run('echo out; echo err >&2', shell=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL))
print(subprocess.run('echo out; echo err >&2', shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))

with open('both.txt', 'wb') as f:
    subprocess.run('echo one; echo two >&2; echo three', shell=True, stdout=f, stderr=subprocess.STDOUT)
with open('both.txt', 'rb') as f:
    print(f.read())
print(os.path.getsize('both.txt'))
