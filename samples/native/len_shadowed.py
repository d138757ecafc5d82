# A module-level `len` that changes its argument: `len(NAMES)` is then not
# a harmless look, so NAMES is no constant list and `first()` must see the
# change.
NAMES = ["ann", "bob"]


def first() -> str:
    return NAMES[0]


def len(items):
    items[0] = "zed"
    return 2


print(first(), len(NAMES), first())
