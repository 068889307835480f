# time.struct_time from gmtime, strftime, asctime, and their argument checks.
import time
t = time.gmtime(0)
print(t)
print(repr(time.gmtime(1700000000.7)), time.gmtime(-86400 * 365))
print(t.tm_year, t[0], t[-1], t[2:5], len(t), list(t), tuple(t) == t, t == tuple(t), t.tm_zone, t.tm_gmtoff)
y, m, *rest = time.gmtime(1e9)
print(y, m, rest)
print(time.strftime('%Y-%m-%d %H:%M:%S %j %a %A %b %B %p %%', time.gmtime(1e9)))
print(time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1, 0)), repr(time.strftime('', t)))
print(time.asctime(time.gmtime(1e9)), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
cases = ['time.sleep(-1)', 'time.sleep("x")', 'time.sleep(float("nan"))', 'time.gmtime("x")', 'time.strftime("%Y", (1, 2))',
         'time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0))', 'time.strftime("%Y", (2020, 1, 1, 25, 0, 0, 0, 1, 0))',
         'time.mktime((2020, 1, 1))', 'time.strftime(5)', 'time.struct_time((1, 2, 3))',
         'time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 8)).tm_mday', 't < time.gmtime(1)', 'type(t).__name__',
         'time.gmtime(0) == time.gmtime(0.5)', 'time.sleep(0)']
for c in cases:
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
lt = time.localtime(1e9)
print(time.mktime(lt) == 1e9, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.process_time()).__name__)
print(time.ctime(0) == time.asctime(time.localtime(0)), type(time.timezone).__name__, type(time.tzname).__name__, time.daylight in (0, 1))
