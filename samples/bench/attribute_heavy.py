# Attribute-heavy object-oriented workload: particles with properties and
# methods updated in a loop, plus a class hierarchy dispatched by method.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


class Particle:
    def __init__(self, i):
        self.pos = Vec(i % 17, i % 13)
        self.vel = Vec(1 + i % 3, 2 - i % 5)
        self.hits = 0

    @property
    def speed2(self):
        return self.vel.x * self.vel.x + self.vel.y * self.vel.y

    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        if self.pos.x > 100 or self.pos.x < -100:
            self.vel.x = -self.vel.x
            self.hits += 1
        if self.pos.y > 100 or self.pos.y < -100:
            self.vel.y = -self.vel.y
            self.hits += 1


class Shape:
    def area(self):
        return 0


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect(Sq):
    def __init__(self, s, t):
        super().__init__(s)
        self.t = t

    def area(self):
        return self.s * self.t


particles = [Particle(i) for i in range(1000)]
for _ in range(1800):
    for p in particles:
        p.step(1)
print(sum(p.hits for p in particles), sum(p.speed2 for p in particles))
shapes = [Sq(i % 10) if i % 2 else Rect(i % 7, 3) for i in range(1000)]
total = 0
for _ in range(1440):
    for s in shapes:
        total += s.area()
print(total)
