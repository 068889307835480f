# datetime: construction, reprs, arithmetic, comparisons, calendar methods.
import datetime
from datetime import date, time, datetime as dt, timedelta, timezone

print(datetime.MINYEAR, datetime.MAXYEAR, datetime.date, datetime.timedelta)
print(repr(timedelta(days=1, seconds=3600)), str(timedelta(days=1, seconds=3600)))
for td in [timedelta(0), timedelta(hours=25), timedelta(-1), timedelta(seconds=-1),
           timedelta(weeks=2, days=3, hours=4, minutes=5, seconds=6, milliseconds=7, microseconds=8),
           timedelta(days=-2, hours=3), timedelta(minutes=1.5), timedelta(hours=1/3),
           timedelta(seconds=2.5e-6), timedelta(seconds=3.5e-6), timedelta(days=0.000001)]:
    print(repr(td), '|', td, '|', td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta.min, timedelta.max, timedelta.resolution)
a, b = timedelta(hours=5), timedelta(minutes=90)
print(a + b, a - b, b - a, -a, +a, abs(-a), a * 2, 3 * b, a * 0.5, a / 2, a / 3, a / b, a // b, a % b,
      divmod(a, b), a // 7, a / 0.25, a * 1.1)
print(a > b, a < b, a == timedelta(seconds=18000), a != b, a >= a, b <= a, a == 5, bool(timedelta(0)), bool(b))
print(hash(a) == hash(timedelta(seconds=18000)), {a: 1}[timedelta(hours=5)])
print(sorted([timedelta(3), timedelta(-1), timedelta(seconds=5)]))
print(sum([timedelta(1), timedelta(2)], timedelta(0)))

d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d + timedelta(1), d + timedelta(2), d - timedelta(59),
      timedelta(3) + d, date(2024, 12, 25) - d, d - date(2025, 1, 1))
print(d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()),
      d.toordinal(), date.fromordinal(738944), d.timetuple(), d.ctime())
print(d.replace(day=1), d.replace(year=2023, month=3), date.min, date.max, date.resolution)
for y, m, dd in [(2020, 1, 1), (2021, 1, 3), (2026, 12, 31), (2015, 12, 31), (2008, 12, 29), (2010, 1, 3), (2004, 12, 31), (1, 1, 1), (9999, 12, 31)]:
    x = date(y, m, dd)
    iso = x.isocalendar()
    print(x, iso, date.fromisocalendar(*iso) == x, x.weekday(), x.toordinal(), date.fromordinal(x.toordinal()) == x)
print(date(2020, 1, 1) < date(2020, 1, 2), date(2020, 1, 1) == date(2020, 1, 1), date(2020, 1, 1) != date(2021, 1, 1), date(2020, 1, 1) == 1)
print(sorted([date(2020, 5, 1), date(1999, 1, 1), date(2020, 1, 31)]))
print(max(date(2020, 5, 1), date(2021, 1, 1)), len({date(2020, 1, 1), date(2020, 1, 1)}))

t = time(14, 30)
print(t, repr(t), repr(time()), repr(time(1, 2, 3)), repr(time(1, 2, 3, 4)), time(1, 2, 3, 4), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)
print(time(23, 59, 59, 999999) > t, time(1) == time(1, 0), t.replace(minute=0), time.min, time.max, time.resolution)
print(t.isoformat(), t.isoformat('hours'), t.isoformat(timespec='milliseconds'), time(1, 2, 3, 456789).isoformat('milliseconds'))

x = dt(2024, 3, 10, 8, 5, 3, 120)
print(x, repr(x), repr(dt(2024, 1, 1)), repr(dt(2024, 1, 1, 0, 0, 5)), repr(dt(2024, 1, 1, fold=1)))
print(x.year, x.month, x.day, x.hour, x.minute, x.second, x.microsecond, x.tzinfo)
print(x.date(), x.time(), repr(x.timetz()), x.weekday(), x.isocalendar(), x.toordinal(), x.ctime())
print(x + timedelta(days=30, hours=20), x - timedelta(hours=9), x - dt(2024, 1, 1), dt(2024, 1, 1) - x)
print(x.replace(hour=23, microsecond=0), x.timetuple(), x.timetuple().tm_yday)
print(dt.combine(date(2020, 1, 2), time(3, 4)), dt.combine(d, t, tzinfo=timezone.utc))
print(dt.min, dt.max, dt.resolution, isinstance(x, date), issubclass(dt, date))
print(x > dt(2024, 3, 10), x == dt(2024, 3, 10, 8, 5, 3, 120), x == x.date(), d == dt(2024, 2, 28))
print(sorted([dt(2020, 1, 1, 12), dt(2020, 1, 1), dt(2019, 12, 31, 23, 59)]))
print(len({dt(2020, 1, 1), dt(2020, 1, 1, 0, 0, 0, 0)}))
print(dt(2020, 1, 31) + timedelta(days=1), dt(2020, 12, 31, 23, 59, 59, 999999) + timedelta(microseconds=1))
print(dt(2024, 2, 29).replace(year=2028), (dt(2024, 3, 1) - dt(2024, 2, 1)).days)
print(date.fromordinal(1), date.fromordinal(3652059), dt.fromordinal(730120), dt.fromisocalendar(2020, 53, 7))
print(format(d), format(d, '%d/%m/%Y'), f'{x:%H:%M}', f'{x}', '{:%Y}'.format(x), f'{t:%I %p}')

class MyDate(date):
    pass
md = MyDate(2020, 1, 1)
print(type(md + timedelta(1)).__name__, type(MyDate.today()).__name__, repr(md).startswith('MyDate('))

# now/today/utcnow: types and relations only.
now = dt.now()
print(type(now).__name__, type(dt.today()).__name__, type(date.today()).__name__, type(dt.utcnow()).__name__)
print(now.tzinfo, dt.now(timezone.utc).tzinfo, abs(dt.now() - now) < timedelta(seconds=60))
print(dt.now().year >= 2024, date.today() == dt.now().date() or True)
