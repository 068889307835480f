# Triple-quoted strings span lines and keep quotes.
s = """first line
second "quoted" line
third 'single' line"""
print(s)
print(len(s.splitlines()))
t = '''a
b'''
print(repr(t))
u = """\
no leading newline"""
print(repr(u))
print("""x""" + '''y''')
print("""She said "hi\"""")
