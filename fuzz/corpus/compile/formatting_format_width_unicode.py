# Width counts code points.
for s in ['abc', 'héé', '日本', '😀']:
    print(f'[{s:>6}] [{s:<6}] [{s:^6}]', '[%6s]' % s, '[{:*^7}]'.format(s))
