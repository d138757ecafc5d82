# heapq and bisect: list order after each operation, keys, errors.
import heapq
import bisect
from heapq import heappush, heappop, nlargest, nsmallest, merge
from bisect import bisect_left, insort


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", f(*args, **kwargs))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


# --- heappush / heappop: the list after every step
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0, 6]:
    heappush(h, x)
    print("push", x, h)
while h:
    print("pop", heappop(h), h)

# heapify, heapreplace, heappushpop
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapq.heapify(data)
print("heapify", data)
print("heapreplace", heapq.heapreplace(data, 12), data)
print("heappushpop small", heapq.heappushpop(data, -1), data)
print("heappushpop big", heapq.heappushpop(data, 4), data)
empty = []
print("heappushpop empty", heapq.heappushpop(empty, 3), empty)

# tuples and strs
tasks = []
for prio, name in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat"), (2, "code")]:
    heapq.heappush(tasks, (prio, name))
print("tasks", tasks)
print("order", [heapq.heappop(tasks) for _ in range(len(tasks))])
words = ["pear", "apple", "fig", "banana", "cherry", "date"]
heapq.heapify(words)
print("words", words)


# a user class with __lt__ that logs each comparison
class Job:
    log = []

    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        Job.log.append((self.n, other.n))
        return self.n < other.n

    def __repr__(self):
        return f"Job({self.n})"


jobs = [Job(n) for n in [4, 1, 3, 2, 5, 0]]
heapq.heapify(jobs)
print("jobs", jobs, "comparisons", Job.log)
Job.log.clear()
heapq.heappush(jobs, Job(-1))
print("after push", jobs, Job.log)
Job.log.clear()
print("pop", heapq.heappop(jobs), jobs, Job.log)

# a big heap (the C code's cache-friendly heapify past 2,500 items)
big = [(i * 7919) % 5003 for i in range(5000)]
heapq.heapify(big)
print("big", big[:12], sum(big[i] * i for i in range(0, 5000, 97)))
print("big sorted", [heapq.heappop(big) for _ in range(8)], len(big))

# max-heap helpers of Lib/heapq.py
mx = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(mx)
print("max heap", mx, heapq._heappop_max(mx), mx)

# errors
attempt("pop empty", heapq.heappop, [])
attempt("replace empty", heapq.heapreplace, [], 1)
attempt("push tuple", heapq.heappush, (), 1)
attempt("heapify tuple", heapq.heapify, (3, 1))
attempt("pop str", heapq.heappop, "abc")
attempt("push 1 arg", heapq.heappush, [])
attempt("push kw", heapq.heappush, heap=[], item=1)
mixed = [1, 2]
attempt("push incomparable", heapq.heappush, mixed, "x")
print("mixed after", mixed)


class Grower:
    def __init__(self, heap, n):
        self.heap, self.n = heap, n

    def __lt__(self, other):
        self.heap.append(Grower(self.heap, 99))
        return True


g = []
g.append(Grower(g, 1))
attempt("resize during push", heapq.heappush, g, Grower(g, 2))
print("len after", len(g))

# --- nlargest / nsmallest
nums = [5, 1, 8, 3, 9, 2, 8, 7, 1, 4]
print(nlargest(3, nums), nsmallest(3, nums))
print(nlargest(1, nums), nsmallest(1, nums), nlargest(0, nums), nsmallest(-2, nums))
print(nlargest(20, nums), nsmallest(10, nums))
print(nlargest(3, iter(nums)), nsmallest(4, (x for x in nums)))
print(nlargest(2, []), nsmallest(1, []), nsmallest(3, iter([])))
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("eve", 40), ("fay", 25)]
print(nlargest(2, people, key=lambda p: p[1]))
print(nsmallest(2, people, key=lambda p: p[1]))
print(nsmallest(3, iter(people), key=lambda p: p[1]))
print(nlargest(4, iter(people), key=lambda p: p[1]))
print(nsmallest(2, "hello world"), nlargest(3, "hello world"))
print(nsmallest(2, {3: "a", 1: "b", 2: "c"}))
attempt("nlargest float n", nlargest, 2.5, iter(nums))
attempt("nlargest missing", nlargest, 1)
attempt("nsmallest mixed", nsmallest, 2, iter([3, "a", 1]))

# --- merge
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge(["dog", "horse"], ["cat", "fish", "kangaroo"], key=len)))
print(list(merge([9, 7, 3], [8, 4, 2, 1], reverse=True)))
print(list(merge(["kiwi", "fig"], ["banana", "plum", "yam"], key=len, reverse=True)))
print(list(merge()), list(merge([1, 2])), list(merge([], [3])))
ties = list(merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda t: t[0]))
print(ties)
m = merge(iter([1, 4]), iter([2, 3]))
print(type(m).__name__, next(m), next(m), list(m))
attempt("merge bad kw", merge, [1], keyy=1)
lazy = merge(5, [1])
print("merge is lazy")
attempt("merge non-iterable", list, lazy)
attempt("merge incomparable", list, merge([1, 2], ["a"]))

# --- bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 2, 2), bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 2, hi=3), bisect.bisect_right(a, 2, lo=5))
print(bisect_left(a, 5, hi=None), bisect_left(a, 100, hi=-1), bisect_left(a, 100, hi=-5), bisect_left(a, 5, lo=6, hi=3))
print(bisect_left((10, 20, 30), 25), bisect.bisect_right("aceg", "c"))

grades = "FDCBA"
breakpoints = [60, 70, 80, 90]
print([grades[bisect.bisect(breakpoints, score)] for score in [33, 99, 77, 70, 89, 90, 100]])

records = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print(bisect_left(records, 3, key=lambda r: r[1]), bisect.bisect_right(records, 3, key=lambda r: r[1]))
bisect.insort(records, ("x", 3), key=lambda r: r[1])
bisect.insort_left(records, ("y", 3), key=lambda r: r[1])
print(records)

s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(s, x)
print(s)
bisect.insort_left(s, 5)
bisect.insort_right(s, 5, 0, 3)
bisect.insort(s, 100, lo=50)
print(s)

attempt("lo negative", bisect_left, a, 2, -1)
attempt("lo kw negative", bisect.insort, [1], 2, lo=-3)
attempt("lo None", bisect_left, a, 2, lo=None)
attempt("hi float", bisect.bisect_right, a, 2, hi=1.5)
attempt("missing x", bisect_left, a)
attempt("too many", bisect_left, a, 1, 2, 3, 4)
attempt("bad kw", bisect_left, a, 1, foo=2)
attempt("twice", bisect_left, a, 1, 0, lo=1)
attempt("hi too big", bisect_left, a, 2, 0, 100)
attempt("no len", bisect_left, 5, 2)
attempt("incomparable", bisect_left, [1, 2, 3], "a")
attempt("insort tuple", bisect.insort, (1, 2), 3)
print(bisect.bisect.__name__, bisect.insort.__name__, bisect.bisect_left)
