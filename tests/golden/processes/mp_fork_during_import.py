# A fork while another thread is in the middle of an import: the child is
# not stuck behind the import lock that thread held, and can import.
import multiprocessing as mp
import threading

importing = threading.Event()


def load():
    import slow_import_mod
    print('thread imported', slow_import_mod.VALUE)


def child():
    import quick_import_mod
    print('child imported', quick_import_mod.VALUE, flush=True)


if __name__ == '__main__':
    t = threading.Thread(target=load)
    t.start()
    importing.wait()
    p = mp.Process(target=child)
    p.start()
    p.join(20)
    print('child exit code', p.exitcode)
    t.join()
