# datetime: the exceptions CPython raises, type and message.
from datetime import date, time, datetime, timedelta, timezone, tzinfo

cases = [
    "date(2020, 13, 1)", "date()", "date(2020, 1)", "datetime(2020, month=1)", "date(2020, 1, day=None)", "date(2020, 2, 30)", "date(2021, 2, 29)", "date(0, 1, 1)", "date(10000, 1, 1)",
    "date('a', 1, 1)", "date(2020.0, 1, 1)", "date(2020, 1, 0)", "date(2020, 4, 31)",
    "time(24)", "time(0, 60)", "time(0, 0, 60)", "time(0, 0, 0, 10**6)", "time(-1)", "time(fold=2)",
    "time(1, tzinfo='x')", "datetime(2020, 1, 1, 25)", "datetime(2020, 1, 1, tzinfo=5)",
    "timedelta(days=10**9)", "timedelta(days=-10**9)", "timedelta('1')", "timedelta(seconds=[1])",
    "timedelta(1) / 0", "timedelta(1) // 0", "timedelta(1) / timedelta(0)", "timedelta(1) // timedelta(0)",
    "timedelta(1) % timedelta(0)", "timedelta(1) / 0.0", "timedelta(1) + 1", "1 + timedelta(1)",
    "timedelta(1) - 1.5", "timedelta(1) < 1", "timedelta(1) >= date(2020, 1, 1)", "timedelta.max + timedelta(1)",
    "timedelta(1) * timedelta(1)", "timedelta(1) // 1.5",
    "date.max + timedelta(1)", "date.min - timedelta(1)", "datetime.max + timedelta(microseconds=1)",
    "datetime.min - timedelta(1)", "date(2020, 1, 1) - 1", "1 - date(2020, 1, 1)", "date(2020, 1, 1) < 1",
    "date(2020, 1, 1) + date(2020, 1, 1)", "date(2020, 1, 1) > 'x'", "datetime(2020, 1, 1) + 1",
    "datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc)",
    "datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=timezone.utc)",
    "date(2020, 1, 1) < datetime(2020, 1, 1)", "datetime(2020, 1, 1) >= date(2020, 1, 1)",
    "date(2020, 1, 2) - datetime(2020, 1, 1)", "datetime(2020, 1, 2) - date(2020, 1, 1)",
    "time(1) < time(1, tzinfo=timezone.utc)", "time(1) + timedelta(1)", "time(1) - time(0)", "time(1) < 5",
    "timezone(timedelta(hours=24))", "timezone(-timedelta(hours=24))", "timezone(5)", "timezone(timedelta(hours=1), 5)",
    "date.fromisoformat('bad')", "date.fromisoformat(5)", "date.fromisoformat('2020-1-01')", "date.fromisoformat('2020-13-01')",
    "date.fromisoformat('2020-01-01T00:00')", "date.fromisoformat('2020-W54')",
    "datetime.fromisoformat('2020-01-01T25:00')", "datetime.fromisoformat('2020-01-01T24:00')",
    "datetime.fromisoformat('2020-01-01T')", "datetime.fromisoformat('2020-01-01T1')", "datetime.fromisoformat('2020-01-01T10:2')",
    "datetime.fromisoformat('2020-01-01T10:20:30.')", "datetime.fromisoformat('2020-01-01T10:20:30Zx')",
    "datetime.fromisoformat('2020')", "datetime.fromisoformat('2020-01-01T10:20+25:00')", "time.fromisoformat('x')",
    "time.fromisoformat('25:00')", "time.fromisoformat('')",
    "datetime.strptime('2020', '%Y-%m')", "datetime.strptime('2020-01xx', '%Y-%m')", "datetime.strptime('2020-13', '%Y-%m')",
    "datetime.strptime('2020-02-30', '%Y-%m-%d')", "datetime.strptime(5, '%Y')", "datetime.strptime('5', 5)",
    "datetime.strptime('5', '%Q')", "datetime.strptime('5', '%')", "datetime.strptime('02-29', '%m-%d')",
    "datetime.strptime('10:20 +05:3000', '%H:%M %z')", "datetime.strptime('Foo', '%a')",
    "date(2020, 1, 1).replace(month=13)", "datetime(2020, 1, 31).replace(month=2)", "date(2020, 1, 1).strftime(5)",
    "date.fromordinal(0)", "date.fromordinal(3652060)", "date.fromtimestamp(1e20)", "datetime.fromtimestamp('x')",
    "datetime.fromtimestamp(float('nan'))", "datetime.utcfromtimestamp(None)",
    "date.fromisocalendar(2020, 54, 1)", "date.fromisocalendar(2021, 53, 1)", "date.fromisocalendar(2020, 1, 8)",
    "date.fromisocalendar(2020, 0, 1)", "date.fromisocalendar(0, 1, 1)",
    "datetime.combine(1, time())", "datetime.combine(date(2020, 1, 1), 2)",
    "datetime(2020, 1, 1).isoformat(timespec='x')", "time().isoformat('days')", "datetime(2020, 1, 1).isoformat('xx')",
    "timezone.utc.utcoffset(5)", "timezone.utc.tzname('x')", "timezone.utc.fromutc(datetime(2020, 1, 1))",
    "timezone.utc.fromutc(5)", "datetime(2020, 1, 1).astimezone(5)", "tzinfo().utcoffset(None)", "tzinfo().dst(None)",
    "format(date(2020, 1, 1), 5)",
]
for case in cases:
    try:
        result = eval(case)
        print(case, '->', repr(result))
    except Exception as e:
        print(case, '!!', type(e).__name__ + ':', e)
