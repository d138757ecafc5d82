# expect: 5:9: error: SyntaxError: 'return' with value in async generator
async def numbers():
    yield 1
    if True:
        return 2
