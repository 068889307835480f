# compile(): code objects that exec and eval run; modes, filenames, errors.
code = compile("a = 5\nprint('a is', a)", "<setup>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
exec(code)
print(a)
print(eval(compile("a * 3", "<expr>", "eval")))
ns = {}
exec(compile("b = 7\ndef f(x):\n    return x + b", "mod.py", "exec"), ns)
print(ns["b"], ns["f"](1))
print(eval(compile("b * 2", "e", "eval"), ns))
exec(compile("1 + 1", "<in>", "single"))
exec(compile("for i in range(2): i\n", "<in>", "single"))
exec(compile(b"print('from bytes')", "<b>", "exec"))
print(compile(source="4", filename="<k>", mode="eval").co_filename)
print(eval(compile("x + 1", "<k>", "eval"), {"x": 41}))
print(eval(compile("1", "<k>", "exec")))
cases = [
    ("x", "f", "bad"),
    (1, "f", "exec"),
    ("x", 1, "exec"),
    ("x", "f", 2),
    ("def", "myfile.py", "exec"),
    ("1 +", "expr.py", "eval"),
    ("a = 1", "<e>", "eval"),
    ("1\n2", "<s>", "single"),
]
for args in cases:
    try:
        compile(*args)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, e.lineno)
    except Exception as e:
        print(type(e).__name__, e)
for kwargs in [{}, {"source": "1"}, {"source": "1", "filename": "f"}]:
    try:
        compile(**kwargs)
    except TypeError as e:
        print(e)
try:
    exec(compile("raise ValueError('inside')", "boom.py", "exec"))
except ValueError as e:
    print("ValueError", e)
for text in ["1;", "1 # trailing comment", "(1 +\n 2)  # c", "  3"]:
    try:
        print(repr(text), eval(text))
    except SyntaxError as e:
        print(repr(text), "SyntaxError", e.msg)
