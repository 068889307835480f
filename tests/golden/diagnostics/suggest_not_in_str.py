try:
    print(lenght)
except NameError as e:
    print("str:", e)
    print("name:", e.name)
length = 1
print(PRINT)
