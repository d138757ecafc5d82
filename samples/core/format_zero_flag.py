# The 0 flag of a format spec: zeros after the sign for numbers, zeros as the
# fill with an explicit alignment or on a str, ignored as a fill when one is
# given; grouped zero padding adds a zero where a separator would start.
print(repr(f"{5:<08}|{-3:>08}|{123:>+08}|{2.5:<08}|{7:^08}|{5:x<08}"))
print(repr(f"{'ab':08}|{'ab':<08}|{'ab':>08}|{'ab':x^08}"))
print(repr(f"{1234:08,}|{1234:<08,}|{True:08}|{-2.5:=+09.2f}"))
print(repr("{:08}".format("ab")), repr(format("ab", "08")), repr(f"{5:0<8}"), repr(f"{5:0>8}"))
for w in range(4,12): print(w, repr(format(1234, f"0{w},")), repr(format(-1234, f"0{w},")), repr(format(12.5, f"0{w},.1f")), repr(format(255, f"#0{w}_x")))
