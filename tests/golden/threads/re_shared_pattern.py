# One compiled pattern and the module's cache used by several threads at
# once (in both modes): every thread gets every match.
import re
import threading

WORD = re.compile(r'(?P<word>[a-z]+)(?P<num>\d*)')
lines = ['alpha1 beta22 gamma', 'delta epsilon3', 'zeta eta44 theta5'] * 50
results = {}


def work(n):
    found = []
    for i, line in enumerate(lines):
        found.extend(m.group('word') + ':' + m['num'] for m in WORD.finditer(line))
        found.append(re.sub(r'(\d+)', r'<\1>', line))
        # A new pattern each time fills and shares the module cache.
        found.append(str(len(re.findall('%s|a' % 'e' * (i % 7 + 1), line))))
        found.append(re.split(r"\s+", line)[n % 2])
    results[n] = found


threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), [len(results[n]) for n in sorted(results)])
print(results[0][:9])
print(all(results[n] == results[n % 2] for n in results))
print(results[4][5], results[5][5])
