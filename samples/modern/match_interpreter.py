# A tokenizer and a small expression interpreter that dispatch on nested
# patterns: tuples of tokens, dataclass AST nodes, dicts and sequences.
from dataclasses import dataclass


@dataclass
class Num:
    value: int


@dataclass
class BinOp:
    op: str
    left: object
    right: object


@dataclass
class Let:
    name: str
    value: object
    body: object


@dataclass
class Var:
    name: str


def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        match src[i]:
            case " ":
                i += 1
            case c if c.isdigit():
                j = i
                while j < len(src) and src[j].isdigit():
                    j += 1
                tokens.append(("num", int(src[i:j])))
                i = j
            case c if c.isalpha():
                j = i
                while j < len(src) and src[j].isalnum():
                    j += 1
                word = src[i:j]
                tokens.append(("kw", word) if word in ("let", "in") else ("name", word))
                i = j
            case "+" | "-" | "*" | "(" | ")" | "=" as c:
                tokens.append(("op", c))
                i += 1
            case other:
                raise SyntaxError(f"bad character {other!r} at {i}")
    return tokens


def parse(tokens):
    def expr(pos):
        left, pos = term(pos)
        while pos < len(tokens) and tokens[pos] in (("op", "+"), ("op", "-")):
            op = tokens[pos][1]
            right, pos = term(pos + 1)
            left = BinOp(op, left, right)
        return left, pos

    def term(pos):
        left, pos = atom(pos)
        while pos < len(tokens) and tokens[pos] == ("op", "*"):
            right, pos = atom(pos + 1)
            left = BinOp("*", left, right)
        return left, pos

    def atom(pos):
        match tokens[pos:]:
            case [("num", n), *_]:
                return Num(n), pos + 1
            case [("kw", "let"), ("name", name), ("op", "="), *_]:
                value, pos = expr(pos + 3)
                if tokens[pos] != ("kw", "in"):
                    raise SyntaxError("expected 'in'")
                body, pos = expr(pos + 1)
                return Let(name, value, body), pos
            case [("name", name), *_]:
                return Var(name), pos + 1
            case [("op", "("), *_]:
                inner, pos = expr(pos + 1)
                return inner, pos + 1
            case [tok, *_]:
                raise SyntaxError(f"unexpected {tok}")
            case []:
                raise SyntaxError("unexpected end")

    tree, _ = expr(0)
    return tree


def evaluate(node, env):
    match node:
        case Num(value=v):
            return v
        case Var(name) if name in env:
            return env[name]
        case Var(name):
            raise NameError(f"unbound {name}")
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return 0
        case BinOp(op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            match op:
                case "+":
                    return a + b
                case "-":
                    return a - b
                case "*":
                    return a * b
        case Let(name, value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})


def describe(node):
    match node:
        case {"kind": "num", "value": int(v)}:
            return f"literal {v}"
        case {"kind": "op", "args": [first, *rest]} if rest:
            return f"op on {describe(first)} and {len(rest)} more"
        case Num() | Var():
            return type(node).__name__.lower()
        case BinOp(left=BinOp() as inner):
            return f"nested {inner.op}"
        case _:
            return "something else"


programs = ["1 + 2 * 3", "(1 + 2) * 3", "let x = 5 in x * x - 1", "let a = 2 in let b = a * 10 in b + a", "y * 0", "7 * y"]
for src in programs:
    tokens = tokenize(src)
    tree = parse(tokens)
    try:
        print(f"{src!r:40} -> {evaluate(tree, {})}")
    except NameError as e:
        print(f"{src!r:40} -> NameError: {e}")
print(tokenize("let z = 10 in z")[:3])
print(parse(tokenize("1 + 2 * 3")))
for thing in [{"kind": "num", "value": 3}, {"kind": "op", "args": [{"kind": "num", "value": 1}, 2]}, Num(1), BinOp("+", BinOp("*", Num(1), Num(2)), Num(3)), [1]]:
    print(describe(thing))
tokenize("1 + $")
