# match, case and _ stay ordinary names outside match statements.
match = 3
print(match)
case = 4
print(case)
_ = 5
print(_)
match += 1
print(match)


def match_(*a):
    return a


def match(*a):
    return ("called", a)


print(match(1, 2))
print(match (1))
print(match(
    1,
))
match = [1, 2, 3]
print(match[0])
match[1] = 9
print(match)


class C:
    match = "attr"
    case = "case attr"


print(C.match, C().case)
match: int = 7
print(match)
case = lambda x: x + 1
print(case(1))
d = {"match": 1, "case": 2}
print(d["match"], d["case"])
print([match for match in range(3)])

match = {"case": 1}
match match:
    case {"case": case}:
        print("soft keywords as subject and capture", case)

case = 5
match case:
    case case if case > 3:
        print("case named case", case)

match (1, 2):
    case (match, case):
        print("captured match and case", match, case)


def inner():
    match = 1
    match match:
        case 1:
            case = "inner case"
            print(case)
            match case:
                case "inner case":
                    print("nested match")
    return match


print(inner())
_ = "underscore"
match 1:
    case _:
        print("wildcard does not bind; _ is still", _)
print(*[match for match in "ab"])
if True:
    match = 1
    match match:
        case 1:
            print("match inside if")
