VALUE = 'inner'
