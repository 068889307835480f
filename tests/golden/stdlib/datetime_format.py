# datetime: strftime, strptime, isoformat and fromisoformat.
from datetime import date, time, datetime, timedelta, timezone

x = datetime(2020, 3, 5, 14, 7, 9, 1234)
for f in ['%Y-%m-%d %H:%M:%S.%f', '%j %a %A %b %B %p %y %I %%', '%c|%x|%X', '%U %W %w %u %G %V',
          '%e %C %F %D %T %R %r', '%z|%Z|', '%Q%', 'plain text', '%d/%m/%Y %I:%M %p']:
    print(repr(f), repr(x.strftime(f)))
for d in [datetime(1, 1, 1), datetime(999, 12, 31, 0, 0), datetime(2021, 1, 3, 12), datetime(2024, 12, 30, 23, 59)]:
    print(d.strftime('%Y %y %j %U %W %G-W%V-%u %I%p %a %b'))
print(date(2020, 1, 1).strftime('%Y %H:%M:%S %f %a'), time(9, 5, 1, 7).strftime('%H|%I|%M|%S|%f|%p|%Y-%m-%d|%j'))
tz = timezone(timedelta(hours=5, minutes=30))
aw = datetime(2020, 3, 5, 14, 7, 9, tzinfo=tz)
print(aw.strftime('%z %Z'), datetime(2020, 1, 1, tzinfo=timezone.utc).strftime('%z %Z'),
      datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=-3), 'BRT')).strftime('%z %Z'),
      time(1, tzinfo=timezone(timedelta(seconds=-3725))).strftime('%z'))

for s, f in [('2023-07-04', '%Y-%m-%d'), ('04/07/23 5:06 PM', '%d/%m/%y %I:%M %p'),
             ('12 AM', '%I %p'), ('12 pm', '%I %p'), ('Tuesday, 5 March 2024', '%A, %d %B %Y'),
             ('mar 5 24', '%b %d %y'), ('2024-03-05T10:20:30.5', '%Y-%m-%dT%H:%M:%S.%f'),
             ('1231', '%m%d'), ('2024 100', '%Y %j'), ('  2024   3', '%Y %m'), ('2024 3', ' %Y   %m'),
             ('10:20 +0530', '%H:%M %z'), ('10:20 -05:00', '%H:%M %z'), ('10:20 Z', '%H:%M %z'),
             ('10:20 +01:02:03.5', '%H:%M %z'), ('10:20 UTC', '%H:%M %Z'), ('10:20 +0100 UTC', '%H:%M %z %Z'),
             ('69', '%y'), ('68', '%y'), ('2024 10 2', '%Y %W %w'), ('2024 0 0', '%Y %U %w'),
             ('2021 05 3', '%G %V %u'), ('100%', '%d%%'), ('Thu Mar  5 14:07:09 2020', '%c'),
             ('03/05/20', '%x'), ('5', '%d'), ('2024-1-2', '%Y-%m-%d'), ('12:5:9', '%H:%M:%S'),
             ('59 61', '%M %S')]:
    try:
        r = datetime.strptime(s, f)
        print(repr(s), repr(f), repr(r))
    except ValueError as e:
        print(repr(s), repr(f), 'ValueError:', e)

for v in [date(2020, 1, 2), time(3, 4, 5), time(3, 4, 5, 6), datetime(2020, 1, 2, 3, 4, 5, 6),
          datetime(2020, 1, 2, tzinfo=timezone(timedelta(hours=-1, seconds=-30))),
          time(1, tzinfo=timezone(timedelta(microseconds=5)))]:
    print(v.isoformat(), str(v))
y = datetime(2020, 1, 2, 3, 4, 5, 678901)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, y.isoformat(timespec=spec), y.isoformat(' ', spec), y.time().isoformat(spec))

for s in ['2020-01-02', '20200102', '2020-W01', '2020W015', '2020-W01-5', '2020-W53-7', '0001-01-01', '9999-12-31']:
    print(s, repr(date.fromisoformat(s)), repr(datetime.fromisoformat(s)))
for s in ['2020-01-01T10', '2020-01-01 10:20', '2020-01-01T10:20:30.5', '2020-01-01T10:20:30,123456789',
          '2020-01-01T102030', '2020-01-01T10:20:30Z', '2020-01-01T10:20+05:30', '2020-01-01T10:20:30-0530',
          '2020-01-01T10:20:30+05', '2020-01-01X10', '20200101T1020', '2020-01-01T10:20:30+05:30:15.5',
          '2020-01-01T10:20:30.123', '2020-01-01T00:00:00+00:00', '2020-W01-1T01', '2020W01T0102']:
    print(s, repr(datetime.fromisoformat(s)))
for s in ['10:20', 'T10:20:30', '10:20:30.25', '102030', '10:20:30+01:00', '10:20Z', '20200101', '2020-01']:
    print(s, repr(time.fromisoformat(s)))
for v in [datetime(2021, 5, 6, 7, 8, 9, 10, tzinfo=timezone(timedelta(hours=2))), date(1999, 12, 31), time(23, 0, 0, 5)]:
    print(type(v).fromisoformat(v.isoformat()) == v)

# glibc's strftime flags, which CPython passes through on Linux.
z = datetime(2024, 3, 5, 9, 7, 3)
for f in ['%-d', '%-m', '%-H', '%-I', '%-M', '%-S', '%-j', '%-y', '%_d', '%_m', '%_H', '%^a', '%^B', '%0e', '%-e',
          '%-Y', '%_j', '%^p', '%-a', '%-%', '%-', '%-Q', '%-d/%-m/%Y %-I:%M %p', '%-f', '%_S']:
    print(repr(f), repr(z.strftime(f)))
print(repr(datetime(5, 1, 1).strftime('%-Y|%_Y|%Y')), repr(datetime(2020, 1, 1, 0, 0).strftime('%-H %-M %_M %-S')))
