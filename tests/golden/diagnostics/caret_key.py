scores = {"alice": 3}
print(scores["alice"])
print(scores["bob"])
