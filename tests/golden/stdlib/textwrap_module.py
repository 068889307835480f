# textwrap: lines break where CPython's do (hyphens, em-dashes, long words, max_lines), dedent, indent.
import textwrap
import random

samples = [
    "The quick brown fox jumps over the lazy dog. A well-known saying -- used by typists -- to test keyboards!",
    "Hyphenated words like state-of-the-art, e-mail and T-shirt; numbers 10-20 and dashes --- everywhere--and--here.",
    "Supercalifragilisticexpialidocious is a very long word that must be broken across lines somewhere.",
    "Tabs\tand\nnewlines\r\nand  double  spaces.  End of sentence. Another one! Really? \"Quoted.\" Yes.",
    "中文文本也可以被折行处理，但是没有空格的时候就只能按照长度切分了。 mixed with english words too",
    "   leading and trailing whitespace   ",
    "",
    "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z well-to-do x--y ab--cd -- --start end-- ---",
]
for text in samples:
    for width in (1, 5, 12, 20, 33, 70):
        print(width, textwrap.wrap(text, width))
    print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
    print(textwrap.wrap(text, 15, break_on_hyphens=False))
    print(textwrap.wrap(text, 15, break_long_words=False))
    print(textwrap.wrap(text, 18, drop_whitespace=False))
    print(textwrap.wrap(text, 22, fix_sentence_endings=True))
    print(textwrap.wrap(text, 16, max_lines=2))
    print(textwrap.wrap(text, 30, replace_whitespace=False, expand_tabs=False))
    print(repr(textwrap.shorten(text, 30)), repr(textwrap.shorten(text, 40, placeholder="...")))

rng = random.Random(7)
words = ["a", "bb", "ccc", "dddd", "well-known", "x-y", "--", "long-hyphenated-compound", "end.", "Yes!", "q?"]
for _ in range(40):
    text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
    width = rng.randint(3, 30)
    print(textwrap.wrap(text, width), textwrap.wrap(text, width, max_lines=3, placeholder=" ~"))

print(repr(textwrap.dedent("    def f():\n        return 1\n    \n  \n    x = 2\n")))
print(repr(textwrap.dedent("\tone\n\t  two\n\t\tthree\n")))
print(repr(textwrap.dedent("  a\n b\nc")), repr(textwrap.dedent("  \t mixed\n  \tother")))
print(repr(textwrap.indent("one\n\ntwo\n  three\n", "> ")))
print(repr(textwrap.indent("one\n\ntwo\n", "+ ", lambda line: True)))
w = textwrap.TextWrapper(width=10)
print(w.wrap("reuse the same wrapper for two calls"), w.fill("and fill"))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("abc def", 3, max_lines=1, placeholder="....")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
