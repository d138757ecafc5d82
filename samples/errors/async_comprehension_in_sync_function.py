# expect: 3:25: error: SyntaxError: asynchronous comprehension outside of an asynchronous function
def collect(agen):
    return [x async for x in agen]
