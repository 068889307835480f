# __del__ of objects freed in other threads runs (once each), in both modes.
import threading


class Counted:
    lock = threading.Lock()
    finalized = 0

    def __del__(self):
        with Counted.lock:
            Counted.finalized += 1


def work(n):
    for i in range(n):
        c = Counted()
        c = None


threads = [threading.Thread(target=work, args=(500,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("finalized", Counted.finalized)


class Said:
    def __del__(self):
        print("del in", threading.current_thread().name)


def one():
    s = Said()
    del s
    print("thread done")


t = threading.Thread(target=one, name="worker")
t.start()
t.join()
print("end")
