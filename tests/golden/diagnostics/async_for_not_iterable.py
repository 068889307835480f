async def main():
    async for x in 42:
        print(x)


coro = main()
print("driving")
coro.send(None)
