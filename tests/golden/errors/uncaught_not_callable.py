values = [1, 2]
values()
