import json
data = {"name": "Ünïcode", "n": 3, "f": 1.5, "ok": True, "none": None, "list": [1, 2, {"x": []}], "t": (1, 2), 5: "five"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps("tab\there"))
s = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "\\u00e9\\n"}, "d": ""}'
v = json.loads(s)
print(v, type(v["a"][1]).__name__)
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print("error:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
print(json.dumps({"x": float("inf")}), json.loads("[1, 2]  "))
