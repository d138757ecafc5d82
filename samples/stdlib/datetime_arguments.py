from datetime import datetime, time, date, timedelta
for f in [lambda: datetime(1, 2, 3, 4, 5, 6, 7, None, 0), lambda: time(1, 2, 3, 4, None, 0), lambda: date(1, 2, 3, 4),
          lambda: timedelta(1, 2, 3, 4, 5, 6, 7, 8), lambda: date(2024, 1, 1).replace(1, 2, 3, 4), lambda: date(2024, 1, month=2)]:
    try:
        f()
    except TypeError as e:
        print(e)
for f in [lambda: date(2024, 1, 1, month=2), lambda: date(2024, 1, 1, foo=2), lambda: date(2024, 1, day=1, foo=3),
          lambda: date(year=1, month=1, day=1, foo=2), lambda: timedelta(1, days=2), lambda: time(1, hour=2),
          lambda: date(2024, 1, 1).replace(2025, year=2), lambda: datetime(2024, 1, 1).isoformat("T", "auto", 1),
          lambda: datetime.now(None, None), lambda: datetime(2024, 1, 1, fold=1, foo=2)]:
    try:
        f()
    except TypeError as e:
        print(e)
