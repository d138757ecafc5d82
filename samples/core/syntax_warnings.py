# CPython warns as it compiles: first the parser, about invalid escapes in
# string literals (one per literal), then the compiler, about `is` against
# a literal and asserting a tuple. The program prints them first and runs
# unchanged; the last line of stderr is the compiler's last warning.
import re


def check(x):
    assert (x, "never fails")  # always true
    return x is not ()  # "is not" with 'tuple' literal


count = 3
print(check(0), check(()))
print(count is None, count is not ..., count is -3 or count is 1.5j)
if count is 3:  # compiler: "is" with 'int' literal, the last warning
    print("three")

pattern = "\d+\.\d+"  # parser: '\d' only, the first in the literal
print(re.findall(pattern, "pi is 3.14, e is 2.72"))
print(len("\q"), "\q" == "\\q")  # kept as written: two characters
raw = r"\d" "\w"  # the raw part is fine, the second one warns
print(raw)
data = b"\N{x}"  # bytes have no \N escape
print(data)
octal = "\101\777"  # the second is past \377
print(ascii(octal))
width = 5
print(f"{count:\>{width}}|{'x'}\z")  # a format spec, then the text
