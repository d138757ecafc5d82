# Decorators forwarding *args: P.args, **kwargs: P.kwargs through
# functools.wraps; ParamSpec and Concatenate objects.
import functools
from typing import Callable, Concatenate, ParamSpec, TypeVar, overload

P = ParamSpec("P")
R = TypeVar("R")


def logged(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        print(f"calling {func.__name__} with {args} {kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result

    return wrapper


@logged
def add(x: int, y: int = 10) -> int:
    """Adds two numbers."""
    return x + y


print(add(1), add(2, y=3))
print(add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)
print(P, P.args, P.kwargs, P.__name__, type(P).__name__, P.args.__origin__ is P)


def with_retries[**Q, T](n: int) -> Callable[[Callable[Q, T]], Callable[Q, T]]:
    def deco(func: Callable[Q, T]) -> Callable[Q, T]:
        @functools.wraps(func)
        def inner(*args: Q.args, **kwargs: Q.kwargs) -> T:
            for attempt in range(1, n + 1):
                try:
                    return func(*args, **kwargs)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError("out of retries")

        return inner

    return deco


tries = []


@with_retries(3)
def flaky(limit: int) -> str:
    tries.append(1)
    if len(tries) < limit:
        raise ValueError(f"try {len(tries)}")
    return "ok"


print(flaky(2), with_retries.__type_params__, flaky.__type_params__)


def with_request(f: Callable[Concatenate[str, P], R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return f("request", *args, **kwargs)

    return inner


@with_request
def handle(req: str, n: int) -> str:
    return f"{req} #{n}"


print(handle(5), Concatenate[str, P])


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(4), double("ab"))

# A bad call through the forwarding wrapper fails in the wrapped function.
add(1, 2, 3)
