# if/elif/else, while and for with else, break/continue, and try/finally
# interactions with return, break and continue.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2:
        return "odd"
    else:
        return "even"

print([classify(n) for n in (-3, 0, 7, 10)])

def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")

find([4, 5, 6], 5)
find([4, 5, 6], 9)

n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print("multiple of 3:", n)
else:
    print("while finished with n =", n)

def tricky():
    try:
        return "from try"
    finally:
        print("finally runs before return")

def override():
    try:
        return "try"
    finally:
        return "finally wins"

def swallow():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError("boom")
        finally:
            if i == 1:
                break
    return i

print(tricky(), override(), swallow())

def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(loop_with_finally())

def nested_try():
    log = []
    try:
        try:
            log.append("inner")
            raise KeyError("k")
        except KeyError:
            log.append("caught")
            raise ValueError("converted")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer {e}")
    else:
        log.append("no error")
    finally:
        log.append("outer finally")
    return log

print(nested_try())
x = 5
result = "big" if x > 3 else "small"
print(result, x > 3 and "yes", x < 3 or "fallback", not x, 1 < x <= 5 < 10)
