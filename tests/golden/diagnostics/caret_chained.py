def parse(text):
    return int(text)


try:
    parse("x1")
except ValueError as e:
    raise RuntimeError("bad input") from e
