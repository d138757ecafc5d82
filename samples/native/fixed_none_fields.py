# Fields stored None natively: native code may store None (the dynamic
# code reads it back), and replace it with a value later.
class Account:
    def __init__(self, owner: int, balance: int):
        self.owner = owner
        self.balance = balance
        self.last = None
        self.peak = 0

    def deposit(self, amount: int):
        self.balance += amount
        self.last = amount
        if self.balance > self.peak:
            self.peak = self.balance
        return self.balance

    def reset_last(self):
        self.last = None
        return self.peak


a = Account(1, 10)
print(a.last, a.peak)
for k in range(5):
    print(a.deposit(k * 3), a.last)
print(a.reset_last(), a.last)
a.last = "text"
try:
    print(a.reset_last(), a.last)
except TypeError as e:
    print("TypeError", e)
a.peak = None
try:
    print(a.deposit(1), a.peak, a.last)
except TypeError as e:
    print("TypeError", e, a.balance, a.last)
b = Account(2, 2**62)
print(b.deposit(2**62), b.last, b.peak)
