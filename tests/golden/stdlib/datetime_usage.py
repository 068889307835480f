# datetime as student programs use it: ages, deadlines, copies, read-only fields.
import copy
from datetime import date, time, datetime as DT, timedelta, timezone

birthday = date(1990, 7, 15)
today = date(2024, 3, 1)
age = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
print(age, (today - birthday).days, (today - birthday) // timedelta(weeks=1))
d = DT.strptime("2024-03-01 14:30", "%Y-%m-%d %H:%M")
print(d, d.strftime("%A, %B %d, %Y at %I:%M %p"), f"{d:%d.%m.%Y}")
print([str(today + timedelta(days=i)) for i in range(3)])
deadline = DT(2024, 3, 10, 23, 59)
left = deadline - d
print(left, left.days, left.seconds // 3600, left.total_seconds(), f'{left}')
print(isinstance(d, date), type(d) is DT, d.date() == today)
n = 0
for i in range(2000):
    n += (DT(2020, 1, 1) + timedelta(hours=i)).day
print(n)
events = {date(2024, 1, 1): 'new year', date(2024, 12, 25): 'xmas'}
print(events[date(2024, 12, 25)], sorted(events), min(events).isoformat())

aware = DT(2020, 5, 17, 8, 30, tzinfo=timezone(timedelta(hours=2)), fold=1)
for v in [today, d, aware, timedelta(3, 5), time(1, 2, tzinfo=timezone.utc), timezone(timedelta(hours=-4), 'EDT')]:
    c, dc = copy.copy(v), copy.deepcopy([v])[0]
    print(repr(c), c == v, dc == v, type(c) is type(v), getattr(c, 'fold', None))

class Stamp(DT):
    pass
s = Stamp(2020, 1, 2, 3)
print(type(copy.copy(s)).__name__, type(s + timedelta(1)).__name__, type(s.replace(hour=5)).__name__)

for obj, name in [(today, 'year'), (d, 'month'), (d, 'hour'), (timedelta(1), 'days'), (time(1), 'minute'), (aware, 'tzinfo')]:
    try:
        setattr(obj, name, 5)
    except AttributeError as e:
        print(e)
