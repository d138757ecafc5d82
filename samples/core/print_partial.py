# print() writes each separator and argument as it goes: an argument that
# cannot be made a str leaves what came before it printed, as in CPython.
class Bad:
    def __str__(self):
        raise ValueError("no str")


try:
    print("a", 1, Bad(), "z")
except ValueError as e:
    print()
    print("caught", e)
print("x", "y", sep="-")
print(10 ** 5000)
