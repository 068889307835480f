def scale(x, factor):
    return x * factor


result = scale(
    [1, 2],
    2.5,
)
