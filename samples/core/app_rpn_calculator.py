# A stack-based (RPN) calculator with error handling.
import math

class CalcError(Exception):
    pass

OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "^": lambda a, b: a ** b,
}
FUNCS = {"sqrt": math.sqrt, "neg": lambda a: -a, "abs": abs}

def evaluate(expr):
    stack = []
    for token in expr.split():
        if token in OPS:
            if len(stack) < 2:
                raise CalcError(f"not enough operands for {token}")
            b, a = stack.pop(), stack.pop()
            try:
                stack.append(OPS[token](a, b))
            except ZeroDivisionError as e:
                raise CalcError(f"{a} {token} {b}: {e}") from e
        elif token in FUNCS:
            if not stack:
                raise CalcError(f"no operand for {token}")
            stack.append(FUNCS[token](stack.pop()))
        else:
            try:
                stack.append(int(token))
            except ValueError:
                try:
                    stack.append(float(token))
                except ValueError:
                    raise CalcError(f"bad token {token!r}") from None
    if len(stack) != 1:
        raise CalcError(f"stack has {len(stack)} items: {stack}")
    return stack[0]

for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 10 ^", "7 2 /", "7 2 //", "-7 2 %", "2 sqrt", "1 0 /", "1 +", "1 2", "x 1 +", "16 sqrt neg abs", "2 100 ^"]:
    try:
        print(f"{e!r:>22} = {evaluate(e)}")
    except CalcError as err:
        cause = type(err.__cause__).__name__ if err.__cause__ else "-"
        print(f"{e!r:>22} ! {err} (cause: {cause})")
