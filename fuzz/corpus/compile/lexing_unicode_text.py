# Non-ASCII source text and identifiers.
s = 'héllo wörld'
print(s, len(s))
print('日本語', len('日本語'))
print('emoji: 😀', len('😀'))
café = 3
π = 3.14
print(café, π)
print('ß'.upper(), 'Ä'.lower())
print(repr('é'), ascii('é'), ascii('😀'))
print('\u00e9' == 'é')
print(ord('é'), chr(233), ord('😀'))
