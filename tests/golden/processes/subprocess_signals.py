# kill, terminate and send_signal: negative return codes and the
# "died with <Signals.X: n>" message.
import subprocess

p = subprocess.Popen(['sleep', '5'])
p.kill()
print(p.wait())

p = subprocess.Popen(['sleep', '5'])
p.terminate()
print(p.wait())

p = subprocess.Popen(['sleep', '5'])
p.send_signal(2)
print(p.wait())

p = subprocess.Popen(['sleep', '5'])
p.send_signal(10)
print(p.wait(), p.poll())
p.kill()
p.terminate()
print(p.returncode)

r = subprocess.run(['sh', '-c', 'kill -9 $$'])
print(r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e)

try:
    subprocess.run('kill -TERM $$', shell=True, check=True)
except subprocess.CalledProcessError as e:
    print(e)

print(subprocess.call(['sh', '-c', 'kill -HUP $$']))
try:
    subprocess.check_call(['sh', '-c', 'kill -USR2 $$'])
except subprocess.CalledProcessError as e:
    print(e)
