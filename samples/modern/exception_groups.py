eg = ExceptionGroup("many", [ValueError("a"), TypeError("b"), ExceptionGroup("inner", [KeyError("k"), ValueError("c")])])
print(str(eg), repr(eg))
print(eg.exceptions, eg.message)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
try:
    raise eg
except* ValueError as g:
    print("values:", repr(g))
except* (TypeError, KeyError) as g:
    print("others:", repr(g))
try:
    try:
        raise ExceptionGroup("x", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled value")
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g))
e = ValueError("noted")
e.add_note("first note")
print(e.__notes__)
raise ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [TypeError("t")])])
