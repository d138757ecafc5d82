# json's hooks and options: object_hook, object_pairs_hook, parse_*, strict,
# JSONDecodeError's attributes, JSONEncoder subclasses through cls=, skipkeys, allow_nan.
import json
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads('[1.5, 2, NaN, -Infinity]', parse_float=str, parse_int=lambda s: int(s) * 10, parse_constant=lambda c: c.lower()))
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list), json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"x": "1.10"}', parse_float=lambda t: t + "!"))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno, repr(e.doc), e)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc), json.dumps([{1}], cls=Enc, indent=2))
try:
    json.dumps(object(), cls=Enc)
except TypeError as e:
    print("TypeError:", e)
print(Enc(sort_keys=True).encode({"b": 1, "a": [1.5]}), json.JSONEncoder(separators=(",", ":")).encode({"a": 1}))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
try:
    json.dumps(float("inf"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads("1", foo=1)
except TypeError as e:
    print("TypeError:", e)
print(json.loads('"a\tb"', strict=False))
