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
