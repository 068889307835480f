words = ["a", None, "c"]
upper = [w.upper() for w in words]
