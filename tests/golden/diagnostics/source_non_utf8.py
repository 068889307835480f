print("ok so far")
# no declaration, then a Latin-1 byte:
print("café")
