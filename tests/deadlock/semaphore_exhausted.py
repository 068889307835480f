# A semaphore whose only permit is never given back.
import threading

sem = threading.Semaphore(1)
sem.acquire()


def worker():
    with sem:
        print('never printed')


t = threading.Thread(target=worker)
t.start()
t.join()
