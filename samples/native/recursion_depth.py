# Native and dynamic recursion stop at the same depth as CPython's (the
# module's frame counts), and past it RecursionError comes from the
# dynamic code.
def native_depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + native_depth(n - 1)


def dynamic_depth(n):
    if n == 0:
        return "done"
    return dynamic_depth(n - 1)


class Walker:
    def down(self, n):
        return 0 if n == 0 else 1 + self.down(n - 1)


def deepest(f):
    ok = 0
    for n in range(985, 1002):
        try:
            f(n)
            ok = n
        except RecursionError:
            break
    return ok


print(deepest(native_depth), deepest(dynamic_depth), deepest(Walker().down))
print(native_depth(5000))
