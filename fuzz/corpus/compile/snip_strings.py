x = f"{a!r:>{w}.{p}} {b=} {{c}} {d:%Y}"
y = f'{f"{1+2}"}' rb'\x00' Br"\\" u'\u00e9'
z = """a
b\
c"""
w = '\N{BULLET} \x41 \101 \u0041'
