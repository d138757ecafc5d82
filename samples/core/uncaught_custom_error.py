# A program that ends with an uncaught user-defined exception.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance

acct = Account("ann", 100)
print(acct.withdraw(30), acct.withdraw(50))
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("caught:", e, e.needed - e.available)
acct.withdraw(21)
