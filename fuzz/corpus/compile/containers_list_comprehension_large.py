# Larger data.
squares = [i * i for i in range(10000)]
print(len(squares), squares[-1], sum(squares))
evens = {i for i in range(0, 10000, 2)}
print(len(evens), 9998 in evens, 9999 in evens)
index = {i: str(i) for i in range(5000)}
print(len(index), index[4999])
print(sorted(range(10000), key=lambda v: -v)[:3])
