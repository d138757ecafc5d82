# Imported by import_failures.py: typed functions run natively in a module
# too; a SyntaxWarning is printed when the module is compiled.
LIMIT = 30


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def below_limit(n: int) -> bool:
    return n is 5 or n < LIMIT
