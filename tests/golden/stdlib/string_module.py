import string
from string import Template
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.ascii_lowercase, string.ascii_uppercase, string.capwords("hello  big world"))
t = Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}))
print(Template("$who and $missing").safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
try:
    Template("$who").substitute()
except KeyError as e:
    print("KeyError", e)
try:
    Template("cost: $ 5").substitute()
except ValueError as e:
    print(e)
print(Template("a $").safe_substitute(), Template("x${y").safe_substitute())
