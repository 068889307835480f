def show(values):
    for v in values:
        print(v)


show(5)
