# 一个语法错误: the caret of a SyntaxError after CJK text.
print("你好，世界")
问候 = ("你好", 世 界)
