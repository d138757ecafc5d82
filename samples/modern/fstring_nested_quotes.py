# Python 3.12 f-strings (PEP 701) may reuse their own quote inside a
# replacement field: subscripts, str methods, nested f-strings, format specs
# with nested fields and conversions. (A self-documenting field that reuses
# the quote, and a third level of quotes, are refused: see samples/errors.)
names = ["ada", "grace", "barbara"]
d = {"key": 42, "name": "ada", 'it': "x"}
width = 8

print(f"{d["key"]}")
print(f'({', '.join(names)})')
print(f"{"-".join(n.upper() for n in names)!r:>{width * 4}}|")
print(f"{f"{names[0]:>{width}}"}|")
print(f"{'a' + "b"} {d['it']} {", ".join(f'{n!r}' for n in names)}")
print(f"""{"triple"} {d["key"] * 2:05d}""")
print(f"{d.get('missing', 'default')=}")
rows = [{"n": n, "len": len(n)} for n in names]
for row in rows:
    print(f"{row["n"]:<{width}}{row["len"]:>3}")
print(f"{len(d["name"])} chars, {"yes" if "key" in d else "no"}")
print(f"missing: {d["missing"]}")
