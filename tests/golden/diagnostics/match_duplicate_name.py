match [1, 1]:
    case [x, x]:
        pass
