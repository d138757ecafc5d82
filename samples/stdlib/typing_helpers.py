# typing's NewType, AnyStr, assert_never, reveal_type, dataclass_transform and
# the collection aliases Deque, DefaultDict, Counter.
from typing import NewType, AnyStr, assert_never, reveal_type, dataclass_transform, Deque, DefaultDict, Counter
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__name__, UserId.__supertype__, repr(UserId), type(UserId(5)))
print(AnyStr, Deque[int], DefaultDict[str, int], Counter[str])
def concat(a: AnyStr, b: AnyStr) -> AnyStr:
    return a + b
print(concat("x", "y"), reveal_type(3) + 1)
@dataclass_transform()
def model(cls):
    return cls
@model
class M:
    pass
print(M.__name__)
try:
    assert_never(3)
except AssertionError as e:
    print(e)
