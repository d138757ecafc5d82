"""Seeded random timedeltas, dates, datetimes and ISO strings (some
malformed), checked against CPython: constructor rounding, arithmetic,
strftime/strptime round trips, and the C parser's fromisoformat quirks."""
import random
from datetime import date, datetime, time, timedelta, timezone

r = random.Random(12345)
out = []
for i in range(40):
    kw = {}
    for k in ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"]:
        c = r.random()
        if c < 0.3:
            kw[k] = r.randint(-10**6, 10**6)
        elif c < 0.6:
            kw[k] = r.uniform(-1000, 1000)
        elif c < 0.7:
            kw[k] = r.randint(-3, 3) + r.choice([0.5, 0.25, 1e-6, 5e-7, 1.5e-6])
    try:
        td = timedelta(**kw)
        out.append(repr(td))
        f = r.uniform(-5, 5)
        out.append(repr(td * f))
        out.append(repr(td / f))
        out.append(repr(td / 7))
        out.append(repr(td // 3))
        out.append(str(td))
        out.append(repr(td.total_seconds()))
        o = timedelta(seconds=r.randint(1, 10**6))
        out.append(repr(divmod(td, o)))
        out.append(repr(td / o))
    except Exception as e:
        out.append(type(e).__name__ + str(e))
for i in range(20):
    n = r.randint(1, 3652059)
    d = date.fromordinal(n)
    out.append(str(d) + " " + repr(d.isocalendar()) + d.strftime(" %a %j %U %W %V %G %u %w %C %y %F %x"))
    out.append(repr(date.fromisocalendar(*d.isocalendar())))
    dt = datetime(d.year, d.month, d.day, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999999))
    out.append(dt.isoformat() + " " + str(datetime.fromisoformat(dt.isoformat())) + " " + dt.ctime())
    try:
        out.append(repr(dt + timedelta(days=r.randint(-10**6, 10**6), microseconds=r.randint(-10**12, 10**12))))
    except OverflowError as e:
        out.append(str(e))
    try:
        out.append(repr(datetime.strptime(dt.strftime("%Y-%m-%d %H:%M:%S.%f %a %b"), "%Y-%m-%d %H:%M:%S.%f %a %b")))
    except ValueError as e:
        out.append(str(e))
    ts = r.uniform(-6e10, 2.5e11)
    try:
        out.append(repr(datetime.fromtimestamp(ts, timezone.utc)))
    except Exception as e:
        out.append(type(e).__name__ + str(e))
print("\n".join(out))

r = random.Random(7)
alphabet = "0123456789-:T W.,+Z"
base = ["2024-05-01T12:30:45.123456+05:30", "20240501T123045", "2024-W18-3T10", "2024W183 1030Z", "12:30:45,5-01:00"]
out = []
for i in range(400):
    s = list(r.choice(base))
    for _ in range(r.randint(0, 3)):
        op = r.random()
        pos = r.randint(0, len(s))
        if op < 0.4 and s:
            del s[min(pos, len(s) - 1)]
        elif op < 0.7:
            s.insert(pos, r.choice(alphabet))
        elif s:
            s[min(pos, len(s) - 1)] = r.choice(alphabet)
    s = "".join(s)
    for f in (date.fromisoformat, datetime.fromisoformat, time.fromisoformat):
        try:
            out.append(repr(f(s)))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
print("\n".join(out))
