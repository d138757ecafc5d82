# A module whose body raises is not kept: the next import runs it again.
# Imports inside functions, and of a module with native functions.
for attempt in range(2):
    try:
        import broken_mod
    except RuntimeError as e:
        print("import failed:", e)


def fib_of(n):
    from numeric import fib

    return fib(n)


def limit():
    import numeric

    return numeric.LIMIT, numeric.below_limit(40)


print(fib_of(20), fib_of(30), limit())
import numeric

print(numeric.fib(25), numeric.fib.__module__)
try:
    print(numeric.fib(-1 - 2**70), numeric.fib(2**70) if False else "")
except RecursionError as e:
    print("RecursionError", e)
try:
    broken_mod
except NameError as e:
    print(e)
