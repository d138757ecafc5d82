# An uncaught NameError ends with CPython's "Did you mean" hint: the
# closest name among the function's locals (bound or not), then the
# module's globals, then the builtins. A caught one has no hint in str().
def tally(words):
    counter = 0
    for w in words:
        counter += len(w)
    return countr


try:
    undefined_name
except NameError as e:
    print(repr(e), e.name)
print(NameError("made by hand").name, AttributeError("by hand").name, AttributeError("x").obj)
try:
    [].apend(1)
except AttributeError as e:
    print(str(e), e.name, e.obj)
print(tally(["a", "bc"]))
