length = 10
print(lenght)
