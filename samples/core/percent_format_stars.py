# printf-style % formatting: '*' widths and precisions taken from the
# arguments, '#' alternate forms, and the errors for bad conversions.
print(repr('%.*f' % (-1, 1.5)))
print(repr('%*d|' % (-5, 42)))
print(repr('%-*d|' % (5, 42)))
print(repr('%*.*f|' % (8, 2, 3.14159)))
print(repr('%5s|%-5s|%.2s|%%|%c|%r' % ('ab', 'cd', 'xyz', 'é', 'q')))
for bad in [lambda: '%*d' % ('x', 1), lambda: '%.*f' % (1.5, 2.0), lambda: '%*d' % (5,), lambda: '%(a)*d' % {'a': 1}, lambda: '%*d' % (True, 7), lambda: '%' % (), lambda: '%5' % 1, lambda: '%é' % 1]:
    try: print(repr(bad()))
    except Exception as e: print(type(e).__name__, e)
print(f'{1.5:#.0%}', f'{2.0:#.0F}', '%#.0f' % 2.0, '%#.0e' % 2.0, '%#.0g' % 2.0, f'{2.0:#.0g}', f'{2.0:#.0}')
for f, a in [('%y', ()), ('%(k)y', {'k': 1}), ('%(k)y', {}), ('ab%\x7f', 1), ('%y', 1)]:
    try: print(f % a)
    except Exception as e: print(type(e).__name__, e)
print(f'{100.0:.3}', f'{100.0:.3g}', f'{12.0:.2}', f'{1.0:.1}', f'{0.5:.1}', f'{123.456:.4}', f'{2.0:.0}', f'{2.0:#.0}', f'{0.0001:.2}', f'{99.5:.2}')
