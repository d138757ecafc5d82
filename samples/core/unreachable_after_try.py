# Statements after a try whose every branch returns or raises can never run,
# yet they must still translate: a local they read is not "certainly bound"
# just because the code before it never completes.
def work(name, fail):
    try:
        if fail:
            raise ValueError(name)
        return name.upper()
    except KeyError:
        raise
    with open(__file__) as f:
        first = f.readline()
    print(first)


def count(xs):
    for x in xs:
        if x:
            return x
        else:
            continue
        total = x
    return total


def recover(text):
    # The body never completes, so only the handler leads past the try.
    try:
        if text.isdigit():
            return int(text)
        raise ValueError(text)
    except ValueError:
        fallback = -1
    return fallback


print(work("a", False))
print(recover("12"), recover("x"))
try:
    work("b", True)
except ValueError as e:
    print("raised", e)
print(count([0, 0, 3]))
count([])
