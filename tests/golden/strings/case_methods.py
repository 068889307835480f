# upper, lower, title, capitalize, swapcase, casefold.
s = 'hello World of PYTHON'
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
print("they're bill's".title(), 'ab12cd'.title(), 'ÉCOLE'.lower(), 'straße'.upper())
print('ß'.casefold(), 'HeLLo'.casefold())
print('123'.upper(), ''.capitalize(), 'a'.capitalize(), 'aBC'.capitalize())
print('hello'.istitle(), 'Hello World'.istitle(), 'HELLO'.isupper(), 'hello'.islower(), '123'.islower())
