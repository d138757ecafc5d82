# expect: 2:12: error: SyntaxError: invalid syntax. Got unexpected token ':'
def broken(:
    pass
