import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress,
                       dropwhile, filterfalse, groupby, islice, pairwise,
                       starmap, takewhile, tee, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)
import operator
print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(1.5), 2)))
c = count(3); next(c); print(c, count(1, 2))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat("x", 3)), repeat(1, 2), list(repeat(0, -1)))
print(list(map(pow, range(4), repeat(2))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([1, 2], initial=10)), list(accumulate([])), list(accumulate([3, 1, 4], max)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([k for k, g in groupby("aabbc")])
groups = list(groupby("aabb")); print([list(g) for k, g in groups])
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 1, None, 2)))
print(list(islice("abc", 0)), list(islice(range(10), 2, 8, 3)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
print(list(pairwise("abcd")), list(pairwise("a")))
print(list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(iter([1, 2, 3])); print(list(a), list(b))
x, y, z = tee("ab", 3); print(next(x), list(y), list(z), list(x))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()))
print(list(product("ab", range(2))), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations("abc", 2)), len(list(permutations(range(4)))), list(permutations([], 0)))
print(list(combinations("abcd", 2)), list(combinations(range(3), 5)))
print(list(combinations_with_replacement("abc", 2)))
for bad in [lambda: islice("a", -1), lambda: islice("a", 0, 1, 0), lambda: combinations("a", -1),
            lambda: islice("a"), lambda: product("a", repeat=-1), lambda: count("a")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
