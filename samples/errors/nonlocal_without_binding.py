# expect: 3:5: error: SyntaxError: no binding for nonlocal 'total' found
def f():
    def g():
        nonlocal total
        total = 1
    return g
