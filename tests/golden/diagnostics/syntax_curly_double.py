name = “world”
print(name)
