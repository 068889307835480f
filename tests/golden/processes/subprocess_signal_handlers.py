# Python signal handlers run while the main thread waits for a child
# (communicate, wait), and the wait goes on afterwards (PEP 475); an
# exception from a handler ends the wait.
import signal, subprocess, os
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
p = subprocess.Popen(['sh', '-c', 'kill -USR1 %d; sleep 0.2; echo done' % os.getpid()], stdout=subprocess.PIPE)
print(p.communicate(), got)
p = subprocess.Popen(['sh', '-c', 'kill -USR1 %d; sleep 0.2; exit 3' % os.getpid()])
print(p.wait(), got)
def boom(s, f):
    raise RuntimeError('from handler')
signal.signal(signal.SIGUSR1, boom)
p = subprocess.Popen(['sh', '-c', 'kill -USR1 %d; exec sleep 5' % os.getpid()])
try:
    p.wait()
except RuntimeError as e:
    print(e)
p.kill(); print(p.wait())
