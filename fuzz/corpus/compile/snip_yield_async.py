def gen():
    x = yield
    y = yield x, 1
    return
async def f(): pass
