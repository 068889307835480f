# Fill characters and alignment for strings and numbers.
for spec in ['<8', '>8', '^8', '*<8', '#>8', '0>8', '.^9', '=^7']:
    print(f'{"ab":{spec}}|')
for spec in ['=8', '0=8', '+=8', '*=+8', '08', '+08', ' 8']:
    print(f'{-12:{spec}}|{12:{spec}}|')
