# expect: 5:12: error: SyntaxError: 'await' outside async function
import asyncio

def fetch():
    return await asyncio.sleep(0, "data")

print("never printed: CPython refuses the module")
