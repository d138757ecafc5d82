# Ends with an uncaught TypeError raised by an operator.
def combine(a, b):
    return a + b

print(combine(1, 2), combine("a", "b"), combine([1], [2]))
results = []
for pair in [(1, 2.5), ("x", "y"), ((1,), (2,))]:
    results.append(combine(*pair))
print(results)
print(combine(3, "three"))
