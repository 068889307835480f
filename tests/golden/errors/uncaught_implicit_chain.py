try:
    {}['missing']
except KeyError:
    raise ValueError('while handling the KeyError')
