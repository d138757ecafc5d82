# Fixed-layout classes: methods run natively on instances whose fields
# are read and written in place, with direct calls between methods.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scale_in_place(self, k):
        self.x *= k
        self.y *= k


class Body:
    def __init__(self, i):
        self.pos = Vec(i, 2 * i)
        self.vel = Vec(1, -1)
        self.steps = 0
        self.mass = 1.5

    def step(self, n):
        for _ in range(n):
            self.pos = self.pos.add(self.vel)
            self.steps += 1
            if self.pos.y < 0:
                self.vel.y = -self.vel.y
        return self.steps

    def energy(self):
        return 0.5 * self.mass * self.vel.dot(self.vel)

    def reset(self):
        if self.steps == 0:
            return
        self.steps = 0


class Counter:
    def __init__(self):
        self.n = 0

    def bump_many(self, other: "Counter", times: int):
        # Writes another instance many times: the journal of writes to undo
        # fills, and the call reruns dynamically with the same result.
        for _ in range(times):
            other.n += 1
        return other.n


bodies = [Body(i) for i in range(5)]
for b in bodies:
    print(b.step(7), b.pos.x, b.pos.y, b.vel.y, b.energy())
b = bodies[0]
b.reset()
print(b.steps, vars(b.pos) if hasattr(b.pos, "__dict__") else "slots", b.pos.x)
v = Vec(3, 4)
v.scale_in_place(10)
print(v.x, v.y, v.dot(Vec(1, 1)))
c, d = Counter(), Counter()
print(c.bump_many(d, 100_000), d.n)
print(vars(c), vars(d))

# A field past 64 bits: the native method bails before its first write and
# the dynamic one promotes, as Python does.
big = Vec(2**62, 1)
big.scale_in_place(4)
print(big.x, big.y)

# A bail after a write: x is written, then y overflows; the rerun sees the
# original x.
w = Vec(3, 2**62)
w.scale_in_place(2)
print(w.x, w.y)
