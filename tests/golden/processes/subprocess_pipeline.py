# A shell pipeline built from Popen objects: one child's stdout is the
# next one's stdin.
import subprocess
from subprocess import PIPE

p1 = subprocess.Popen(['printf', 'b\\na\\nc\\na\\n'], stdout=PIPE)
p2 = subprocess.Popen(['sort'], stdin=p1.stdout, stdout=PIPE)
p3 = subprocess.Popen(['uniq', '-c'], stdin=p2.stdout, stdout=PIPE, text=True)
p1.stdout.close()
p2.stdout.close()
out, err = p3.communicate()
print([line.split() for line in out.splitlines()], err)
print(p1.wait(), p2.wait(), p3.returncode)

p1 = subprocess.Popen(['echo', 'hello pipeline'], stdout=PIPE)
p2 = subprocess.Popen(['tr', 'a-z', 'A-Z'], stdin=p1.stdout, stdout=PIPE)
p1.stdout.close()
print(p2.communicate()[0])
p1.wait()

print(subprocess.run('echo a b c | wc -w', shell=True, capture_output=True, text=True).stdout.strip())
