# setDaemon(True): a daemon thread ends with the main thread, finished or
# not. The worker would count to 5 over half a second, but the main thread
# only waits a little, then ends — and takes the daemon with it.
import threading
import time


def worker():
    for n in range(1, 6):
        print('守护线程 %s >>> %s' % (threading.current_thread().name, n))
        time.sleep(0.1)
    print('守护线程结束.')  # never printed: the process ends first


t = threading.Thread(target=worker, name='DaemonThread')
t.setDaemon(True)  # same as t.daemon = True
t.start()
time.sleep(0.25)
print('主线程 %s 结束; daemon=%s, 仍在运行=%s' % (threading.current_thread().name, t.daemon, t.is_alive()))
