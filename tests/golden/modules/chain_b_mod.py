value = 'b'
