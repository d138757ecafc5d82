# A tiny matrix library with operator overloading.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __str__(self):
        width = max(len(str(v)) for row in self.rows for v in row)
        return "\n".join(" ".join(str(v).rjust(width) for v in row) for row in self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[v * other for v in row] for row in self.rows])
        if self.m != other.n:
            raise ValueError(f"shape mismatch: {self.n}x{self.m} * {other.n}x{other.m}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    __rmul__ = __mul__

    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result

    def transpose(self):
        return Matrix(zip(*self.rows))

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b)
print(a * b)
print(2 * a, a * 0.5, sep="\n")
print(a.transpose(), a == Matrix([[1, 2], [3, 4]]), a == b, sep="\n")
fib = Matrix([[1, 1], [1, 0]]) ** 30
print(fib.rows[0][1], repr(Matrix.identity(2)))
try:
    a * Matrix([[1, 2, 3]])
except ValueError as e:
    print("ValueError:", e)
big = Matrix([[i + j for j in range(4)] for i in range(4)])
print(big ** 3)
