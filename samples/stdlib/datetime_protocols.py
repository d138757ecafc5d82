import datetime as dtm
from datetime import date, datetime, timedelta, timezone, time


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = date(2024, 5, 1)
match d:
    case date(year=2024, month=m):
        print("matched", m)
print(max(d, date(2025, 1, 1)), min([datetime(2024, 1, 1), datetime(2023, 1, 1)]))
print(dtm.timedelta(hours=1) in [timedelta(minutes=60)])
print(date.today.__name__, repr(date.isoformat)[:30], date.isoformat(d), datetime.date(datetime(2024, 1, 2, 3)))
print(timedelta.total_seconds(timedelta(1)), datetime.strftime(datetime(2024, 1, 1), "%Y"))
t(lambda: date.isoformat(5))
t(lambda: timedelta(1).__add__())
print(d.__class__, d.__class__.__name__, datetime.__bases__, date.__mro__)
print(str(timedelta(days=-3, hours=5)), timedelta(days=1) * True)
print(datetime(2024, 1, 1, 12) + timedelta(days=-0.5), date(2024, 3, 1) - timedelta(days=1))
print(getattr(d, "year"), hasattr(d, "foo"), hasattr(d, "replace"))
print(timedelta(days=1) == timedelta(hours=24), timedelta(1) is not timedelta(1))
print(datetime(2024, 1, 1).__eq__(date(2024, 1, 1)), date(2024, 1, 1).__eq__(5))
