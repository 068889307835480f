# Barrier: parties/n_waiting/broken, wait() returning each index from 0 to
# parties-1 once per round, the action run once per round before anyone is
# released, and reuse of the barrier for several rounds.
import threading
import time

b = threading.Barrier(3)
print(b.parties, b.n_waiting, b.broken)

indices = []
lock = threading.Lock()
def party():
    i = b.wait()
    with lock:
        indices.append(i)
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('indices:', sorted(indices), b.n_waiting, b.broken)

# n_waiting while two of three parties wait
b = threading.Barrier(3)
ts = [threading.Thread(target=b.wait) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.001)
print('n_waiting:', b.n_waiting)
print('main arrives last, its index:', b.wait())
for t in ts:
    t.join()
print('n_waiting after release:', b.n_waiting)

# The action runs once per round, before the parties continue
log = []
def action():
    with lock:
        log.append('action')
b = threading.Barrier(4, action=action)
def phases(tag):
    for r in range(3):
        with lock:
            log.append('arrive %d' % r)
        b.wait()
        with lock:
            log.append('leave %d' % r)
ts = [threading.Thread(target=phases, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# Every round: 4 arrivals, the action, then 4 departures, rounds in order
# (departures of one round may interleave with arrivals of the next)
print(log.count('action'), len(log))
pos = [i for i, x in enumerate(log) if x == 'action']
ok = True
for r, p in enumerate(pos):
    before = log[:p]
    after = log[p + 1:]
    ok = ok and before.count('arrive %d' % r) == 4 and before.count('leave %d' % r) == 0
    ok = ok and after.count('leave %d' % r) == 4
print('action between arrivals and departures in every round:', ok)

# Indices per round over several rounds
b = threading.Barrier(2)
per_round = []
def rounds():
    for _ in range(5):
        i = b.wait()
        with lock:
            per_round.append(i)
ts = [threading.Thread(target=rounds) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(per_round))

# Barrier(1) never blocks; the action sees the result order
b = threading.Barrier(1, action=lambda: log.append('solo'))
print(b.wait(), b.wait(), log[-2:])

# A timeout given to the constructor is the default for wait()
b = threading.Barrier(2, timeout=5)
ts = [threading.Thread(target=b.wait) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('default timeout barrier completed:', b.broken)
