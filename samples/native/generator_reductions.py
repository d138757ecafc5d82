# Reductions over native generators (sum, min, max, any, all, list), and
# generators suspended in loops over list variables, read live.
def numbers(n):
    for i in range(n):
        yield i

def each(xs: list[int]):
    for x in xs:
        yield x * 2

def grow(n: int):
    items = [1, 2]
    for x in items:
        if len(items) < n:
            items.append(x + len(items))
        yield x

def windows(xs: list[float], k: int):
    for i in range(len(xs) - k + 1):
        s = 0.0
        for j in range(k):
            s += xs[i + j]
        yield s / k

def stats(n: int) -> int:
    xs = [5, 3, 9]
    return sum(numbers(n)) * 1000 + max(numbers(n)) + min(each(xs)) + len(list(grow(n)))

def stats2(n: int) -> float:
    xs = [1.0, 2.0, 4.0, 8.0, 16.0]
    return sum(windows(xs, n)) + float(any(numbers(n))) + float(all(numbers(n)))

def literal(n: int) -> int:
    # A list made in the call cannot outlive it: this stays dynamic.
    return sum(each([n, n + 1]))

def empty_max(n: int) -> int:
    return max(numbers(n))

def grows(n: int) -> int:
    # The generator borrows xs while the loop changes it: dynamic.
    xs = [1, 2, 3]
    t = 0
    for x in each(xs):
        if len(xs) < n:
            xs.append(x)
        t += x
    return t


def twice(n: int) -> int:
    xs = [n, 2, 3]
    return sum(each(xs)) + sum(each(xs))


print(grows(5), twice(4))

print(stats(10), stats2(2), stats2(5), list(grow(6)), sum(each([1, 2])))
print(empty_max(3), literal(4))
# max() of nothing: the native code bails, the dynamic code raises.
print(empty_max(0))
