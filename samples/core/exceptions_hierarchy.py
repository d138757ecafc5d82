# The built-in exception hierarchy, CPython's messages for common errors,
# user-defined exceptions, chaining and exception attributes.
class AppError(Exception):
    pass

class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

class Quiet(Exception):
    def __str__(self):
        return "quiet!"

def attempt(thunk):
    try:
        thunk()
    except (KeyError, IndexError) as e:
        return f"LookupError-family {type(e).__name__}: {e}"
    except ArithmeticError as e:
        return f"ArithmeticError-family {type(e).__name__}: {e}"
    except AppError as e:
        return f"AppError-family {type(e).__name__}: {e}"
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return "no error"

class Foo:
    pass

FIVE = 5

cases = [
    lambda: {}["missing"],
    lambda: [1][5],
    lambda: 1 / 0,
    lambda: 10 % 0,
    lambda: 2.0 ** 10000,
    lambda: int("abc"),
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: Foo().bar,
    lambda: undefined_name,
    lambda: len(5),
    lambda: FIVE(),
    lambda: FIVE[0],
    lambda: iter(5),
    lambda: None.attr,
    lambda: "abc" < 3,
    lambda: {}.pop("k"),
    lambda: [].remove(1),
    lambda: float("x"),
    lambda: (1, 2).append(3),
    lambda: hash([]),
    lambda: int("12", 1),
    lambda: chr(-1),
    lambda: raise_(ValidationError("age", "must be positive")),
    lambda: raise_(Quiet()),
    lambda: None,
]

def raise_(e):
    raise e

for c in cases:
    print(attempt(c))

e = ValidationError("name", "empty")
print(e.args, e.field, repr(e), str(e), isinstance(e, Exception), issubclass(ValidationError, AppError))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(ValueError("a", 1)), str(ValueError("a", 1)))
try:
    try:
        {}["x"]
    except KeyError as inner:
        raise ValueError("bad lookup") from inner
except ValueError as outer:
    print(repr(outer), repr(outer.__cause__), outer.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
except RuntimeError as e2:
    print(repr(e2.__context__), e2.__cause__)
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args)
