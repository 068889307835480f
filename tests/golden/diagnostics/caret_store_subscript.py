data = {}
data[[1]] = 2
