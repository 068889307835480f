# Indentation with different widths and nested blocks; tabs used consistently.
def f(x):
  if x > 0:
        return 'pos'
  elif x < 0:
      return 'neg'
  else:
   return 'zero'
print(f(1), f(-1), f(0))
for i in range(2):
	for j in range(2):
		print(i, j)
if True:

    # comment at a different indentation
        # even deeper
    print('blank lines and comments do not count')
class C:
    pass
print(C.__name__)
