# Python names that the generated Rust also uses (the call guard, the
# native tier's depth budget and bail type, Rust keywords, temporaries'
# spellings) are renamed, in native and dynamic code alike.
def native_names(_depth: int, Bail: int) -> int:
    _k1 = 0
    _item1 = 2
    NResult = 3
    for i in range(_depth):
        _k1 += i + Bail + _item1 + NResult
    return _k1


def keywords(type: int, fn: int) -> int:
    loop = type + fn
    return loop


def dynamic_names(x):
    _frame = x + 1
    Bail = _frame * 2
    return Bail


print(native_names(5, 1), keywords(2, 3), dynamic_names(3), dynamic_names(2.5))


# The native accumulator of a self-call loop, and where a flattened
# generator's return value goes.
def accumulated(_acc: int) -> int:
    if _acc <= 0:
        return 0
    return _acc + accumulated(_acc - 1)


def returning(_returned):
    for i in range(_returned):
        yield i
    _returned = "done"
    return _returned


def outer():
    r = yield from returning(2)
    yield r


print(accumulated(10), list(returning(3)), list(outer()))
