# Complex numbers: literals, arithmetic with ints and floats, CPython's repr,
# the constructor, hashing and complex literal patterns in match.
z = 1 + 2j
print(z, 1j, -1j, 1j * 1j, z * z, z / (1 - 1j), z - 3, 2 * z, z ** 2, abs(3 + 4j), -z, z.real, z.imag, z.conjugate())
print(complex(1, 2), complex(), complex("1+2j"), complex(" 3j "), complex(2.5), complex(1, 1j), z == 1 + 2j, 1 + 0j == 1, z != 2, bool(0j), bool(z))
print(type(z), type(z).__name__, isinstance(z, complex), hash(1 + 0j) == hash(1), {1j: "x"}[1j], [0j, 1.5j, 1e16j])
print(f"{z}", str(z), repr(-0.0 - 0j), (1 + 2j) ** -1, 0j ** 0)
def kind(v):
    match v:
        case 0j: return "zero"
        case -1j: return "minus i"
        case 1 + 2j: return "one two"
        case complex(): return "complex"
        case _: return "other"
print(kind(0), kind(-1j), kind(1 + 2j), kind(3j), kind("x"))
try: z < 1j
except TypeError as e: print(e)
try: z / 0
except ZeroDivisionError as e: print(e)
try: z // 2
except TypeError as e: print(e)
