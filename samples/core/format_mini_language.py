# f-strings, str.format and format() with the format-spec mini-language,
# and printf-style % formatting.
x, n, name = 3.14159265, 1234567, "py2rs"
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:+.1e}|{x:g}|{x:.3g}|{x:%}")
print(f"{n:,}|{n:_}|{n:>12,}|{n:012d}|{n:+d}|{-n: d}|{n:x}|{n:#X}|{n:o}|{n:#b}")
print(f"{255:08b}|{255:#010x}|{65:c}|{0.5:.0%}|{1e-7:.2e}|{123456789.0:e}|{1.5e300:g}|{0.0001:g}")
print(f"{name!r}|{name!s}|{name:>10}|{name:*^11}|{name:.3}|{'é':>3}|{name!a}")
width, prec = 12, 3
print(f"[{x:{width}.{prec}f}]", f"[{name:{'>'}{width}}]", f"{'nested':{'^'}{width}}")
value = 42
print(f"{value=}", f"{value = }", f"{x=:.2f}", f"{name=!s}", f"{value*2=}")
print("{} {} {}".format(1, "two", 3.0), "{2}{1}{0}".format("a", "b", "c"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[k]} {2.real}".format([7, 8], {"k": "v"}, 5), "{:>{w}}".format("r", w=4))
print(format(3.5, "08.2f"), format(10, "b"), format("s", "<3") + "|", format(1234.5, ",.2f"), format(True, "d"))
print("%d %i %5d %-5d| %05d %+d" % (1, 2, 3, 4, 5, 6))
print("%s %r %10s %-10s|" % ("a", "b", "c", "d"), "%.3s" % "truncate")
print("%f %.2f %10.3f %e %.1E %g %G" % (x, x, x, x, x, 0.00001, 1e20))
print("%x %X %#x %o %#o %c %%" % (255, 255, 255, 8, 8, 65))
print("%(name)s is %(age)d" % {"name": "bob", "age": 30}, "%s" % [1, 2], "%s" % (1,))
print(f"{-0.0:.1f}|{float('inf'):10}|{float('nan'):>5}|{-1.5:08.2f}|{12:=+6}|{2.5:.0f}|{3.5:.0f}")
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
for item, price, qty in table:
    print(f"{item:<8}{price:>8.2f}{qty:>4}{price * qty:>10.2f}")
try:
    f"{x:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    "%d" % "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
