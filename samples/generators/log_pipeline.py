# A log processor built from generator pipelines: the program writes a log
# file, then parses, filters, windows and aggregates it lazily; generators
# suspended inside try/finally and with blocks are closed and thrown into.
import re
from collections import Counter, defaultdict
from itertools import groupby, islice

LINES = [
    "2026-12-01 10:00:01 INFO  api     GET /users 200 12ms",
    "2026-12-01 10:00:02 WARN  api     GET /users/7 404 3ms",
    "2026-12-01 10:00:02 INFO  worker  job=42 started",
    "2026-12-01 10:00:03 ERROR api     POST /orders 500 120ms",
    "garbage line without structure",
    "2026-12-01 10:01:00 INFO  api     GET /health 200 1ms",
    "2026-12-01 10:01:05 ERROR worker  job=42 failed: timeout",
    "2026-12-01 10:01:09 INFO  api     GET /users 200 15ms",
    "2026-12-01 10:02:00 INFO  worker  job=43 started",
]
with open("app.log", "w") as f:
    for line in LINES:
        f.write(line + "\n")

PATTERN = re.compile(r"(?P<date>\S+) (?P<time>\S+) (?P<level>[A-Z]+)\s+(?P<src>\w+)\s+(?P<msg>.*)")


def read_lines(path, log):
    with open(path) as f:
        try:
            for line in f:
                yield line.rstrip("\n")
        finally:
            log.append(f"closed {path}")


def parse(lines, rejects):
    for line in lines:
        if m := PATTERN.fullmatch(line):
            yield m.groupdict()
        else:
            rejects.append(line)


def only(records, *levels):
    return (r for r in records if r["level"] in levels)


def minute(record):
    return record["time"][:5]


log, rejects = [], []
records = list(parse(read_lines("app.log", log), rejects))
print(len(records), "records;", "rejected:", rejects, log)
print(Counter(r["level"] for r in records).most_common())
for key, group in groupby(records, key=minute):
    print(key, [r["src"] for r in group])
by_src = defaultdict(list)
for r in only(records, "ERROR", "WARN"):
    by_src[r["src"]].append(r["msg"])
print(dict(by_src))
durations = [int(m.group(1)) for r in records if (m := re.search(r"(\d+)ms$", r["msg"]))]
print(durations, sum(durations) / len(durations), max(durations))

# Closing a pipeline early runs the innermost finally (and closes the file).
log.clear()
head = list(islice(parse(read_lines("app.log", log), []), 2))
print([r["level"] for r in head], log)
gen = read_lines("app.log", log)
print(next(gen)[:10])
gen.close()
print(log)


def guarded(items):
    for item in items:
        try:
            yield item
        except ValueError as e:
            yield f"recovered from {e}"
        finally:
            print("  finally for", item)


g = guarded(["a", "b"])
print(next(g))
print(g.throw(ValueError("bad a")))
print(next(g))
g.close()
print("closed:", g.gi_frame is None if hasattr(g, "gi_frame") else True)
