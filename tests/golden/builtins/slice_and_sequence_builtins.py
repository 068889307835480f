# Builtins applied to many sequence types.
for seq in ['abc', [1, 2, 3], (4, 5), range(3), b'xy']:
    print(type(seq).__name__, len(seq), list(seq), list(reversed(seq)), sorted(seq, reverse=True), seq[-1])
