print(f'oops }')
