# Several threads run and wait for children at once. Waits release the
# interpreter lock: the children below only finish once another thread
# has run (and created the file they wait for), so a wait that kept the
# lock would hang instead of printing.
import subprocess
import threading

WAIT_FOR = 'while [ ! -e %s ]; do sleep 0.01; done; echo %s'

results = {}
started = threading.Semaphore(0)

def worker(n):
    p = subprocess.Popen(['sh', '-c', WAIT_FOR % ('go', 'worker %d' % n)], stdout=subprocess.PIPE, text=True)
    started.release()
    out, err = p.communicate()
    results[n] = (out.strip(), p.returncode)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for _ in threads:
    started.acquire()
# All four children are running, and their threads are waiting in communicate().
open('go', 'w').close()
for t in threads:
    t.join()
print(sorted(results.items()))

# A thread keeps running while the main thread waits for a child.
count = 0

def counter():
    global count
    for i in range(1000):
        count += 1
    open('stop', 'w').close()

t = threading.Thread(target=counter)
t.start()
print(subprocess.run(['sh', '-c', WAIT_FOR % ('stop', 'stopped')], capture_output=True).stdout)
t.join()
print('counter finished during the wait:', count)

# The same with Popen.wait() and call().
t = threading.Thread(target=lambda: open('third', 'w').close())
p = subprocess.Popen(['sh', '-c', WAIT_FOR % ('third', 'third')], stdout=subprocess.DEVNULL)
t.start()
print('wait:', p.wait())
t.join()

# Each thread talks to its own child through pipes.
def talker(n, out):
    p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for i in range(50):
        p.stdin.write(b'%d:%d\n' % (n, i))
        p.stdin.flush()
        out.append(p.stdout.readline())
    p.stdin.close()
    p.stdout.close()
    p.wait()

outs = [[] for _ in range(3)]
threads = [threading.Thread(target=talker, args=(i, outs[i])) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([len(o) for o in outs], outs[1][:2], outs[2][-1])

# read1 returns what has arrived without waiting for more.
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b'partial')
p.stdin.flush()
print(p.stdout.read1(100))
p.stdin.close()
print(p.stdout.read1(100))
p.stdout.close()
p.wait()
