# A syntax error on a late line still prevents every earlier line from running.
print('line 2 must not print')
def ok():
    return 1
for i in range(3):
    print(i)
class C:
    def method(self):
        return 2
result = ok() +
print(result)
