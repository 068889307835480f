# datetime: timezone, tzinfo subclasses, aware arithmetic, timestamps.
from datetime import date, time, datetime, timedelta, timezone, tzinfo
import datetime as dtmod

utc = timezone.utc
print(repr(utc), str(utc), utc is dtmod.UTC, timezone(timedelta(0)) is utc, repr(timezone(timedelta(0), 'Z')))
ist = timezone(timedelta(hours=5, minutes=30))
est = timezone(-timedelta(hours=5), 'EST')
for z in [ist, est, timezone.min, timezone.max, timezone(timedelta(seconds=-1)), timezone(timedelta(microseconds=1))]:
    print(repr(z), str(z), z.utcoffset(None), z.tzname(None), z.dst(None))
print(ist == timezone(timedelta(minutes=330)), ist == est, hash(ist) == hash(timezone(timedelta(minutes=330), 'x')))

a = datetime(2020, 6, 1, 12, 0, tzinfo=ist)
b = datetime(2020, 6, 1, 1, 30, tzinfo=est)
print(repr(a), a, a.utcoffset(), a.tzname(), a.dst(), a.timetz(), repr(a.timetz()))
print(a - b, b - a, a == b, a < b, a.astimezone(utc), b.astimezone(ist), a.astimezone(est) == a)
print(a.timestamp(), datetime(1970, 1, 1, tzinfo=utc).timestamp(), b.utctimetuple())
print(datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1700000000.5, ist), datetime.fromtimestamp(-1.25, utc))
print(datetime.utcfromtimestamp(86400 * 365.25), datetime.fromtimestamp(1e9, tz=est))
print(repr(datetime.fromtimestamp(1234567890.123456, utc)), repr(datetime.fromtimestamp(0.0000005, utc)), repr(datetime.fromtimestamp(0.0000015, utc)))
print(len({a, b, a.astimezone(utc)}), a.astimezone(utc) == a, hash(a.astimezone(utc)) == hash(a))
print(a.replace(tzinfo=None), repr(a.replace(tzinfo=utc)), a + timedelta(hours=1), (a + timedelta(hours=1)).tzinfo is ist)
print(datetime(2020, 1, 1, tzinfo=utc) == datetime(2020, 1, 1), datetime(2020, 1, 1, tzinfo=utc) != datetime(2020, 1, 1))
print(time(12, tzinfo=ist) < time(7, tzinfo=utc), time(12, tzinfo=ist) == time(6, 30, tzinfo=utc), time(1, tzinfo=ist).utcoffset())

class Fixed(tzinfo):
    def __init__(self, hours, name):
        self.off = timedelta(hours=hours)
        self.name = name
    def utcoffset(self, dt):
        return self.off
    def tzname(self, dt):
        return self.name
    def dst(self, dt):
        return timedelta(0)
    def __repr__(self):
        return 'Fixed(%s)' % self.name

cet = Fixed(1, 'CET')
c = datetime(2021, 12, 31, 23, 30, tzinfo=cet)
print(repr(c), c, c.utcoffset(), c.tzname(), c.dst(), c.strftime('%H:%M %z %Z'), c.astimezone(utc))
print(utc.fromutc(datetime(2020, 1, 1, tzinfo=utc)), cet.fromutc(datetime(2020, 1, 1, tzinfo=cet)))
print(datetime.now(cet).tzinfo, datetime(2022, 1, 1, tzinfo=utc).astimezone(cet), c.timetuple().tm_isdst)

class Broken(tzinfo):
    def utcoffset(self, dt):
        return 5
class Huge(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=30)
for tz in [Broken(), Huge(), tzinfo()]:
    try:
        print(datetime(2020, 1, 1, tzinfo=tz).utcoffset())
    except Exception as e:
        print(type(e).__name__, e)
try:
    tzinfo().tzname(None)
except NotImplementedError as e:
    print('NotImplementedError', e)

# Local time: only relations that hold in every zone.
now = datetime.now()
ts = now.timestamp()
print(type(ts).__name__, datetime.fromtimestamp(ts) == now, date.fromtimestamp(ts) == now.date())
local = now.astimezone()
print(type(local.tzinfo).__name__, local.replace(tzinfo=None) == now, local.utcoffset() is not None)
print(datetime.fromtimestamp(ts, utc) == local, abs(datetime.utcnow() - datetime.now(utc).replace(tzinfo=None)) < timedelta(seconds=5))
print(datetime(2000, 1, 1, 12).timestamp() - datetime(2000, 1, 1).timestamp())
