# Fixed and scientific float formatting (%f, %e, %g, format specs) over
# exact ties, huge and tiny magnitudes, negative zero and many precisions:
# every digit must be CPython's correctly rounded one.
values = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e-7, 123456.789, 9.995, 9.9999999,
          1e22, 1e23, 2.0**60, 5e-324, 1.7976931348623157e308, -3.25, 1 / 3, 2 / 3, 1e16, 0.1 + 0.2]
for x in values:
    fixed = ["%.*f" % (p, x) for p in (0, 1, 2, 3, 6, 17)]
    sci = ["%.*e" % (p, x) for p in (0, 1, 3, 8, 16)]
    gen = ["%.*g" % (p, x) for p in (1, 3, 6, 12, 17)]
    print(repr(x), fixed, sci, gen)
    print(f"{x:10.3f}|{x:<12.2e}|{x:+.4g}|{x:,.2f}|{x:.0%}|{x:e}|{x:f}|{x:#.0f}|{x:#.0e}")
print("%.40f" % 0.1)
print("%.30e" % 1e-300)
print("%8.3f|%-9.2e|%+.1f" % (3.14159, -2718.28, 0.05))
