# Threads share a bytearray through memoryviews: each writes its own
# slice, the writes land in the one buffer, and exports stay counted.
import threading

N = 4
SIZE = 2000
buf = bytearray(N * SIZE)
view = memoryview(buf)
errors = []


def fill(k):
    part = view[k * SIZE:(k + 1) * SIZE]
    for i in range(SIZE):
        part[i] = (k * 7 + i) % 256
    words = part.cast('H')
    for i in range(len(words)):
        words[i] = words[i]
    part.release()


def resize():
    for _ in range(200):
        try:
            buf.append(0)
        except BufferError as e:
            errors.append(str(e))


threads = [threading.Thread(target=fill, args=(k,)) for k in range(N)]
threads.append(threading.Thread(target=resize))
for t in threads:
    t.start()
for t in threads:
    t.join()

ok = all(buf[k * SIZE + i] == (k * 7 + i) % 256 for k in range(N) for i in range(SIZE))
print(ok, len(buf), len(errors), set(errors))


def reader(out):
    local = memoryview(buf)
    out.append(sum(local[::SIZE]))
    out.append(bytes(local[:3]))


out = []
t = threading.Thread(target=reader, args=(out,))
t.start()
t.join()
print(out)
view.release()
buf.append(1)
print(len(buf))
