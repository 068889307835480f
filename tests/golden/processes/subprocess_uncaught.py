# An uncaught CalledProcessError ends the program with its message.
import subprocess

print(subprocess.run(['sh', '-c', 'exit 0'], check=True).returncode)
subprocess.run(['sh', '-c', 'exit 42'], check=True)
print('not reached')
