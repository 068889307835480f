class Counter:
    def __init__(self):
        self.total = 0

    def show(self):
        print(total)


Counter().show()
