# `~` on a bool is deprecated in 3.12: a DeprecationWarning on stderr, once
# per line, while `~True` written as a literal is folded silently.


def flip(b: bool) -> int:
    return ~b  # warns the first time only


print(~True, ~False)
for b in (True, False, True):
    print(flip(b))
x = 5 > 3
print(~x)  # warns: the last line of stderr
for i in range(4):
    print(flip(i % 2 == 0), ~i)  # flip's line has warned already
