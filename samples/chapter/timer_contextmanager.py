# Chapter 11.2: a context manager from a generator (verbatim), then used.
# The elapsed time varies from run to run; samples/chapter/*.mask hides it.
from contextlib import contextmanager
import time
@contextmanager
def timer(label: str):
    start = time.perf_counter()
    try:
        yield # body of the with-block runs here
    finally:
        elapsed = time.perf_counter() - start
        print(f"{label}: {elapsed:.4f}s")
with timer("sorting"):
    data = sorted(range(1_000_000), reverse=True)

print(data[:5], len(data))
try:
    with timer("failing block"):
        raise KeyError("inside")
except KeyError as e:
    print("the finally still printed; then", repr(e))
