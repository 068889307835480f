async def f():
    def g(it):
        async for x in it:
            print(x)
    return g
