# Imported by import_once.py: its body joins a thread that imports another
# module.
import threading

got = []


def load():
    import import_once_inner_mod
    got.append(import_once_inner_mod.VALUE)


t = threading.Thread(target=load)
t.start()
t.join()
INNER = got
