a = 2
b = "x"
c = (a) * 3 - (b) ** 2  # comment
