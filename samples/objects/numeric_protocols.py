# Objects with __eq__, __float__, __int__, __index__ and __complex__ meet
# built-in values: != inverts the reflected __eq__, % formats and
# complex() convert through the protocols.
class X:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o
    def __float__(self): return 3.5
    def __int__(self): return 3
    def __index__(self): return 3
    def __complex__(self): return 1 + 2j
    def __hash__(self): return 1
print(1 != X(1), 1 == X(1), X(1) != 1, 2 != X(1), "a" != X("a"))
print("%.2f|%d|%i|%x|%5.1e" % (X(0), X(0), X(0), X(0), X(0)))
print(complex(X(0)), float(X(0)), int(X(0)))
class F:
    def __float__(self): return 2.25
print(complex(F()), "%g" % F())
try:
    "%d" % F()
except TypeError as e:
    print(e)
class N:
    def __eq__(self, o):
        return NotImplemented
n = N()
print(n != n, n != 1, 1 != n, n == n)
class Ne:
    def __ne__(self, o):
        return "ne called"
print(1 != Ne(), Ne() != 1)
print("%x|%o|%X" % (X(0), X(0), X(0)))
try:
    "%x" % F()
except TypeError as e:
    print(e)
try:
    "%f" % "s"
except TypeError as e:
    print(e)
