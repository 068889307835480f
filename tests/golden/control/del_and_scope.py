# del of locals and globals; deleted names raise the right errors.
g = 1
def f():
    global g
    del g
f()
try:
    g
except NameError as e:
    print('NameError', e)
def h():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ': ' + str(e)
print(h())
def unbound():
    try:
        print(w)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    w = 2
unbound()
