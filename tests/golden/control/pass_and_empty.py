# pass, ellipsis bodies, and docstring-only bodies.
def nothing():
    pass
def dots():
    ...
def doc_only():
    """Only a docstring."""
class Empty:
    pass
print(nothing(), dots(), doc_only(), Empty.__name__)
for _ in range(2):
    pass
if True:
    pass
print('end')
