match 1:
    case P(a=1, 2):
        pass
