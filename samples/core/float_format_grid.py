# format() of floats over a grid of types, precisions and flags: the
# no-type-with-precision rule (an exponent one digit sooner, "2.0"), "#"
# keeping the point, zero, signed zero and extreme magnitudes.
vals = [0.0, -0.0, 1.0, 2.0, 0.5, 100.0, 99.5, 12.0, 1e-05, 123.456, 1e16, 1e17, 9.999e15,
        2.5, 0.125, 1 / 3, 1e300, 5e-324, 0.0001, 0.0001234, 999999.5, -7.25e-9, float("inf"), float("nan")]
specs = [flag + prec + ty
         for ty in ["", "g", "G", "e", "E", "f", "F", "%", "n"]
         for prec in ["", ".0", ".1", ".3", ".17"]
         for flag in ["", "#", "+", "0>12", ","]
         if not (ty == "n" and flag == ",")]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except ValueError as e:
            row.append("E:" + str(e))
    print(repr(v), "|".join(row))
for v in vals[:12]:
    print("%g|%#g|%.0g|%#.0g|%.3g|%#.3g|%10.4g|%-10.2e|%+.3f|%#.0f|%#.0e|%.12g|%*.*f" % ((v,) * 12 + (9, 2, v)))
