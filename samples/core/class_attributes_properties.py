# Class vs instance attributes, properties, static and class methods.
class Temperature:
    unit = "C"
    instances = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"below absolute zero: {value}")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def describe(c):
        return "hot" if c > 30 else "mild" if c > 10 else "cold"

t = Temperature(25)
print(t.celsius, t.fahrenheit, t.unit, Temperature.unit, Temperature.describe(t.celsius))
t.celsius = 35
print(t.celsius, t.fahrenheit, Temperature.describe(t.celsius))
t.unit = "K"
print(t.unit, Temperature.unit, Temperature.instances)
u = Temperature.from_fahrenheit(212)
print(u.celsius, Temperature.instances, type(Temperature.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_celsius"), sorted(vars(t)))

class Counter:
    count = 0
    def increment(self):
        self.count += 1
        return self.count

c1, c2 = Counter(), Counter()
c1.increment(); c1.increment(); c2.increment()
print(c1.count, c2.count, Counter.count)
Counter.count = 100
print(Counter().count, c1.count)
