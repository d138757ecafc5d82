# assert with and without messages; the last one is not caught.
def mean(values):
    assert values, "values must not be empty"
    return sum(values) / len(values)

print(mean([1, 2, 3, 4]))
try:
    mean([])
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("bare assert:", repr(e))
x = 7
assert x % 2 == 0, f"x must be even, got {x}"
