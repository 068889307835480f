# Implicit line joining inside brackets, including comments and blank lines.
result = sum([
    1,

    2,   # comment
    3,
])
print(result)
d = {
    'a': 1,
    'b': (2,
          3),
}
print(d)
def g(a,
      b=2,
      *,
      c=3):
    return a + b + c
print(g(1,
        c=10))
