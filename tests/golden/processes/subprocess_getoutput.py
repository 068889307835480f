# getoutput and getstatusoutput run a shell command, output and status.
import subprocess

print(repr(subprocess.getoutput('echo hello')))
print(repr(subprocess.getoutput('printf "two\\nlines\\n\\n"')))
print(subprocess.getstatusoutput('echo fine'))
print(subprocess.getstatusoutput('echo failing; exit 3'))
print(subprocess.getstatusoutput('echo to stderr >&2; exit 1'))
print(subprocess.getstatusoutput('kill -9 $$'))
print(subprocess.getstatusoutput('true'))
status, out = subprocess.getstatusoutput('nosuchcommand_xyz')
print(status, 'not found' in out)
