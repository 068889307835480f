# Two threads take turns through a Condition: each waits until it is its
# turn, hundreds of times.
import threading

cond = threading.Condition()
turn = ['ping']
log = []


def player(me, other, rounds):
    for _ in range(rounds):
        with cond:
            while turn[0] != me:
                cond.wait()
            log.append(me)
            turn[0] = other
            cond.notify_all()


a = threading.Thread(target=player, args=('ping', 'pong', 300))
b = threading.Thread(target=player, args=('pong', 'ping', 300))
a.start()
b.start()
a.join()
b.join()
print(len(log), log[:4], all(log[i] != log[i + 1] for i in range(len(log) - 1)))
