# expect: 4:10: error: unsupported: a self-documenting f-string field `{expr=}` whose expression reuses the f-string's quote
d = {"key": 42}
# `{expr=}` prints the expression as written, so its quotes cannot be swapped.
print(f"{d["key"]=}")
