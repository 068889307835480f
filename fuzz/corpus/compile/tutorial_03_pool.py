# The tutorial's process pool example: 5 tasks on a pool of 4 processes.
from multiprocessing import Pool
import os, time, random


def long_time_task(name):
    print('运行任务 %s (%s)...' % (name, os.getpid()))  # os.getpid():获得当前进程的进程号
    start = time.time()
    time.sleep(random.random() * 3)
    end = time.time()
    print('任务%s 运行%0.2f 秒.' % (name, (end - start)))


if __name__ == '__main__':
    print('Parent process %s.' % os.getpid())
    p = Pool(4)  # 创建拥有4个进程数量的进程池
    for i in range(5):
        p.apply_async(long_time_task, args=(i,))
    print('Waiting for all subprocesses done...')
    p.close()
    p.join()
    print('All subprocesses done.')
