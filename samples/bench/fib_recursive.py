# Recursive Fibonacci: function calls and small-int arithmetic.
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


for n in (10, 25, 34, 35):
    print(f"fib({n}) = {fib(n)}")
