# A module-level def rebound by a walrus (in an if test, or leaking out of a
# comprehension) is no longer called directly: calls see the new binding.
def f():
    return 1


def g():
    return f()


print(f(), g())
if (f := lambda: 2):
    print(f(), g())
[f := (lambda: 3) for _ in range(1)]
print(f(), g())
