# Timeouts: run, call, wait and communicate raise TimeoutExpired; the
# process can be killed and its output collected.
import subprocess
from subprocess import PIPE

try:
    subprocess.run(['sleep', '5'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    # With no pipes the timeout is spent in wait(), which reports the
    # time that was left: a little under 0.3.
    print(type(e).__name__, str(e).startswith("Command '['sleep', '5']' timed out after 0.29"))
    print(e.cmd, 0 < e.timeout <= 0.3, e.output, e.stderr)

try:
    subprocess.run('echo started; exec sleep 5', shell=True, capture_output=True, timeout=1)
except subprocess.TimeoutExpired as e:
    print(e)
    print(e.stdout, e.stderr)

try:
    subprocess.run(['sh', '-c', 'echo text; exec sleep 5'], stdout=PIPE, text=True, timeout=1)
except subprocess.TimeoutExpired as e:
    print(repr(e.output))

try:
    subprocess.call(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('call:', e)

try:
    subprocess.check_output(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('check_output:', e, e.output)

p = subprocess.Popen(['sleep', '5'])
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('wait:', e, p.returncode)
p.kill()
print(p.wait(timeout=5))

p = subprocess.Popen('echo one; exec sleep 5', shell=True, stdout=PIPE)
try:
    p.communicate(timeout=1)
except subprocess.TimeoutExpired as e:
    print('communicate:', e.output)
p.kill()
print(p.communicate())
print(p.returncode)

p = subprocess.Popen(['sleep', '5'], stdout=PIPE)
try:
    p.communicate(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('nothing read yet:', e.output)
p.terminate()
print(p.communicate(), p.returncode)

print(subprocess.run(['true'], timeout=5).returncode)
print(subprocess.run(['echo', 'quick'], capture_output=True, timeout=5).stdout)
p = subprocess.Popen(['true'])
print(p.wait(timeout=5))
