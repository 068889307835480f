# Class bodies execute top to bottom; names are not visible in methods.
class Demo:
    print('class body runs')
    x = 1
    y = x + 1
    items = [x, y]
    def get(self):
        return self.x + self.y
    if x:
        z = 'conditional'
    del x
print(Demo.y, Demo.items, Demo().get() if False else 'skip', Demo.z, hasattr(Demo, 'x'))
