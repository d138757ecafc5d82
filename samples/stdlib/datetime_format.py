from datetime import date, time, datetime, timedelta, timezone


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


ALL = "%a|%A|%b|%B|%c|%d|%e|%f|%H|%I|%j|%m|%M|%p|%S|%U|%w|%W|%x|%X|%y|%Y|%z|%Z|%%|%G|%V|%u|%C|%D|%F|%R|%T|%h|%k|%l|%P|%r|%s|%n|%t|%g"
for d in [date(2024, 5, 1), date(999, 1, 1), date(1, 1, 1), date(9999, 12, 31), date(2023, 1, 1), date(2024, 12, 30)]:
    print(d.strftime(ALL))
for dt in [datetime(2024, 5, 1, 13, 5, 9, 7), datetime(2024, 5, 1, 0, 0), datetime(2024, 5, 1, 12, 0, 0, 500000),
           datetime(2024, 2, 29, 23, 59, 59, tzinfo=timezone(timedelta(hours=-3, minutes=-30))),
           datetime(2024, 2, 29, 11, 59, 59, tzinfo=timezone(timedelta(hours=5, seconds=7, microseconds=8), "ODD")),
           datetime(2024, 7, 4, tzinfo=timezone.utc)]:
    print(dt.strftime(ALL))
    print(dt.strftime("%:z|%-d|%-m|%-H|%-I|%-j|%_d|%^a|%^B|%10Y|%5d|%Q|%E|%"))
print(time(13, 5, 9, 7).strftime(ALL))
print(time(1, 2, tzinfo=timezone(timedelta(hours=2), "X")).strftime("%z %Z %:z"))
print(date(2024, 5, 1).strftime(""), date(2024, 5, 1).strftime("plain %% text é"), date(2024, 5, 1).strftime("%"))
print(f"{date(2024, 5, 1):%Y/%m/%d}", "{:%H:%M}".format(datetime(2024, 5, 1, 8, 9)), format(time(1), "%H"))
print(f"{date(2024, 5, 1)}", f"{datetime(2024, 5, 1, 8, 9)!r}", f"{date(2024, 5, 1):}")
t(lambda: date(2024, 1, 1).strftime(5))
t(lambda: date(2024, 1, 1).__format__(5))
t(lambda: date(2024, 1, 1).strftime())
# strptime
cases = [("2024-05-01", "%Y-%m-%d"), ("01/05/24 13:05", "%d/%m/%y %H:%M"), ("1/5/70", "%d/%m/%y"),
         ("2024-05-01T13:05:09.123", "%Y-%m-%dT%H:%M:%S.%f"), ("Wed May  1 13:05:09 2024", "%c"),
         ("05/01/24", "%x"), ("13:05:09", "%X"), ("3 PM", "%I %p"), ("12 am", "%I %p"), ("12 PM", "%I %p"),
         ("july 4 2024", "%B %d %Y"), ("JUL 4 2024", "%b %d %Y"), ("Thursday 2024 4 7", "%A %Y %d %m"),
         ("2024-05-01 +0530", "%Y-%m-%d %z"), ("2024-05-01 -05:30:15", "%Y-%m-%d %z"),
         ("2024-05-01 Z", "%Y-%m-%d %z"), ("2024-05-01 +0000 UTC", "%Y-%m-%d %z %Z"),
         ("2024 100", "%Y %j"), ("2024 0 1", "%Y %W %w"), ("2024 10 3", "%Y %U %w"), ("2024 10 3", "%Y %W %u"),
         ("2024 18 3", "%G %V %u"), ("02-29", "%m-%d"), ("2024   05  01", "%Y %m %d"), ("5", "%m"),
         ("2024-05-01", "%Y-%m"), ("2024-05", "%Y-%m-%d"), ("2024", "%Q"), ("2024", "%Y%"),
         ("2024-13-01", "%Y-%m-%d"), ("2024-02-30", "%Y-%m-%d"), ("12:61", "%H:%S"), ("2024 18", "%G %V"),
         ("2024 18 3", "%Y %V %u"), ("[2024]", "[%Y]"), ("2024.05", "%Y.%m"), ("a+b 2024", "a+b %Y"),
         ("2024-05-01 +05:3015", "%Y-%m-%d %z"), ("2024 1 1 1", "%Y %j %G %V")]
for s, f in cases:
    t(lambda: datetime.strptime(s, f))
t(lambda: datetime.strptime(5, "%Y"))
t(lambda: datetime.strptime("2024"))
