print(f'value: {}')
