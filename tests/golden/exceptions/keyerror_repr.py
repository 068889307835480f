# KeyError's str is the repr of the key.
for key in ['name', 1, (1, 2), None, '', "quote's", 2.5]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), repr(e), e.args)
