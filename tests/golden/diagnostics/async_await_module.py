print("never")
await something
