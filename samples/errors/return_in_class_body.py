# expect: 6:9: error: SyntaxError: 'return' outside function
class Walker:
    # A class body is no function: CPython refuses the whole module.
    total = 0
    for n in range(3):
        return n
