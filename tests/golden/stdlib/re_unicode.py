import re

s = 'naïve café — 日本語のテキスト, emoji 😀😀 end'
for pat in [r'\w+', r'caf.', r'[日本語]+', r'😀+', r'(?<=—) \w', r'\s', r'end$', r'.\b']:
    print(pat, [(m.group(), m.span()) for m in re.finditer(pat, s)])
m = re.search(r'(\w+) (\w+)', s)
print(m.span(1), m.span(2), s[m.start(2):m.end(2)])
print(re.compile(r'\w+').search(s, 6), re.compile(r'\w+').match(s, 12, 15), re.compile('.').findall(s, 30, 34))
print(re.sub(r'[^\x00-\x7f]', '?', s))
print(re.split(r'\s*[—,]\s*', s))
print(re.sub(r'(\w)(\w*)', lambda m: m[1].upper() + m[2], 'élan ñandú über'))
print(re.findall(r'(?i)É\w', 'éa Éb ÉC'), re.findall('ǅ', 'ǆ ǅ Ǆ', re.I))
print(re.search(r'\N{EM DASH}', s).span(), re.search('\u00ef', s).start())
print(re.fullmatch(r'\d+', '١٢٣'), re.fullmatch(r'\d+', '١٢٣', re.A))
print(re.search(r'[α-ω]+', 'Ωmega αβγ').group(), re.search(r'[α-ω]+', 'Ωmega αβγ', re.I).group())
print(re.escape('日本 (x)'))
print(repr(re.compile('日本')), re.search('本', '日本'))
text = 'ü' * 1000 + 'abc' + 'ü' * 10 + 'abc'
print([m.span() for m in re.finditer('abc', text)], re.search('abc', text, ).start())
