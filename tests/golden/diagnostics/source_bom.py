# A BOM, as Windows editors write, is skipped.
print("BOM skipped", "你好")
