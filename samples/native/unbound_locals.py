# Locals that may be read before assignment stay native as options: the
# unbound read bails and the dynamic version raises UnboundLocalError.
def last_index(n: int) -> int:
    for i in range(n):
        pass
    return i


def maybe(n: int) -> int:
    if n > 0:
        y = n * 2
    return y


def shadow(n: int) -> int:
    x = 5
    ys = [x * 2 for x in range(n)]
    return x + len(ys)


print(last_index(3), maybe(4), shadow(4))
try:
    print(last_index(0))
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(maybe(0))
