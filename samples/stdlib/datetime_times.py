from datetime import date, time, datetime, timedelta, timezone, tzinfo, UTC


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


dt = datetime(2024, 5, 1, 13, 5, 9, 7)
print(dt, repr(dt), dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond, dt.tzinfo, dt.fold)
print(repr(datetime(2024, 5, 1)), repr(datetime(2024, 5, 1, 1, 2, 3)), repr(datetime(2024, 5, 1, fold=1)))
print(dt.date(), dt.time(), repr(dt.timetz()), dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"))
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, dt.isoformat(timespec=spec), datetime(2024, 1, 1).isoformat(timespec=spec), time(1, 2).isoformat(spec))
print(dt.ctime(), dt.weekday(), dt.isocalendar(), dt.toordinal(), dt.timetuple())
print(dt + timedelta(hours=12), dt - timedelta(days=400), dt - datetime(2024, 1, 1), datetime(2024, 1, 1) - dt)
print(dt.replace(year=2000, microsecond=0), dt.replace(tzinfo=timezone.utc), repr(dt.replace(fold=1)))
print(datetime.combine(date(2024, 1, 1), time(1, 30)), datetime.combine(dt, time(5), tzinfo=UTC))
print(datetime.combine(date(2024, 1, 1), time(1, tzinfo=timezone.utc)))
print(datetime.min, datetime.max, datetime.resolution, time.min, time.max, time.resolution)
print(dt > datetime(2024, 5, 1), dt == datetime(2024, 5, 1, 13, 5, 9, 7), hash(dt) == hash(dt.replace()))
print(datetime.fromordinal(738000), datetime.fromisocalendar(2024, 1, 1))
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1700000000.5, UTC))
print(datetime.fromtimestamp(1.5e9 + 0.0000005, UTC), datetime.fromtimestamp(-1.0000005, timezone.utc))
print(datetime.fromtimestamp(86400 * 365, timezone(timedelta(hours=-5))))
print(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp(), datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC).timestamp())
ist = timezone(timedelta(hours=5, minutes=30))
aware = datetime(2024, 5, 1, 12, 0, tzinfo=ist)
print(aware, repr(aware), aware.utcoffset(), aware.tzname(), aware.dst(), aware.timestamp())
print(aware.astimezone(timezone.utc), aware.astimezone(timezone(timedelta(hours=-8), "PST")))
print(repr(aware.astimezone(timezone.utc)), aware.astimezone(ist) is aware)
print(aware == datetime(2024, 5, 1, 6, 30, tzinfo=timezone.utc), aware < datetime(2024, 5, 1, 6, 31, tzinfo=UTC))
print(hash(aware) == hash(datetime(2024, 5, 1, 6, 30, tzinfo=timezone.utc)))
print(aware - datetime(2024, 5, 1, tzinfo=UTC), aware.utctimetuple())
print(aware.strftime("%Y-%m-%d %H:%M:%S %z %:z %Z"), f"{aware:%d/%m/%Y %I:%M %p}", format(aware, ""))
print(dt == aware, dt != aware)
t(lambda: dt < aware)
t(lambda: dt - aware)
t(lambda: datetime(2024, 1, 1, 24))
t(lambda: datetime(2024, 1, 1, 1, 60))
t(lambda: datetime(2024, 1, 1, 1, 1, 60))
t(lambda: datetime(2024, 1, 1, 1, 1, 1, 10**6))
t(lambda: datetime(2024, 1, 1, tzinfo=5))
t(lambda: datetime(2024, 1, 1, fold=2))
t(lambda: datetime(2024, 1))
t(lambda: datetime.max + timedelta(microseconds=1))
t(lambda: datetime.min - timedelta(microseconds=1))
t(lambda: datetime(2024, 1, 1).isoformat(timespec="x"))
t(lambda: datetime(2024, 1, 1).isoformat(sep="ab"))
t(lambda: datetime.combine(1, time(1)))
t(lambda: datetime.combine(date(2024, 1, 1), 1))
t(lambda: datetime(2024, 1, 1).astimezone(5))
t(lambda: datetime(2024, 1, 1) + datetime(2024, 1, 1))
t(lambda: date(2024, 1, 1) - datetime(2024, 1, 1))
t(lambda: datetime(2024, 1, 1) - date(2024, 1, 1))
t(lambda: datetime.fromtimestamp(1e15))
t(lambda: datetime.fromtimestamp("x"))
# time
tm = time(13, 5, 9, 7)
print(tm, repr(tm), repr(time()), repr(time(1, 2, 3)), repr(time(1, 2, 3, 4, tzinfo=timezone.utc, fold=1)))
print(tm.hour, tm.minute, tm.second, tm.microsecond, tm.tzinfo, tm.fold, bool(time()))
print(tm.replace(hour=1), tm.strftime("%H|%M|%S|%f|%p|%I|%Y|%j|%a"), f"{tm:%H.%M}", tm.utcoffset())
tz_t = time(12, 30, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
print(tz_t, tz_t.utcoffset(), tz_t.tzname(), tz_t.isoformat(), tz_t.strftime("%z %Z"))
print(time(1) < time(2), time(12, tzinfo=UTC) == time(13, tzinfo=timezone(timedelta(hours=1))), time(1) == 1)
t(lambda: time(1) < time(1, tzinfo=timezone.utc))
t(lambda: time(1) == time(1, tzinfo=timezone.utc))
t(lambda: time(25))
t(lambda: time(1) - time(0))
t(lambda: time(1) + timedelta(1))
print(time.fromisoformat("12:30:45.1"), time.fromisoformat("12:30:45.1234567"), time.fromisoformat("T1230"))
print(repr(time.fromisoformat("12:30:45Z")), repr(time.fromisoformat("12:30+05:30")), time.fromisoformat("12"))
t(lambda: time.fromisoformat("12:3"))
t(lambda: time.fromisoformat("1"))
t(lambda: time.fromisoformat("12:30:60"))
t(lambda: time.fromisoformat("24:00"))
for s in ["2024-01-01T12", "2024-01-01 12:30:45,5+05:30", "2024-01-01T12:00Z", "20240101T1200",
          "2024-01-01T12:30:45.123+05", "2024-01-01T12:30:45+0530", "2024-01-01T12:30:45-00:00",
          "2024-01-01X12", "2024-W01-2T12", "2024-01-01", "2024W012T10:11:12", "2024-01-01T12:30:45.123456789",
          "2024-01-01T25:00", "2024-01-01T", "2024-01-0112", "2024-01-01T12:30:45-25:00", "2024-01-01T1:2"]:
    t(lambda: datetime.fromisoformat(s))
# timezone
print(timezone.utc, repr(timezone.utc), repr(UTC), UTC is timezone.utc, timezone(timedelta(0)) is timezone.utc)
print(repr(timezone(timedelta(0), "UTC")), repr(ist), str(ist), timezone(-timedelta(hours=5, minutes=30, seconds=1)))
print(repr(timezone(timedelta(hours=1), "CET")), str(timezone(timedelta(hours=1), "CET")), timezone.min, timezone.max)
print(ist.utcoffset(None), ist.tzname(None), ist.dst(None), ist == timezone(timedelta(minutes=330)), hash(timezone.utc))
print(isinstance(ist, tzinfo), issubclass(timezone, tzinfo), type(ist).__name__)
t(lambda: timezone(5))
t(lambda: timezone(timedelta(1)))
t(lambda: timezone(-timedelta(1)))
t(lambda: timezone(timedelta(0), 5))
t(lambda: timezone.utc.utcoffset(5))
print(type(datetime.now()).__name__, datetime.now().tzinfo, datetime.now(timezone.utc).tzinfo)
print(datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(), datetime(2024, 1, 1).astimezone())
print(datetime(2024, 1, 1).timestamp(), datetime.fromtimestamp(0))


class Fixed(tzinfo):
    def __init__(self, minutes):
        self.off = timedelta(minutes=minutes)

    def utcoffset(self, dt):
        return self.off

    def tzname(self, dt):
        return "FX"

    def dst(self, dt):
        return timedelta(0)


fx = Fixed(90)
a2 = datetime(2024, 3, 1, 12, tzinfo=fx)
print(a2, a2.utcoffset(), a2.tzname(), a2.astimezone(UTC), datetime(2024, 3, 1, tzinfo=UTC).astimezone(fx))
print(a2.strftime("%z %Z"), a2 == datetime(2024, 3, 1, 10, 30, tzinfo=UTC))
t(lambda: tzinfo().utcoffset(None))
