# A generator pipeline over 4,000,000 items: produce, filter, transform,
# window and reduce lazily.
def numbers(n):
    for i in range(n):
        yield i

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def scaled(xs, k):
    for x in xs:
        yield x * k

def pairs(xs):
    prev = None
    for x in xs:
        if prev is not None:
            yield prev, x
        prev = x

total = 0
count = 0
for a, b in pairs(scaled(evens(numbers(8_000_000)), 3)):
    total += b - a
    count += 1
print(count, total, sum(x for x in scaled(evens(numbers(1000)), 2) if x % 3 == 0))
