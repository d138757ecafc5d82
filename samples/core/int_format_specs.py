# format() of ints with every spec form, machine-sized and big: the digits,
# signs, prefixes, grouping and errors must be CPython's.
vals = [0, 7, -7, 255, -255, 2**63 - 1, -2**63, 10**20, -(10**20), 1234567]
specs = ["", "d", "5d", "<6", ">+8", "^9", "=+10", "x", "#x", "X", "#X", "b", "#b", "o", "#o", ",", "_", "_x", "#_b",
         "010", "+,", " d", "e", ".2f", "%", "g", "n", "08.3e", "c"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(v, out)
print(f"{True:d} {False:x} {True:>4}")
print("%5d|%-5d|%x|%o|%+d" % (42, -42, 255, 8, 3))
