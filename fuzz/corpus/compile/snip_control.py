for i in range(3):
    try:
        break
    except (E, F) as e:
        continue
    else:
        pass
    finally:
        del x[1:2:3], y.z
else:
    while (n := n - 1) > 0: ...
with (open(a) as b, c as (d, e),):
    assert x, "m"
    raise E from None
