# The tutorial's first thread example: a named thread counting to 5 while
# the main thread waits for it with join().
import threading
import time


def loop():
    print('线程 %s 正在执行...' % threading.current_thread().name)
    n = 0
    while n < 5:
        n = n + 1
        print('线程 %s >>> %s' % (threading.current_thread().name, n))
        time.sleep(1)
    print('线程 %s 结束.' % threading.current_thread().name)


print('线程 %s is 正在执行...' % threading.current_thread().name)
t = threading.Thread(target=loop, name='LoopThread')  # 创建线程实例
t.start()  # 启动线程
t.join()  # 主线程执行到此，等待子线执行结束在继续往下执行。
print('线程 %s 结束.' % threading.current_thread().name)
