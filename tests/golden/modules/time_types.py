# time functions: types and monotonicity only, never values.
import time
t = time.time()
print(type(t).__name__, t > 1_600_000_000)
p1 = time.perf_counter()
m1 = time.monotonic()
r = time.sleep(0.01)
p2 = time.perf_counter()
m2 = time.monotonic()
print(r, p2 >= p1, m2 >= m1, p2 - p1 >= 0.005)
print(type(time.perf_counter()).__name__, type(time.monotonic()).__name__)
print(type(time.time_ns()).__name__)
