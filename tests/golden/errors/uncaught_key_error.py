ages = {'alice': 30}
print(ages['alice'])
print(ages['bob'])
