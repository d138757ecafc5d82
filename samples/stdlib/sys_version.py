# sys.version_info and sys.float_info: struct sequences (tuples with named
# fields), plus sys.version, sys.hexversion and sys.maxsize.
import sys

vi = sys.version_info
print(vi)
print(repr(vi), str(vi))
print(vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial)
print(vi[0], vi[1], vi[:2], vi[-1], len(vi))
print(vi >= (3, 10), vi >= (3, 12, 1), vi < (3, 13), vi > (3, 12, 1, "final", 0), vi <= (3, 12, 1, "final", 0))
print((3, 10) <= vi, (4,) > vi, vi == (3, 12, 1, "final", 0), vi != (3, 12), (3, 12, 1, "final", 0) == vi)
major, minor, *rest = vi
print(major, minor, rest)
print(tuple(vi), list(vi), "final" in vi, vi.count(3), vi.index(12))
print(isinstance(vi, tuple), type(vi).__name__)
print(hash(vi) == hash((3, 12, 1, "final", 0)))
if sys.version_info >= (3, 8):
    print("modern python")
print("{}.{}".format(*sys.version_info[:2]), "%d.%d.%d" % vi[:3])
try:
    vi.major = 4
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(vi < "3")
except TypeError as e:
    print(type(e).__name__, e)

print(sys.version.split()[0], sys.version.startswith("3.12"))
print(hex(sys.hexversion), sys.hexversion >= 0x030C0000)
print(sys.maxsize, sys.maxsize == 2**63 - 1)

fi = sys.float_info
print(fi)
print(fi.epsilon, fi.max, fi.min, fi.dig, fi.mant_dig, fi.radix, fi.max_exp, fi.min_10_exp)
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0, fi.max * 2, len(fi), fi[8] == fi.epsilon)
