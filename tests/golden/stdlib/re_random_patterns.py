# Random patterns glued from pieces of the syntax, run on a few strings:
# every result (or error message) must be CPython's. pyl's random gives
# CPython's sequence for a seed, so both run the same patterns.
import random
import re
import warnings

warnings.simplefilter('ignore')  # CPython's FutureWarnings about '[['

PIECES = ['(', ')', '(?:', '(?P<n>', '(?P=n)', '(?=', '(?<=a)', '(?!', '(?<!b)', '(?(1)',
          '(?(n)', '|', ')', ')', '*', '+', '?', '{2}', '{1,3}', '{,2}', '*?', '+?', '??',
          '*+', '[a-c]', '[^ab]', '[\\w.]', '[\\s\\d]', '^', '$', '\\1', '\\b', '\\B', '\\w',
          '\\W', '\\d', '\\s', '\\S', '\\Z', '\\A', 'a', 'b', 'c', 'é', '.', '\\n', '\\.',
          'A', '(?i:', '(?s:', '(?m:', '(?-i:', '(?x:', ' ', '(?>', '\\x41', '[]a]', '[-a]',
          'ab', 'ba', '(a)', '(b|a)', '(?:a|)']
FLAGS = [0, re.I, re.M, re.S, re.X, re.A, re.I | re.M, re.M | re.S]
TEXTS = ['abc aab\nbca\n', 'AbC éa\n\nba.b', 'aaaa', '', '\n', 'a\nb\nc', 'xyz', 'a.b-c_d é1 23']

random.seed(1)
for i in range(700):
    p = ''.join(random.choice(PIECES) for _ in range(random.randrange(1, 8)))
    f = random.choice(FLAGS)
    t = random.choice(TEXTS)
    try:
        r = re.compile(p, f)
        m = r.search(t)
        res = (r.findall(t), r.sub('<\\g<0>>', t), r.split(t, 2), m and m.span(),
               m and m.groups(), m and m.lastindex, bool(r.fullmatch(t)),
               r.match(t, 1) and r.match(t, 1).span(), r.search(t, 1, 5) and r.search(t, 1, 5).span())
    except re.error as e:
        res = 'error ' + str(e)
    except Exception as e:
        res = type(e).__name__
    print(repr(p), f, repr(t), res)

# Error paths: unbalanced and half-written syntax.
BROKEN = ['(', ')', '[', ']', '[^', '-', '\\', '\\1', '{', '}', '{2}', '*', '?', '(?', '(?P',
          '(?P<', '>', '(?P=', '(?(', '\\x4', '\\N{', '(?i', 'a', 'b', 'é', '#', ' ', '\n', '|']
random.seed(2)
for i in range(400):
    p = ''.join(random.choice(BROKEN) for _ in range(random.randrange(1, 7)))
    try:
        r = re.compile(p)
        res = (r.findall('ab{2}é\n'), r.groups)
    except re.error as e:
        res = ('error', e.msg, e.pos)
    except Exception as e:
        res = type(e).__name__
    print(repr(p), res)
