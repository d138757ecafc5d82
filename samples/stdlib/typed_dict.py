# typing.TypedDict: class syntax (total=False, inheritance, Required and
# NotRequired), the functional form, and instances being plain dicts.
from typing import NotRequired, Required, TypedDict


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Movie(TypedDict):
    """A film."""

    title: str
    year: int


m = Movie(title="Blade Runner", year=1982)
print(m, type(m) is dict, type(m).__name__, m == {"title": "Blade Runner", "year": 1982})
m["rating"] = 8.1
print(m, len(m), list(m), m.get("year"), "title" in m)
print(Movie.__annotations__, Movie.__total__, Movie.__doc__)
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), type(Movie.__required_keys__).__name__)
print(Movie.__name__, Movie.__qualname__, Movie.__module__, [c.__name__ for c in Movie.__mro__])
print(Movie.__orig_bases__[0].__name__, Movie.__bases__)
print(Movie(), Movie({"title": "x"}), Movie([("year", 1)], title="t"), Movie(m) == m, Movie(m) is m)


class Options(TypedDict, total=False):
    verbose: bool
    level: int
    name: Required[str]


o = Options(name="cfg")
print(o, Options.__total__, sorted(Options.__required_keys__), sorted(Options.__optional_keys__))
print(Options.__annotations__)


class Base(TypedDict):
    id: int
    note: NotRequired[str]


class Derived(Base, total=False):
    extra: list
    must: Required[int]


class Final(Derived):
    last: str


for cls in (Base, Derived, Final):
    print(cls.__name__, list(cls.__annotations__), sorted(cls.__required_keys__), sorted(cls.__optional_keys__), cls.__total__)
print(Derived.__orig_bases__[0].__name__, Final.__orig_bases__[0].__name__, [c.__name__ for c in Final.__mro__])
d = Final(id=1, must=2, last="z", extra=[1])
print(d, type(d) is dict, isinstance(d, dict))

# Functional form.
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__annotations__, Point.__total__, sorted(Point.__required_keys__))
print(Point.__name__, Point.__orig_bases__[0].__name__, Point.__module__)
Partial = TypedDict("Partial", {"a": int, "b": "str", "c": None}, total=False)
print(Partial.__annotations__, sorted(Partial.__optional_keys__), Partial.__total__)
Nothing = TypedDict("Nothing", {})
print(Nothing(), Nothing.__annotations__, Nothing.__required_keys__)

attempt("isinstance", lambda: isinstance(m, Movie))
attempt("issubclass", lambda: issubclass(dict, Movie))
attempt("both", lambda: TypedDict("X", {"a": int}, b=int))
attempt("bad call", lambda: Movie(1))
attempt("missing key", lambda: Movie(title="x")["year"])


def mixed():
    class Bad(TypedDict, dict):
        a: int

    return Bad


def mixed2():
    class Bad(Movie, object):
        a: int

    return Bad


attempt("dict base", mixed)
attempt("object base", mixed2)


def summary(movie: Movie) -> str:
    return f"{movie['title']} ({movie['year']})"


print(summary(Movie(title="Alien", year=1979)), summary({"title": "Heat", "year": 1995}))
