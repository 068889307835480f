# statistics: results to the last bit on ints, floats and bools; errors.
import statistics
import random
from statistics import (mean, fmean, median, median_low, median_high, median_grouped, mode, multimode,
                        stdev, pstdev, variance, pvariance, quantiles, harmonic_mean, geometric_mean)

samples = [
    [1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.75], [0.1, 0.2, 0.3], [1, 2.5, 4], [True, False, True], [7],
    [1e50, 1, -1e50] * 3, [10 ** 20, 10 ** 20 + 1, 3], [-1.5, 2, -3.25, 4.125], [0.1] * 10, [1, 1, 2, 3, 3, 3, 4],
    [3.14159, 2.71828, 1.41421, 1.73205], [100, 200, 300, 400, 500, 600], [1 / 3, 2 / 3, 1.0],
]
for data in samples:
    print(data[:6], repr(mean(data)), repr(fmean(data)), repr(median(data)), median_low(data), median_high(data),
          repr(median_grouped(data)))
    if len(data) > 1:
        print('  ', repr(variance(data)), repr(pvariance(data)), repr(stdev(data)), repr(pstdev(data)),
              repr(variance(data, mean(data))), repr(pstdev(data, mu=2)))
print(mode([1, 1, 2, 3, 3]), mode('abracadabra'), mode(['red', 'blue', 'blue', 'red']), multimode('aabbbbccddddeeffffgg'),
      multimode([]), multimode([5]), mode([(1, 2), (1, 2), 3]))
print(quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), quantiles(range(1, 101), n=10), quantiles([1.5, 2.5], n=3),
      quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
                 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95,
                 103, 107, 101, 81, 109, 104], n=10),
      quantiles([1, 2, 3, 4, 5], method='inclusive'), quantiles([3, 1, 2], n=1), quantiles([2, 7], n=5, method='inclusive'))
print(harmonic_mean([40, 60]), harmonic_mean([2.5, 3, 10]), harmonic_mean([40, 60], weights=[5, 30]), harmonic_mean([5]),
      harmonic_mean([1, 0, 3]), geometric_mean([54, 24, 36]), repr(geometric_mean([1.5, 2.5])))
print(median_grouped([52, 52, 53, 54]), median_grouped([1, 3, 3, 5, 7], interval=2), median(iter([3, 1, 2])),
      mean(x for x in range(10)), variance(iter([1, 2, 3, 4])), fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]))
print(mean([float('inf'), 1]), mean([float('nan'), 1]), variance([1.0, float('inf')]), median([float('inf'), 1, 2]))
print(statistics.StatisticsError, statistics.StatisticsError.__mro__[1], type(mean([1, 2])), type(mean([1, 3])),
      type(variance([1, 3, 5])), type(variance([1, 2])), type(pstdev([1, 3])))

random.seed(12345)
lines = []
for trial in range(300):
    kind = trial % 3
    size = random.randint(2, 12)
    if kind == 0:
        data = [random.randint(-1000, 1000) for _ in range(size)]
    elif kind == 1:
        data = [random.uniform(-100, 100) for _ in range(size)]
    else:
        data = [random.choice([random.random(), random.randint(0, 9), random.gauss(5, 2)]) for _ in range(size)]
    lines.append('%r %r %r %r %r %r %r' % (mean(data), fmean(data), median(data), variance(data), pvariance(data),
                                         stdev(data), pstdev(data)))
    lines.append('%r' % (quantiles(data, n=random.randint(2, 6), method=random.choice(['exclusive', 'inclusive'])),))
print('\n'.join(lines))

errors = [
    "mean([])", "fmean([])", "fmean([1, 2], weights=[1])", "fmean([1, -1], weights=[1, -1])", "median([])",
    "median_low([])", "median_high([])", "median_grouped([])", "mode([])", "variance([1])", "pvariance([])",
    "stdev([5])", "pstdev([])", "quantiles([1])", "quantiles([1, 2], n=0)", "quantiles([1, 2], method='x')",
    "harmonic_mean([])", "harmonic_mean([-1, 2])", "harmonic_mean([1, 2], weights=[1])", "harmonic_mean([-1])",
    "geometric_mean([])", "geometric_mean([1, -1])", "mean(['a', 'b'])", "mean([1, 'a'])", "mode([[1], [1]])",
    "variance([1, None])", "median_grouped(['a', 'b'], interval=1)",
]
for case in errors:
    try:
        print(case, '->', repr(eval(case)))
    except Exception as e:
        print(case, '!!', type(e).__name__ + ':', e)
