class OnlyEnter:
    async def __aenter__(self):
        return self


async def main():
    print("before")
    async with OnlyEnter():
        print("never")


coro = main()
coro.send(None)
