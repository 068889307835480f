print('this line must not be printed: compilation fails first')
x = 1
print x
