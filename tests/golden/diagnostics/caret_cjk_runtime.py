# Markers under a line with CJK text: wide characters take two columns.
def 计算(数据):
    return 数据["总数"] + 1

记录 = {"总数": "一百"}
print("开始计算")
结果 = 计算(记录) + 2
