# ThreadLocal: one global object, but every thread sees its own
# attributes on it — here each thread binds "its" student.
import threading

local_school = threading.local()


def process_student():
    std = local_school.student  # this thread's student
    print('Hello, %s (in %s)' % (std, threading.current_thread().name))


def process_thread(name):
    local_school.student = name  # bind the student to this thread
    process_student()


t1 = threading.Thread(target=process_thread, args=('Alice',), name='Thread-A')
t2 = threading.Thread(target=process_thread, args=('Bob',), name='Thread-B')
t1.start()
t1.join()
t2.start()
t2.join()
# The main thread never set one.
print(hasattr(local_school, 'student'))
