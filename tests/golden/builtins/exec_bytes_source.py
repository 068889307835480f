# exec/eval of bytes decode them as a source file would be (PEP 263), and
# report what cannot be decoded, or a NUL byte, as a SyntaxError.
def show(f, src):
    try:
        r = f(src)
        print("ok", repr(r))
    except SyntaxError as e:
        print(type(e).__name__, "|", e, "|", e.lineno, e.offset, repr(e.text))

for src in [
    b'print("plain bytes")',
    b'\xef\xbb\xbfprint("after a BOM")',
    b'# coding: latin-1\nprint("caf\xe9")',
    b'# -*- coding: iso-8859-1 -*-\nprint(len("\xe9\xe8"))',
    b'# coding: cp1252\nprint("\x80")',
    b'# coding: utf-8\nprint("\xe4\xbd\xa0\xe5\xa5\xbd")',
    b'# coding: xyz\nprint(1)',
    b'\xef\xbb\xbf# coding: latin-1\nprint(1)',
    b'# coding: ascii\nprint("\xc3\xa9")',
    b'x\xe1 = 1',
    b'print(1)\x00',
    'print(1)\x00',
    'print("str source")',
]:
    show(exec, src)

show(eval, b'1 + 2')
show(eval, b'# coding: latin-1\n"\xe9"')
show(eval, b'\xef\xbb\xbf"bom"')
